-- Admin API: sets how often trending_videos is refreshed (null: only on demand), as a pg_cron job where the database has pg_cron.
create or replace function public.admin_schedule_trending_refresh(p_operator uuid, p_interval_minutes integer)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_cron boolean := exists (select 1 from pg_catalog.pg_extension e where e.extname = 'pg_cron');
  v_jobid bigint;
begin
  -- Where the database has pg_cron the schedule is its job "magna_refresh_trending" (created,
  -- changed or unscheduled here, in the same transaction); elsewhere the console's timer follows
  -- the stored interval while it runs.
  perform private.require_staff(p_operator, 'admin');
  if p_interval_minutes is not null and p_interval_minutes not in (5, 10, 15, 30, 60, 120, 360, 720, 1440) then
    raise exception 'A refresh every % minutes is not offered.', p_interval_minutes
      using errcode = '22023', hint = 'Choose 5, 10, 15, 30, 60, 120, 360, 720 or 1440 minutes, or none.';
  end if;
  insert into private.trending_schedule (singleton, interval_minutes, updated_by, updated_at)
  values (true, p_interval_minutes, p_operator, pg_catalog.now())
  on conflict (singleton) do update
    set interval_minutes = excluded.interval_minutes, updated_by = excluded.updated_by, updated_at = excluded.updated_at;
  if v_cron then
    execute $q$select jobid from cron.job where jobname = 'magna_refresh_trending'$q$ into v_jobid;
    if p_interval_minutes is null then
      if v_jobid is not null then
        execute 'select cron.unschedule($1)' using v_jobid;
      end if;
    else
      -- cron.schedule with an existing job name changes that job.
      execute 'select cron.schedule($1, $2, $3)'
        using 'magna_refresh_trending', private.trending_cron_expression(p_interval_minutes),
              'select private.refresh_trending_videos(''pg_cron'', null)';
    end if;
  end if;
  return public.admin_trending_status(p_operator);
end;
$$;
comment on function public.admin_schedule_trending_refresh(uuid, integer) is 'Admin: how often trending_videos is refreshed (5, 10, 15, 30, 60, 120, 360, 720 or 1440 minutes; null: on demand only): a pg_cron job where the database has pg_cron, else the console''s timer; returns admin_trending_status.';
revoke execute on function public.admin_schedule_trending_refresh(uuid, integer) from public, anon, authenticated;
grant execute on function public.admin_schedule_trending_refresh(uuid, integer) to service_role;
