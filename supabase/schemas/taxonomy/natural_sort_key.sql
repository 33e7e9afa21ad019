-- Internal helper: a name's natural sort key (lower case, each run of digits by its value: 1, 2, 10, 11).
create or replace function private.natural_sort_key(p_name text)
returns text
language sql
immutable
strict
parallel safe
set search_path = ''
as $$
  -- A run of digits becomes its length (two digits) and its value without leading zeros, so
  -- "2" (012) sorts before "10" (0210), as Intl.Collator({numeric: true}) orders them in the console.
  select coalesce(pg_catalog.string_agg(
           case when r.m[1] operator(pg_catalog.~) '^[0-9]'
                then pg_catalog.lpad(pg_catalog.length(pg_catalog.ltrim(r.m[1], '0'))::text, 2, '0') || pg_catalog.ltrim(r.m[1], '0')
                else r.m[1] end, '' order by r.n), '')
    from pg_catalog.regexp_matches(pg_catalog.lower(p_name), '[0-9]+|[^0-9]+', 'g') with ordinality as r(m, n)
$$;
comment on function private.natural_sort_key(text) is 'Internal: the natural sort key of a name (lower case; digit runs compared by value, so 1, 2, 10, 11), indexed on tags for the tag table''s name order.';
revoke execute on function private.natural_sort_key(text) from public, anon, authenticated;
grant execute on function private.natural_sort_key(text) to service_role;
