-- Admin API: when trending_videos was last refreshed, the schedule, and (where the database has pg_cron) its job and last runs.
create or replace function public.admin_trending_status(p_operator uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_cron boolean := exists (select 1 from pg_catalog.pg_extension e where e.extname = 'pg_cron');
  v_job jsonb := null;
  v_runs jsonb := '[]';
begin
  -- Every read of the cron schema is dynamic SQL behind a check that the extension is installed,
  -- so the function works on databases without it.
  perform private.require_staff(p_operator, 'moderator');
  if v_cron then
    execute $q$select pg_catalog.to_jsonb(j) from (select jobid, schedule, command, active from cron.job where jobname = 'magna_refresh_trending') j$q$
      into v_job;
    if v_job is not null then
      execute $q$select coalesce(pg_catalog.jsonb_agg(r order by r.start_time desc), '[]') from (
                  select d.start_time, d.end_time, d.status, d.return_message from cron.job_run_details d
                   where d.jobid = $1 order by d.start_time desc limit 10) r$q$
        into v_runs using (v_job ->> 'jobid')::bigint;
    end if;
  end if;
  return pg_catalog.jsonb_build_object(
    'interval_minutes', (select s.interval_minutes from private.trending_schedule s),
    'runner', case when v_cron then 'pg_cron' else 'console' end,
    'cron_job', v_job,
    'cron_runs', v_runs,
    'recent', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'refreshed_at', r.refreshed_at, 'duration_ms', r.duration_ms, 'source', r.source, 'operator', u.username)
             order by r.refreshed_at desc)
        from (select * from private.trending_refreshes order by refreshed_at desc limit 10) r
        left join public.users u on u.id = r.operator), '[]'));
end;
$$;
comment on function public.admin_trending_status(uuid) is 'Admin: trending_videos refreshes ({interval_minutes, runner: pg_cron|console, cron_job, cron_runs, recent: last 10 refreshes}); any staff member.';
revoke execute on function public.admin_trending_status(uuid) from public, anon, authenticated;
grant execute on function public.admin_trending_status(uuid) to service_role;
