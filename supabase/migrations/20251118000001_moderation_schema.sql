-- Moderation: the video state machine enforced in SQL, an append-only audit log, user
-- reports, rejection-reason templates and review claims. The admin API is in the next files.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

-- The allowed moves of a video's moderation_status.
create function public.video_transition_allowed(p_from text, p_to text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select (p_from, p_to) in (
    ('pending', 'approved'), ('pending', 'rejected'), ('pending', 'flagged'),
    ('approved', 'flagged'), ('approved', 'rejected'),
    ('flagged', 'approved'), ('flagged', 'rejected'),
    ('rejected', 'pending')
  )
$$;
comment on function public.video_transition_allowed(text, text) is 'Whether a video may move from one moderation status to another: pending -> approved/rejected/flagged; approved -> flagged/rejected; flagged -> approved/rejected; rejected -> pending.';
revoke execute on function public.video_transition_allowed(text, text) from public, anon, authenticated;
grant execute on function public.video_transition_allowed(text, text) to service_role;

-- Every write to videos goes through this one row trigger: refused transitions raise,
-- is_approved always follows moderation_status, and updated_at is stamped. It replaces the
-- generic updated_at trigger on videos (one trigger call per row instead of two: bulk
-- moderation of a thousand rows spends most of its time in per-row trigger calls).
-- Only the admin undo function may move a video back outside the state machine (it sets
-- magna.moderation_undo for its own transaction).
create function public.videos_before_write()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    -- Strictly later than before: updated_at is the version optimistic concurrency compares.
    new.updated_at := greatest(pg_catalog.now(), old.updated_at + interval '1 microsecond');
    -- Nested, not and-ed: SQL does not promise to short-circuit.
    if new.moderation_status is distinct from old.moderation_status then
      if not public.video_transition_allowed(old.moderation_status, new.moderation_status)
         and coalesce(pg_catalog.current_setting('magna.moderation_undo', true), '') <> 'on' then
        raise exception 'A video cannot go from % to %.', old.moderation_status, new.moderation_status
          using errcode = '22023',
                hint = 'Allowed: pending -> approved, rejected or flagged; approved -> flagged or rejected; flagged -> approved or rejected; rejected -> pending (reopen).';
      end if;
    end if;
  end if;
  new.is_approved := new.moderation_status = 'approved';
  return new;
end;
$$;
comment on function public.videos_before_write() is 'Trigger: enforces the moderation state machine, keeps is_approved equal to (moderation_status = approved) and stamps updated_at.';
revoke execute on function public.videos_before_write() from public, anon, authenticated;

drop trigger update_videos_updated_at on public.videos;
create trigger videos_before_write
  before insert or update on public.videos
  for each row execute function public.videos_before_write();

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

create function public.maintain_video_status_counts()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'TRUNCATE' then
    update public.video_status_counts set n = 0;
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    update public.video_status_counts c set n = c.n - d.k
      from (select o.moderation_status, count(*) as k from old_rows o group by 1) d
     where c.moderation_status = d.moderation_status;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    update public.video_status_counts c set n = c.n + d.k
      from (select w.moderation_status, count(*) as k from new_rows w group by 1) d
     where c.moderation_status = d.moderation_status;
  end if;
  return null;
end;
$$;
comment on function public.maintain_video_status_counts() is 'Trigger: keeps video_status_counts equal to the number of videos per status (security definer: submitters cannot write the counts themselves).';
revoke execute on function public.maintain_video_status_counts() from public, anon, authenticated;

create trigger video_status_counts_insert after insert on public.videos
  referencing new table as new_rows for each statement execute function public.maintain_video_status_counts();
create trigger video_status_counts_update after update on public.videos
  referencing old table as old_rows new table as new_rows for each statement execute function public.maintain_video_status_counts();
create trigger video_status_counts_delete after delete on public.videos
  referencing old table as old_rows for each statement execute function public.maintain_video_status_counts();
create trigger video_status_counts_truncate after truncate on public.videos
  for each statement execute function public.maintain_video_status_counts();

-- The context-note queue: unapproved notes, oldest first.
create index idx_video_contexts_unapproved on public.video_contexts (created_at, id) where not coalesce(is_approved, false);

-- Open reports per video, kept by trigger, for the "most reported" queue order.
alter table public.videos add column open_report_count integer not null default 0;

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

create function public.moderation_audit_log_is_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'The moderation audit log is append-only.' using errcode = '42501';
end;
$$;
comment on function public.moderation_audit_log_is_append_only() is 'Trigger: refuses every update, delete and truncate of the moderation audit log.';
revoke execute on function public.moderation_audit_log_is_append_only() from public, anon, authenticated;

create trigger moderation_audit_log_no_update_delete
  before update or delete on public.moderation_audit_log
  for each row execute function public.moderation_audit_log_is_append_only();
create trigger moderation_audit_log_no_truncate
  before truncate on public.moderation_audit_log
  for each statement execute function public.moderation_audit_log_is_append_only();

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

-- Keeps videos.open_report_count. Security definer: a reporter cannot update videos, and the
-- count must follow their report all the same; it touches only that counter.
create function public.maintain_video_open_report_count()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.video_id is not null and old.status = 'open' then
    update public.videos set open_report_count = greatest(open_report_count - 1, 0) where id = old.video_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.video_id is not null and new.status = 'open' then
    update public.videos set open_report_count = open_report_count + 1 where id = new.video_id;
  end if;
  return null;
end;
$$;
comment on function public.maintain_video_open_report_count() is 'Trigger: keeps videos.open_report_count equal to the open reports on each video.';
revoke execute on function public.maintain_video_open_report_count() from public, anon, authenticated;

create trigger maintain_video_open_report_count
  after insert or update of status, video_id or delete on public.reports
  for each row execute function public.maintain_video_open_report_count();

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

create trigger update_rejection_reasons_updated_at before update on public.rejection_reasons
  for each row execute function public.update_updated_at_column();

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

-- RLS: reports can be filed by authenticated users as themselves and read back; the rest is
-- for the service role (the console) only.
alter table public.video_status_counts enable row level security;
alter table public.moderation_audit_log enable row level security;
alter table public.reports enable row level security;
alter table public.rejection_reasons enable row level security;
alter table public.moderation_claims enable row level security;

revoke all on table public.video_status_counts, public.moderation_audit_log, public.reports, public.rejection_reasons, public.moderation_claims
  from anon, authenticated;
grant select on table public.video_status_counts to service_role;
grant select, insert on table public.moderation_audit_log to service_role;
grant select, insert, update, delete on table public.reports, public.rejection_reasons, public.moderation_claims to service_role;
grant usage, select on sequence public.rejection_reasons_id_seq to service_role;

grant select on public.reports to authenticated;
grant insert (reporter_id, target_type, video_id, comment_id, context_id, reason, details) on public.reports to authenticated;

create policy "Users can file reports as themselves" on public.reports
  for insert to authenticated
  with check (reporter_id = (select auth.uid()) and status = 'open');
create policy "Users can read their own reports" on public.reports
  for select to authenticated
  using (reporter_id = (select auth.uid()));
