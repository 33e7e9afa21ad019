-- Staff roles: who may act as the console's operator, and for which domain. Until now any active
-- user could be picked as the operator and decide anything. A user holds zero or more roles
-- (moderator, curator, admin; admin implies the others); every admin function checks the one its
-- domain needs (private.require_staff). Roles are granted and revoked by admins only, through
-- audited admin functions; the audit of staff changes is append-only like the other audit logs.
--
-- Neither table is reachable by an API role, service_role included: the admin functions read and
-- write them through security-definer helpers in schema private (declared in
-- supabase/schemas/foundation/), so not even a leaked service-role key can make someone staff
-- without leaving an audit row. The first admin of a new database is granted by its owner in SQL:
--   insert into public.staff_roles (user_id, role) select id, 'admin' from public.users where username = '…';
--
-- Also: comments.kept_at, the moment a moderator last kept a comment after reports (its author can
-- no longer rewrite it; see the policies migration that follows the declarations).

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create table public.staff_roles (
  user_id uuid not null references public.users (id) on delete cascade,
  role text not null,
  -- Null for a role granted by the database owner (the first admin, demo data).
  granted_by uuid references public.users (id) on delete set null,
  granted_at timestamptz not null default now(),

  primary key (user_id, role),
  constraint staff_role_check check (role in ('moderator', 'curator', 'admin'))
);
comment on table public.staff_roles is 'Staff roles per user: moderator (videos, comments, notes, reports, suspensions), curator (categories, tags, the graph), admin (all of them, embeddings, staff). Written only through admin_grant_staff_role / admin_revoke_staff_role.';

-- The "is anyone still an admin?" check and the list of staff by role.
create index idx_staff_roles_role on public.staff_roles (role, user_id);
create index idx_staff_roles_granted_by on public.staff_roles (granted_by) where granted_by is not null;

create table public.staff_audit_log (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  operator_id uuid not null references public.users (id),
  action text not null,
  user_id uuid not null references public.users (id),
  role text not null,
  reason text,

  constraint staff_audit_action_check check (action in ('grant', 'revoke')),
  constraint staff_audit_role_check check (role in ('moderator', 'curator', 'admin')),
  constraint staff_audit_reason_length check (char_length(reason) <= 2000)
);
comment on table public.staff_audit_log is 'Append-only record of every staff role granted or revoked: who, to whom, which role, when, why.';

create index idx_staff_audit_user on public.staff_audit_log (user_id, id desc);
create index idx_staff_audit_operator on public.staff_audit_log (operator_id, occurred_at desc);

create trigger staff_audit_log_no_update_delete
  before update or delete on public.staff_audit_log
  for each row execute function private.audit_log_is_append_only();
create trigger staff_audit_log_no_truncate
  before truncate on public.staff_audit_log
  for each statement execute function private.audit_log_is_append_only();

-- No API role reads or writes either table (hosted Supabase grants ALL on new tables by default).
alter table public.staff_roles enable row level security;
alter table public.staff_audit_log enable row level security;
revoke all on table public.staff_roles, public.staff_audit_log from public, anon, authenticated, service_role;
revoke all on sequence public.staff_audit_log_id_seq from public, anon, authenticated, service_role;

-- moderation: a comment a moderator kept after reports (admin_moderate_comments keep,
-- admin_dismiss_reports): its author can no longer rewrite it.
alter table public.comments add column kept_at timestamptz;
comment on column public.comments.kept_at is 'When a moderator last kept this comment after reports; a kept comment can no longer be edited by its author. Null: never kept.';
