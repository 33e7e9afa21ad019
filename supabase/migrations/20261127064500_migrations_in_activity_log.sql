-- Applied migrations in the activity log: the console's runner records when and by whom it applied
-- each file in supabase_migrations.console_applied (beside the Supabase CLI's schema_migrations,
-- whose columns the CLI owns). admin_activity reads both as service_role, so that table must exist
-- wherever the function does: the runner creates it before applying anything, and this file
-- creates it where another tool (`supabase db push`) applies the migrations. Rows written there by
-- no one but the runner, as service_role can only read them.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '1min';

-- The history tables as the runner creates them (electron/services/migrations/migration-runner.ts).
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
alter table supabase_migrations.schema_migrations add column if not exists statements text[];
alter table supabase_migrations.schema_migrations add column if not exists name text;
create table if not exists supabase_migrations.console_applied (
  version text not null primary key,
  applied_at timestamptz not null default now(),
  applied_by text not null
);

revoke all on table supabase_migrations.console_applied from public, anon, authenticated;
grant usage on schema supabase_migrations to service_role;
grant select on supabase_migrations.console_applied, supabase_migrations.schema_migrations to service_role;
