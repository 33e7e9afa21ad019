-- Internal helper: lower-case letters and digits joined by hyphens, from a name.
create or replace function private.taxonomy_slugify(p_name text)
returns text
language sql
immutable
set search_path = ''
as $$
  select pg_catalog.btrim(pg_catalog.regexp_replace(pg_catalog.lower(coalesce(p_name, '')), '[^a-z0-9]+', '-', 'g'), '-')
$$;
comment on function private.taxonomy_slugify(text) is 'Internal: lower-case letters and digits joined by hyphens, from a name.';
revoke execute on function private.taxonomy_slugify(text) from public, anon, authenticated;
grant execute on function private.taxonomy_slugify(text) to service_role;
