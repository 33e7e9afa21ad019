-- Bootstrap: what hosted Supabase already provides and plain Postgres / PGlite lack.
-- Every step is guarded, so on Supabase this file changes nothing: the roles, the
-- `auth` helpers and the `extensions` schema are already there.
-- Why: one set of migration files runs unchanged on Supabase, self-hosted Postgres 15+
-- and the console's embedded PGlite workspace.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create schema if not exists extensions;

-- The three API roles PostgREST switches between. `service_role` bypasses RLS as on Supabase.
do $bootstrap$
begin
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$bootstrap$;

grant usage on schema public to anon, authenticated, service_role;
grant usage on schema extensions to anon, authenticated, service_role;

-- auth.uid() / auth.role() / auth.jwt(), as Supabase defines them (reading the JWT claims
-- PostgREST puts in `request.jwt.claims`). Created only where missing: on Supabase the
-- `auth` schema belongs to supabase_auth_admin and must not be touched.
do $auth$
begin
  if not exists (select 1 from pg_catalog.pg_namespace where nspname = 'auth') then
    create schema auth;
    grant usage on schema auth to anon, authenticated, service_role;
  end if;

  if pg_catalog.to_regprocedure('auth.uid()') is null then
    create function auth.uid() returns uuid
      language sql stable
      set search_path = ''
    as $fn$
      select coalesce(
        nullif(pg_catalog.current_setting('request.jwt.claim.sub', true), ''),
        (nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
      )::uuid
    $fn$;
    comment on function auth.uid() is 'The signed-in user''s id (JWT claim sub), or null. Stand-in for Supabase''s auth.uid() where the auth schema is absent.';
    grant execute on function auth.uid() to anon, authenticated, service_role;
  end if;

  if pg_catalog.to_regprocedure('auth.role()') is null then
    create function auth.role() returns text
      language sql stable
      set search_path = ''
    as $fn$
      select coalesce(
        nullif(pg_catalog.current_setting('request.jwt.claim.role', true), ''),
        (nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
      )::text
    $fn$;
    comment on function auth.role() is 'The JWT role claim (anon, authenticated, service_role), or null. Stand-in for Supabase''s auth.role().';
    grant execute on function auth.role() to anon, authenticated, service_role;
  end if;

  if pg_catalog.to_regprocedure('auth.jwt()') is null then
    create function auth.jwt() returns jsonb
      language sql stable
      set search_path = ''
    as $fn$
      select coalesce(
        nullif(pg_catalog.current_setting('request.jwt.claim', true), ''),
        nullif(pg_catalog.current_setting('request.jwt.claims', true), '')
      )::jsonb
    $fn$;
    comment on function auth.jwt() is 'All JWT claims of the request, or null. Stand-in for Supabase''s auth.jwt().';
    grant execute on function auth.jwt() to anon, authenticated, service_role;
  end if;
end
$auth$;

-- pgvector lives in `extensions` on Supabase. A clear message where it cannot be had,
-- instead of Postgres's bare "extension is not available".
do $pgvector$
declare
  installed_in text;
begin
  select n.nspname into installed_in
    from pg_catalog.pg_extension e
    join pg_catalog.pg_namespace n on n.oid = e.extnamespace
   where e.extname = 'vector';

  if installed_in is null then
    if not exists (select 1 from pg_catalog.pg_available_extensions where name = 'vector') then
      raise exception 'pgvector is not available on this database server'
        using errcode = '0A000',
              hint = 'Install pgvector (e.g. the postgresql-16-pgvector package) or enable "vector" under Database > Extensions in the Supabase dashboard, then run the migrations again.';
    end if;
    create extension vector with schema extensions;
  elsif installed_in <> 'extensions' then
    raise exception 'pgvector is installed in schema "%", the migrations expect schema "extensions"', installed_in
      using errcode = '0A000',
            hint = 'Move it with: alter extension vector set schema extensions;';
  end if;
end
$pgvector$;

-- pg_trgm powers trigram similarity (duplicate titles, near-duplicate tags).
create extension if not exists pg_trgm with schema extensions;
