-- Internal helper: the sort keys (at, domain, key) of an activity-log page cursor; nulls for no cursor, 22023 for one the feed did not give.
create or replace function private.activity_cursor(p_cursor jsonb, out at timestamptz, out domain text, out seq bigint)
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_cursor is null then
    return;
  end if;
  begin
    at := (p_cursor ->> 'at')::timestamptz;
    domain := p_cursor ->> 'domain';
    seq := (p_cursor ->> 'key')::bigint;
  exception when others then
    at := null;
  end;
  if at is null or domain is null or seq is null then
    raise exception 'The page cursor is not one this function gave.' using errcode = '22023', hint = 'Reload the list from its first page.';
  end if;
end;
$$;
comment on function private.activity_cursor(jsonb) is 'Internal: the sort keys (at, domain, key as a number) of an admin_activity page cursor; nulls for no cursor; raises 22023 for a cursor the feed did not give.';
revoke execute on function private.activity_cursor(jsonb) from public, anon, authenticated;
grant execute on function private.activity_cursor(jsonb) to service_role;
