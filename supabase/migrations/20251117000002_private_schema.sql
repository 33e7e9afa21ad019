-- The schema for internal helpers and trigger functions: the API roles can neither see nor
-- execute anything in it. PostgREST exposes `public` only, and every function there is an
-- admin function for service_role; the helpers those call live here.
-- Why a schema of its own: a helper in `public` is one missing revoke away from being callable
-- by anon through the Data API; here anon and authenticated lack even USAGE on the schema.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create schema if not exists private;
comment on schema private is 'Internal helpers and trigger functions of the admin API: not exposed by the Data API, usable by service_role only.';

revoke all on schema private from public, anon, authenticated;
-- The admin functions are security invoker and run as service_role: it calls the helpers.
-- Trigger functions need neither (PostgreSQL checks no privilege when a trigger fires).
grant usage on schema private to service_role;
-- Functions created here later start without PUBLIC's default EXECUTE.
alter default privileges in schema private revoke execute on functions from public;
