-- Admin API: the console's home page in one call: queue depth today and per day, the oldest pending item, decisions per moderator per day, the decision mix, open reports by reason, embedding coverage.
create or replace function public.admin_dashboard(p_operator uuid, p_days integer default 30)
returns jsonb
language plpgsql
volatile
set search_path = ''
-- Planned for each call's own filters: a plan cached for all of them cannot use the operator's
-- index when one is given, nor drop the branches of the logs left out.
set plan_cache_mode = force_custom_plan
as $$
declare
  v_since timestamptz;
  v_pending bigint;
  v_flagged bigint;
begin
  perform private.moderation_require_operator(p_operator);
  if pg_catalog.cardinality(private.activity_domains(p_operator)) = 0 then
    raise exception '% is not staff: the dashboard needs the moderator, curator or admin role.', (select u.username from public.users u where u.id = p_operator)
      using errcode = '42501', hint = 'Act as a staff member (Settings, Operator), or ask an admin to grant a role.';
  end if;
  if p_days is null or p_days < 1 or p_days > 366 then
    raise exception 'The period must be between 1 and 366 days.' using errcode = '22023';
  end if;
  -- Days are UTC days; the period ends today and includes it.
  v_since := (pg_catalog.date_trunc('day', pg_catalog.now() at time zone 'utc') - (p_days - 1) * interval '1 day') at time zone 'utc';

  -- Queue sizes are kept by trigger (video_status_counts): a lookup, not a count.
  select coalesce(sum(n) filter (where moderation_status = 'pending'), 0), coalesce(sum(n) filter (where moderation_status = 'flagged'), 0)
    into v_pending, v_flagged
    from public.video_status_counts;
  -- Today's depth: the latest reading of the day wins. The history starts the first day a
  -- console showed the dashboard (a past day's depth is not derivable: videos may be inserted in
  -- any state, and only decisions are audited).
  -- Written only when the reading changed: an unchanged one would still lock the row and make
  -- the call's commit wait for a WAL flush, every minute, in every console.
  if not exists (select 1 from public.queue_depth_daily d
                  where d.day = (pg_catalog.now() at time zone 'utc')::date and d.pending = v_pending and d.flagged = v_flagged) then
    insert into public.queue_depth_daily as d (day, pending, flagged, recorded_at)
    values ((pg_catalog.now() at time zone 'utc')::date, v_pending, v_flagged, pg_catalog.now())
    on conflict (day) do update set pending = excluded.pending, flagged = excluded.flagged, recorded_at = excluded.recorded_at;
  end if;

  return pg_catalog.jsonb_build_object(
    'days', p_days,
    'since', v_since,
    'pending', v_pending,
    'flagged', v_flagged,
    'oldest_pending_at', (select min(v.created_at) from public.videos v where v.moderation_status = 'pending'),
    'depth', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('day', d.day, 'pending', d.pending, 'flagged', d.flagged) order by d.day)
                         from public.queue_depth_daily d where d.day >= (v_since at time zone 'utc')::date), '[]'::jsonb),
    -- Decisions on videos, comments and context notes per moderator per day (undo and edits are not decisions).
    'decisions', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('day', x.day, 'operator', u.username, 'operator_id', x.operator_id, 'n', x.n)
                                                    order by x.day, u.username)
                             from (select (a.occurred_at at time zone 'utc')::date as day, a.operator_id, count(*) as n
                                     from public.moderation_audit_log a
                                    where a.occurred_at >= v_since
                                      and a.action in ('approve', 'reject', 'flag', 'reopen', 'remove_comment', 'keep_comment', 'approve_context', 'reject_context', 'dismiss_reports')
                                    group by 1, 2) x
                             join public.users u on u.id = x.operator_id), '[]'::jsonb),
    'mix', coalesce((select pg_catalog.jsonb_object_agg(m.action, m.n)
                       from (select a.action, count(*) as n from public.moderation_audit_log a
                              where a.occurred_at >= v_since and a.target_type = 'video' and a.action in ('approve', 'reject', 'flag')
                              group by a.action) m), '{}'::jsonb),
    'reports_by_reason', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('reason', r.reason, 'n', r.n) order by r.n desc, r.reason)
                                     from (select r.reason, count(*) as n from public.reports r where r.status = 'open' group by r.reason) r), '[]'::jsonb),
    'videos', (select coalesce(sum(c.n), 0) from public.video_status_counts c),
    'embedded', (select count(*) from public.video_embeddings),
    -- Every refresh (button, console timer, pg_cron) is recorded in private.trending_refreshes.
    'trending_refreshed_at', (select max(r.refreshed_at) from private.trending_refreshes r)
  );
end;
$$;
comment on function public.admin_dashboard(uuid, integer) is 'Admin: the dashboard in one call ({days, since, pending, flagged, oldest_pending_at, depth[], decisions[], mix{}, reports_by_reason[], videos, embedded, trending_refreshed_at}); records today''s queue depth in queue_depth_daily; any staff role.';
revoke execute on function public.admin_dashboard(uuid, integer) from public, anon, authenticated;
grant execute on function public.admin_dashboard(uuid, integer) to service_role;
