-- Internal helper: refuses an empty or over-long item list.
create or replace function private.moderation_check_items(p_items jsonb)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_items is null or pg_catalog.jsonb_typeof(p_items) <> 'array' or pg_catalog.jsonb_array_length(p_items) = 0 then
    raise exception 'No items: pass a non-empty array of {id, expected_…}.' using errcode = '22023';
  end if;
  if pg_catalog.jsonb_array_length(p_items) > 1000 then
    raise exception 'At most 1,000 items per call (got %).', pg_catalog.jsonb_array_length(p_items) using errcode = '22023';
  end if;
end;
$$;
comment on function private.moderation_check_items(jsonb) is 'Internal: refuses an empty or over-long item list.';
revoke execute on function private.moderation_check_items(jsonb) from public, anon, authenticated;
grant execute on function private.moderation_check_items(jsonb) to service_role;
