-- Internal helper: the cron expression of a refresh interval in minutes (one of the allowed ones).
create or replace function private.trending_cron_expression(p_minutes integer)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when p_minutes < 60 then '*/' || p_minutes || ' * * * *'
    when p_minutes = 60 then '0 * * * *'
    when p_minutes < 1440 then '0 */' || (p_minutes / 60) || ' * * *'
    else '0 3 * * *'
  end;
$$;
comment on function private.trending_cron_expression(integer) is 'Internal: the pg_cron schedule of a trending refresh interval (5-30 min: */N; hours: 0 */H; a day: 03:00).';
revoke execute on function private.trending_cron_expression(integer) from public, anon, authenticated;
grant execute on function private.trending_cron_expression(integer) to service_role;
