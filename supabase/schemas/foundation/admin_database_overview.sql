-- Admin API: row count per table in public, latest applied migration, pgvector and Postgres versions.
create or replace function public.admin_database_overview()
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  t record;
  n bigint;
  tables jsonb := '[]'::jsonb;
  latest text;
  applied integer;
begin
  -- Exact counts for ordinary tables; planner estimates past 200k rows, where count(*)
  -- would take seconds, and for tables closed to the caller (staff_roles): flagged exact = false.
  for t in
    select c.oid, c.relname, c.reltuples
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
     where ns.nspname = 'public' and c.relkind in ('r', 'p')
     order by c.relname
  loop
    if t.reltuples > 200000 or not pg_catalog.has_table_privilege(t.oid, 'select') then
      tables := tables || pg_catalog.jsonb_build_object('name', t.relname, 'rows', greatest(t.reltuples, 0)::bigint, 'exact', false);
    else
      execute pg_catalog.format('select count(*) from public.%I', t.relname) into n;
      tables := tables || pg_catalog.jsonb_build_object('name', t.relname, 'rows', n, 'exact', true);
    end if;
  end loop;

  if pg_catalog.to_regclass('supabase_migrations.schema_migrations') is not null
     and pg_catalog.has_table_privilege('supabase_migrations.schema_migrations', 'select') then
    execute 'select max(version), count(*)::int from supabase_migrations.schema_migrations' into latest, applied;
  end if;

  return pg_catalog.jsonb_build_object(
    'tables', tables,
    'latest_migration', latest,
    'applied_migrations', coalesce(applied, 0),
    'pgvector_version', (select extversion from pg_catalog.pg_extension where extname = 'vector'),
    'postgres_version', pg_catalog.current_setting('server_version'),
    'database', pg_catalog.current_database()
  );
end;
$$;
comment on function public.admin_database_overview() is 'Admin: row count per table in public, latest applied migration, pgvector and Postgres versions.';
revoke execute on function public.admin_database_overview() from public, anon, authenticated;
grant execute on function public.admin_database_overview() to service_role;
