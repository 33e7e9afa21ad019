-- Internal helper: refuses a page size outside 1..p_max with the message every paged admin function gives.
create or replace function private.check_page_size(p_limit integer, p_max integer)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_limit is null or p_limit < 1 or p_limit > p_max then
    raise exception 'The page size must be between 1 and %.', pg_catalog.to_char(p_max, 'FM999,999,999') using errcode = '22023';
  end if;
end;
$$;
comment on function private.check_page_size(integer, integer) is 'Internal: raises 22023 unless 1 <= p_limit <= p_max.';
revoke execute on function private.check_page_size(integer, integer) from public, anon, authenticated;
grant execute on function private.check_page_size(integer, integer) to service_role;
