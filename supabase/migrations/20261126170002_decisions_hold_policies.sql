-- Decisions that hold for every writer, after the declarations of the functions they use.
--
-- 1. Suspended users (users.is_active = false) write nothing: every insert, update and delete
--    policy for `authenticated` also asks that the signed-in user be active. The check reads the
--    user's own row through the users policies (a suspended profile is invisible), wrapped in
--    (select …) so it runs once per statement.
-- 2. A comment's author cannot undo a moderator's decision: no column privilege on deleted_at,
--    is_edited or edited_at (stamped by private.comments_before_update), and that trigger refuses
--    restoring a removed comment, editing a removed one and rewriting one a moderator kept.
-- 3. The audit logs are written by the console's functions only: no API role, service_role
--    included, may insert, update or delete a row (the record_* helpers are security definer), so
--    an audit id (identity, no `overriding system value`) and time (now()) are never the caller's.
-- 4. anon and authenticated no longer read the trending_videos snapshot, which kept serving a
--    video for as long as it was not refreshed after a rejection: they read api.trending_videos,
--    which joins every row to the video's live moderation status.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

-- 1. Suspended users write nothing.
alter policy "Users can edit their own profile" on public.users
  using (id = (select auth.uid()) and is_active)
  with check (id = (select auth.uid()) and is_active);

alter policy "Authenticated users can submit videos" on public.videos
  with check (submitted_by = (select auth.uid()) and moderation_status = 'pending'
              and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)));

alter policy "Authenticated users can add context notes" on public.video_contexts
  with check (author_id = (select auth.uid())
              and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)));
alter policy "Authors can delete their own context notes" on public.video_contexts
  using (author_id = (select auth.uid())
         and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)));

alter policy "Users can create their own collections" on public.collections
  with check (created_by = (select auth.uid())
              and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)));
alter policy "Creators can edit their own collections" on public.collections
  using (created_by = (select auth.uid())
         and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)))
  with check (created_by = (select auth.uid()));
alter policy "Creators can delete their own collections" on public.collections
  using (created_by = (select auth.uid())
         and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)));

alter policy "Creators can add videos to their collections" on public.collection_videos
  with check (exists (select 1 from public.collections c where c.id = collection_id and c.created_by = (select auth.uid()))
              and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)));
alter policy "Creators can reorder their collections" on public.collection_videos
  using (exists (select 1 from public.collections c where c.id = collection_id and c.created_by = (select auth.uid()))
         and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)))
  with check (exists (select 1 from public.collections c where c.id = collection_id and c.created_by = (select auth.uid())));
alter policy "Creators can remove videos from their collections" on public.collection_videos
  using (exists (select 1 from public.collections c where c.id = collection_id and c.created_by = (select auth.uid()))
         and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)));

alter policy "Authenticated users can post comments" on public.comments
  with check (user_id = (select auth.uid())
              and exists (select 1 from public.videos v where v.id = video_id and v.moderation_status = 'approved')
              and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)));
alter policy "Users can edit own comments" on public.comments
  using (user_id = (select auth.uid())
         and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)))
  with check (user_id = (select auth.uid()));

alter policy "Users can vote as themselves" on public.comment_votes
  with check (user_id = (select auth.uid())
              and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)));
alter policy "Users can change their own votes" on public.comment_votes
  using (user_id = (select auth.uid())
         and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)))
  with check (user_id = (select auth.uid()));
alter policy "Users can withdraw their own votes" on public.comment_votes
  using (user_id = (select auth.uid())
         and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)));

alter policy "Users can record their own activity" on public.user_video_activity
  with check (user_id = (select auth.uid())
              and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)));
alter policy "Users can update their own activity" on public.user_video_activity
  using (user_id = (select auth.uid())
         and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)))
  with check (user_id = (select auth.uid()));
alter policy "Users can delete their own activity" on public.user_video_activity
  using (user_id = (select auth.uid())
         and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)));

alter policy "Users can file reports as themselves" on public.reports
  with check (reporter_id = (select auth.uid()) and status = 'open'
              and (select exists (select 1 from public.users u where u.id = (select auth.uid()) and u.is_active)));

-- 2. A comment's author edits its words or withdraws it; the rest is stamped by the trigger.
revoke update (is_edited, edited_at, deleted_at) on public.comments from authenticated;
create trigger comments_before_update before update on public.comments
  for each row execute function private.comments_before_update();

-- 3. The audit logs: read by the console (service_role), written only through the security-definer
-- record_* helpers. Revoke everything first: hosted Supabase grants ALL on new tables and sequences.
revoke all on table public.moderation_audit_log, public.taxonomy_audit_log, public.reference_audit_log, public.staff_audit_log
  from public, anon, authenticated, service_role;
grant select on table public.moderation_audit_log, public.taxonomy_audit_log, public.reference_audit_log, public.staff_audit_log
  to service_role;
revoke all on sequence public.moderation_audit_log_id_seq, public.taxonomy_audit_log_id_seq, public.reference_audit_log_id_seq
  from public, anon, authenticated, service_role;

-- 4. Trending for the platform's clients, never a video that is no longer approved.
revoke all on public.trending_videos from anon, authenticated;

create schema if not exists api;
comment on schema api is 'Read-only views for the platform''s clients (anon, authenticated). On Supabase, add it to the Data API''s exposed schemas (Settings > API).';
revoke all on schema api from public;
grant usage on schema api to anon, authenticated, service_role;

-- A view with its owner's rights (anon may not read the snapshot it ranks by) that filters on the
-- live moderation status of every row; security_barrier keeps a caller's predicates from being
-- evaluated before that filter.
create view api.trending_videos with (security_barrier = true) as
select
  v.id, v.platform, v.platform_id, v.url, v.title, v.description, v.thumbnail_url,
  v.duration_seconds, v.published_at, v.channel_name, v.channel_id, v.channel_url,
  v.view_count, v.like_count, v.category_id, v.is_featured, v.created_at,
  t.comment_count, t.recent_view_count, t.trending_score
from public.trending_videos t
join public.videos v on v.id = t.id
where v.moderation_status = 'approved'
order by t.trending_score desc;
comment on view api.trending_videos is 'Approved videos ranked by the trending_videos snapshot (comments and views of the last 7 days); a video leaves it the moment it is no longer approved, whenever the snapshot was refreshed.';
revoke all on api.trending_videos from public;
grant select on api.trending_videos to anon, authenticated, service_role;
