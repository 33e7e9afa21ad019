-- Internal helper: refreshes trending_videos concurrently (readers are not blocked) and records the refresh.
create or replace function private.refresh_trending_videos(p_source text, p_operator uuid)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_started timestamptz := pg_catalog.clock_timestamp();
  v_ms integer;
begin
  refresh materialized view concurrently public.trending_videos;
  v_ms := (extract(epoch from pg_catalog.clock_timestamp() - v_started) * 1000)::integer;
  insert into private.trending_refreshes (refreshed_at, duration_ms, source, operator)
  values (pg_catalog.now(), v_ms, p_source, p_operator);
  return pg_catalog.jsonb_build_object('refreshed_at', pg_catalog.now(), 'duration_ms', v_ms, 'source', p_source);
end;
$$;
comment on function private.refresh_trending_videos(text, uuid) is 'Internal: refreshes trending_videos concurrently and records when, how long and by what (console, schedule, pg_cron); the pg_cron job calls it directly.';
revoke execute on function private.refresh_trending_videos(text, uuid) from public, anon, authenticated;
grant execute on function private.refresh_trending_videos(text, uuid) to service_role;
