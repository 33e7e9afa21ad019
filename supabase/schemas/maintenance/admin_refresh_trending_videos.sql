-- Admin API: refreshes trending_videos now (the button, or the console's timer) and records it.
create or replace function public.admin_refresh_trending_videos(p_operator uuid, p_source text default 'console')
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.require_staff(p_operator, 'admin');
  if p_source is null or p_source not in ('console', 'schedule') then
    raise exception 'Unknown refresh source "%": use console or schedule.', p_source using errcode = '22023';
  end if;
  return private.refresh_trending_videos(p_source, p_operator);
end;
$$;
comment on function public.admin_refresh_trending_videos(uuid, text) is 'Admin: refreshes trending_videos concurrently (readers are not blocked) and records the refresh ({refreshed_at, duration_ms, source}); p_source: console (the button) or schedule (the console''s timer).';
revoke execute on function public.admin_refresh_trending_videos(uuid, text) from public, anon, authenticated;
grant execute on function public.admin_refresh_trending_videos(uuid, text) to service_role;
