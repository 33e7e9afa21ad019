-- Internal helper: turns the limit + 1 rows a keyset query fetched into one page and the cursor of the next page.
create or replace function private.keyset_page(p_rows jsonb, p_limit integer, p_cursor_keys text[])
returns jsonb
language sql
immutable
set search_path = ''
as $$
  -- The query asked for one row more than the page: if it came, there is a next page, and its
  -- cursor is made of the sort keys of the page's last row.
  select pg_catalog.jsonb_build_object(
    'rows', case when pg_catalog.jsonb_array_length(p_rows) > p_limit then p_rows - p_limit else p_rows end,
    'next_cursor', case when pg_catalog.jsonb_array_length(p_rows) > p_limit then
      (select pg_catalog.jsonb_object_agg(k.key, p_rows -> (p_limit - 1) -> k.key) from pg_catalog.unnest(p_cursor_keys) as k(key)) end)
$$;
comment on function private.keyset_page(jsonb, integer, text[]) is 'Internal: {rows, next_cursor} from the p_limit + 1 rows of a keyset query; next_cursor holds the given keys of the page''s last row, or is null on the last page.';
revoke execute on function private.keyset_page(jsonb, integer, text[]) from public, anon, authenticated;
grant execute on function private.keyset_page(jsonb, integer, text[]) to service_role;
