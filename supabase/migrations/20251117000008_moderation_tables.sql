-- Moderation: queue sizes kept by trigger, an append-only audit log, user reports, rejection-reason
-- templates and review claims. The state machine, the counters and the append-only guard are
-- trigger functions declared in supabase/schemas/ (their triggers are in the triggers migration);
-- the admin API is declared there too. Row level security is in the RLS migration.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

-- Queue sizes, kept by statement-level triggers, so the counts every console polls are a
-- lookup instead of a count over hundreds of thousands of rows.
create table public.video_status_counts (
  moderation_status text primary key,
  n bigint not null default 0
);
comment on table public.video_status_counts is 'Number of videos per moderation status, maintained by triggers on videos.';

insert into public.video_status_counts (moderation_status, n)
select s.status, (select count(*) from public.videos v where v.moderation_status = s.status)
  from (values ('pending'), ('approved'), ('rejected'), ('flagged')) as s(status);

create table public.moderation_audit_log (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  operator_id uuid not null references public.users (id),
  action text not null,
  target_type text not null,
  target_id uuid not null,
  from_state text,
  to_state text,
  reason text,
  note text,
  details jsonb not null default '{}'::jsonb,
  undo_of bigint references public.moderation_audit_log (id),
  batch_id uuid,

  constraint audit_action_check check (action in (
    'approve', 'reject', 'flag', 'reopen', 'feature', 'unfeature', 'edit',
    'remove_comment', 'keep_comment', 'approve_context', 'reject_context',
    'dismiss_reports', 'suspend_user', 'reinstate_user', 'undo')),
  constraint audit_target_type_check check (target_type in ('video', 'comment', 'context', 'user')),
  constraint audit_reason_length check (char_length(reason) <= 2000),
  constraint audit_note_length check (char_length(note) <= 5000)
);
comment on table public.moderation_audit_log is 'Append-only record of every moderation action: who, what, on which target, from and to which state, why.';

create index idx_audit_target on public.moderation_audit_log (target_type, target_id, id desc);
create index idx_audit_operator on public.moderation_audit_log (operator_id, occurred_at desc);
-- An action is undone at most once, even by two racing undo calls.
create unique index idx_audit_undo_of on public.moderation_audit_log (undo_of) where undo_of is not null;
create index idx_audit_batch on public.moderation_audit_log (batch_id) where batch_id is not null;

create table public.reports (
  id uuid primary key default gen_random_uuid(),
  reporter_id uuid not null references public.users (id) on delete cascade,
  target_type text not null,
  video_id uuid references public.videos (id) on delete cascade,
  comment_id uuid references public.comments (id) on delete cascade,
  context_id uuid references public.video_contexts (id) on delete cascade,
  reason text not null,
  details text,
  status text not null default 'open',
  resolved_by uuid references public.users (id),
  resolved_at timestamptz,
  created_at timestamptz not null default now(),

  constraint report_target_type_check check (target_type in ('video', 'comment', 'context')),
  constraint report_one_target check (
    (target_type = 'video' and video_id is not null and comment_id is null and context_id is null)
    or (target_type = 'comment' and comment_id is not null and video_id is null and context_id is null)
    or (target_type = 'context' and context_id is not null and video_id is null and comment_id is null)),
  constraint report_reason_check check (reason in ('spam', 'abuse', 'misinformation', 'copyright', 'off_topic', 'duplicate', 'other')),
  constraint report_details_length check (char_length(details) <= 2000),
  constraint report_status_check check (status in ('open', 'resolved', 'dismissed')),
  constraint report_resolution check ((status = 'open') = (resolved_at is null))
);
comment on table public.reports is 'User reports on a video, comment or context note; open until a moderator resolves (acted on) or dismisses (kept) them.';

create index idx_reports_open_targets on public.reports (target_type, created_at) where status = 'open';
create index idx_reports_video on public.reports (video_id) where video_id is not null;
create index idx_reports_comment on public.reports (comment_id) where comment_id is not null;
create index idx_reports_context on public.reports (context_id) where context_id is not null;
create index idx_reports_reporter on public.reports (reporter_id);
create index idx_reports_resolved_by on public.reports (resolved_by) where resolved_by is not null;
-- One open report per reporter and target: repeated clicks do not inflate counts.
create unique index idx_reports_one_open_per_reporter
  on public.reports (reporter_id, target_type, coalesce(video_id, comment_id, context_id)) where status = 'open';

create table public.rejection_reasons (
  id serial primary key,
  label text not null unique,
  body text not null,
  display_order integer not null default 0,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),

  constraint rejection_label_length check (char_length(btrim(label)) between 1 and 80),
  constraint rejection_body_length check (char_length(body) between 1 and 2000)
);
comment on table public.rejection_reasons is 'Rejection-reason templates moderators pick from; admins manage them.';

insert into public.rejection_reasons (label, body, display_order) values
  ('Off-topic', 'This video is outside the educational scope of Magna Galactica.', 1),
  ('Duplicate', 'This video is already on the platform.', 2),
  ('Low quality', 'The audio, video or explanation quality is below our standard.', 3),
  ('Misleading', 'The title or description misrepresents the content.', 4),
  ('Unavailable', 'The video cannot be played (removed, private or region-locked).', 5);

create table public.moderation_claims (
  target_type text not null,
  target_id uuid not null,
  operator_id uuid not null references public.users (id) on delete cascade,
  claimed_at timestamptz not null default now(),
  expires_at timestamptz not null,

  primary key (target_type, target_id),
  constraint claim_target_type_check check (target_type in ('video', 'comment', 'context'))
);
comment on table public.moderation_claims is 'Who is reviewing which item, so two moderators do not review the same one; claims expire.';

create index idx_claims_operator on public.moderation_claims (operator_id);
create index idx_claims_expires on public.moderation_claims (expires_at);
