-- Embedding backfills: jobs and work items in the database, leased in batches with
-- `for update skip locked` and a lease expiry, so several consoles or CLI workers share a job and
-- a dead worker's batch is picked up again; staleness by a hash of the embedded text
-- (video_embeddings.content_hash). The admin API is declared in supabase/schemas/embeddings/.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create table public.embedding_jobs (
  id uuid primary key default gen_random_uuid(),
  provider text not null,
  model text not null,
  dimensions integer not null,
  recipe text not null default 'title_description',
  scope text not null,
  statuses text[] not null,
  status text not null default 'running',
  total integer not null default 0,
  done integer not null default 0,
  failed integer not null default 0,
  options jsonb not null default '{}'::jsonb,
  operator_id uuid not null references public.users (id),
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz,

  constraint embedding_job_scope_check check (scope in ('missing', 'stale', 'all')),
  constraint embedding_job_status_check check (status in ('running', 'paused', 'cancelled', 'done')),
  constraint embedding_job_recipe_check check (recipe in ('title_description')),
  constraint embedding_job_dimensions_check check (dimensions between 1 and 1536)
);
comment on table public.embedding_jobs is 'Embedding backfills: what to embed with which model, progress counts and state (running, paused, cancelled, done).';

create table public.embedding_job_items (
  job_id uuid not null references public.embedding_jobs (id) on delete cascade,
  video_id uuid not null references public.videos (id) on delete cascade,
  status text not null default 'pending',
  attempts integer not null default 0,
  last_error text,
  lease_owner text,
  leased_until timestamptz,
  updated_at timestamptz not null default now(),

  primary key (job_id, video_id),
  constraint embedding_item_status_check check (status in ('pending', 'leased', 'done', 'failed'))
);
comment on table public.embedding_job_items is 'One video of a backfill: pending, leased to a worker until a time, done or failed (with attempts and the last error).';

create index idx_embedding_items_work on public.embedding_job_items (job_id, status, leased_until);
create index idx_embedding_items_video on public.embedding_job_items (video_id);
create index idx_embedding_jobs_operator on public.embedding_jobs (operator_id);
create index idx_embedding_jobs_created on public.embedding_jobs (created_at desc);
