-- Scheduled refresh of trending_videos: when it last ran, who or what ran it, and the schedule the
-- admin chose. The seed planned a periodic refresh by cron; admin_refresh_trending_videos existed
-- but nothing called it and nothing said when the view was last fresh.
--
-- Both tables live in schema private (no API role can see it): the admin functions declared in
-- supabase/schemas/maintenance/ read and write them. Where the database has pg_cron (Supabase), the
-- schedule is a cron job; elsewhere (the embedded workspace, plain Postgres) the console refreshes
-- on the same schedule while it runs. Every refresh, whoever runs it, adds a row here.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create table private.trending_refreshes (
  id bigint generated always as identity primary key,
  refreshed_at timestamptz not null default now(),
  duration_ms integer not null,
  -- console: the button; schedule: the console's timer; pg_cron: the database's job.
  source text not null,
  -- Null for pg_cron, which acts as nobody.
  operator uuid references public.users (id) on delete set null,

  constraint trending_refreshes_source_check check (source in ('console', 'schedule', 'pg_cron'))
);
comment on table private.trending_refreshes is 'One row per refresh of public.trending_videos: when, how long, by the button (console), the console''s timer (schedule) or pg_cron.';
create index trending_refreshes_refreshed_at_idx on private.trending_refreshes (refreshed_at desc);

create table private.trending_schedule (
  -- One row: the schedule of this database.
  singleton boolean primary key default true,
  -- Null: no scheduled refresh.
  interval_minutes integer,
  updated_by uuid references public.users (id) on delete set null,
  updated_at timestamptz not null default now(),

  constraint trending_schedule_singleton_check check (singleton),
  constraint trending_schedule_interval_check check (interval_minutes in (5, 10, 15, 30, 60, 120, 360, 720, 1440))
);
comment on table private.trending_schedule is 'How often trending_videos is refreshed (minutes; null: only on demand). Kept by pg_cron where the database has it, else by the console while it runs.';

revoke all on private.trending_refreshes, private.trending_schedule from public, anon, authenticated;
grant select, insert, update on private.trending_refreshes, private.trending_schedule to service_role;
