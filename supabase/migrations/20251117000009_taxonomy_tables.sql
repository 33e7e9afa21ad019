-- Taxonomy: the append-only audit of every category and tag change. The tree rules (no cycles,
-- the built-in "all"), usage counts and versions live on categories and tags (core tables) and in
-- trigger functions declared in supabase/schemas/taxonomy/; the admin API is declared there too.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create table public.taxonomy_audit_log (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  operator_id uuid not null references public.users (id),
  action text not null,
  target_type text not null,
  target_id integer not null,
  before jsonb,
  after jsonb,
  details jsonb not null default '{}'::jsonb,

  constraint taxonomy_action_check check (action in (
    'create', 'update', 'move', 'delete', 'merge', 'delete_unused', 'bulk_tag')),
  constraint taxonomy_target_type_check check (target_type in ('category', 'tag'))
);
comment on table public.taxonomy_audit_log is 'Append-only record of every category and tag change: who, what, before and after.';

create index idx_taxonomy_audit_target on public.taxonomy_audit_log (target_type, target_id, id desc);
create index idx_taxonomy_audit_operator on public.taxonomy_audit_log (operator_id, occurred_at desc);
