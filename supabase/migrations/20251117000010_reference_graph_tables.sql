-- The reference graph: the append-only audit of every link change. Prerequisite and sequel links
-- can never form a cycle (checked exactly, at any depth, by a trigger function declared in
-- supabase/schemas/graph/, as is the admin API).

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create table public.reference_audit_log (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  operator_id uuid not null references public.users (id),
  action text not null,
  reference_id uuid not null,
  before jsonb,
  after jsonb,
  batch_id uuid,
  constraint reference_audit_action_check check (action in ('create', 'update', 'delete', 'import'))
);
comment on table public.reference_audit_log is 'Append-only record of every link change between videos: who, what, before and after.';

create index idx_reference_audit_reference on public.reference_audit_log (reference_id, id desc);
create index idx_reference_audit_operator on public.reference_audit_log (operator_id, occurred_at desc);
