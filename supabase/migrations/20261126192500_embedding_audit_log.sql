-- Backfills are audited like every other decision: who created, paused, resumed or cancelled a
-- job, or put its failed items back to work, and when. Append-only, written only by the console's
-- functions (private.record_embedding_audit, security definer), closed to every API role.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create table public.embedding_audit_log (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  operator_id uuid not null references public.users (id),
  action text not null,
  job_id uuid not null references public.embedding_jobs (id) on delete restrict,
  details jsonb not null default '{}'::jsonb,

  constraint embedding_audit_action_check check (action in ('create', 'pause', 'resume', 'cancel', 'retry_failed'))
);
comment on table public.embedding_audit_log is 'Append-only record of every backfill decision: who created, paused, resumed or cancelled a job or retried its failed items, when, with the job''s counts at that moment.';

create index idx_embedding_audit_job on public.embedding_audit_log (job_id, id desc);
create index idx_embedding_audit_operator on public.embedding_audit_log (operator_id, occurred_at desc);

create trigger embedding_audit_log_no_update_delete
  before update or delete on public.embedding_audit_log
  for each row execute function private.audit_log_is_append_only();
create trigger embedding_audit_log_no_truncate
  before truncate on public.embedding_audit_log
  for each statement execute function private.audit_log_is_append_only();

alter table public.embedding_audit_log enable row level security;
revoke all on table public.embedding_audit_log from public, anon, authenticated, service_role;
revoke all on sequence public.embedding_audit_log_id_seq from public, anon, authenticated, service_role;
-- The console reads it (service_role), as it reads the other logs.
grant select on table public.embedding_audit_log to service_role;
