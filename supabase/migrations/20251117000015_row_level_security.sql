-- Row level security on every table in public, and explicit grants (the execute grants of the
-- functions are in their declarations, supabase/schemas/).
--
-- Hosted Supabase grants ALL on new tables to anon and authenticated by default, so each
-- table first loses every privilege those roles have, then gets back exactly what its
-- policies are meant to allow (column lists keep clients off moderation and counter
-- columns). The console and other admin tools use service_role, which bypasses RLS.
-- Policies follow Supabase's guidance: one per operation and role, `to` spelled out,
-- `(select auth.uid())` so the uid is evaluated once per statement.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

alter table public.users enable row level security;
alter table public.categories enable row level security;
alter table public.videos enable row level security;
alter table public.tags enable row level security;
alter table public.video_tags enable row level security;
alter table public.video_contexts enable row level security;
alter table public.video_references enable row level security;
alter table public.collections enable row level security;
alter table public.collection_videos enable row level security;
alter table public.comments enable row level security;
alter table public.comment_votes enable row level security;
alter table public.user_video_activity enable row level security;
alter table public.video_embeddings enable row level security;

revoke all on table
  public.users, public.categories, public.videos, public.tags, public.video_tags,
  public.video_contexts, public.video_references, public.collections, public.collection_videos,
  public.comments, public.comment_votes, public.user_video_activity, public.video_embeddings
from anon, authenticated;

grant select, insert, update, delete on table
  public.users, public.categories, public.videos, public.tags, public.video_tags,
  public.video_contexts, public.video_references, public.collections, public.collection_videos,
  public.comments, public.comment_votes, public.user_video_activity, public.video_embeddings
to service_role;
grant usage, select on sequence public.categories_id_seq, public.tags_id_seq to service_role;

-- users: public profiles of active users (never the e-mail); a user creates and edits only their own.
grant select (id, username, display_name, avatar_url, bio, created_at, is_active) on public.users to anon, authenticated;
grant insert (id, email, username, display_name, avatar_url, bio) on public.users to authenticated;
grant update (display_name, avatar_url, bio) on public.users to authenticated;

create policy "Active profiles are viewable by everyone" on public.users
  for select to anon, authenticated using (is_active = true);
create policy "Users can create their own profile" on public.users
  for insert to authenticated with check (id = (select auth.uid()));
create policy "Users can edit their own profile" on public.users
  for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));

-- categories and tags: public reference data, written by curators through the admin API.
grant select on public.categories, public.tags to anon, authenticated;
create policy "Categories are viewable by everyone" on public.categories
  for select to anon, authenticated using (true);
create policy "Tags are viewable by everyone" on public.tags
  for select to anon, authenticated using (true);

-- videos: the plan's two policies. Clients never see moderation notes and can never set
-- moderation columns (no column privilege); a submission always starts pending.
grant select (id, platform, platform_id, url, title, description, thumbnail_url, duration_seconds,
  published_at, channel_name, channel_id, channel_url, view_count, like_count, category_id,
  is_approved, is_featured, moderation_status, submitted_by, created_at, updated_at,
  metadata_refreshed_at) on public.videos to anon, authenticated;
grant insert (platform, platform_id, url, title, description, thumbnail_url, duration_seconds,
  published_at, channel_name, channel_id, channel_url, category_id, submitted_by)
  on public.videos to authenticated;

create policy "Videos are viewable by everyone" on public.videos
  for select to anon, authenticated using (moderation_status = 'approved');
create policy "Submitters can view their own submissions" on public.videos
  for select to authenticated using (submitted_by = (select auth.uid()));
create policy "Authenticated users can submit videos" on public.videos
  for insert to authenticated
  with check (submitted_by = (select auth.uid()) and moderation_status = 'pending');

-- video_tags and video_references: visible where the video(s) are visible.
grant select on public.video_tags, public.video_references to anon, authenticated;
create policy "Tags of approved videos are viewable by everyone" on public.video_tags
  for select to anon, authenticated
  using (exists (select 1 from public.videos v where v.id = video_id and v.moderation_status = 'approved'));
create policy "Links between approved videos are viewable by everyone" on public.video_references
  for select to anon, authenticated
  using (
    exists (select 1 from public.videos v where v.id = source_video_id and v.moderation_status = 'approved')
    and exists (select 1 from public.videos v where v.id = target_video_id and v.moderation_status = 'approved')
  );

-- video_contexts: approved notes on approved videos for everyone; authors see, add and
-- withdraw their own notes. No client update: an edit would bypass review.
grant select on public.video_contexts to anon, authenticated;
grant insert (video_id, context_type, title, content, timestamp_seconds, end_timestamp_seconds,
  author_id, source_url) on public.video_contexts to authenticated;
grant delete on public.video_contexts to authenticated;

create policy "Approved context is viewable by everyone" on public.video_contexts
  for select to anon, authenticated
  using (is_approved = true
         and exists (select 1 from public.videos v where v.id = video_id and v.moderation_status = 'approved'));
create policy "Authors can view their own context notes" on public.video_contexts
  for select to authenticated using (author_id = (select auth.uid()));
create policy "Authenticated users can add context notes" on public.video_contexts
  for insert to authenticated with check (author_id = (select auth.uid()));
create policy "Authors can delete their own context notes" on public.video_contexts
  for delete to authenticated using (author_id = (select auth.uid()));

-- collections: public ones for everyone, own ones for their creator.
grant select on public.collections, public.collection_videos to anon, authenticated;
grant insert (title, description, slug, created_by, is_public, thumbnail_url) on public.collections to authenticated;
grant update (title, description, slug, is_public, thumbnail_url) on public.collections to authenticated;
grant delete on public.collections to authenticated;
grant insert, update, delete on public.collection_videos to authenticated;

create policy "Public collections are viewable by everyone" on public.collections
  for select to anon, authenticated using (is_public = true);
create policy "Creators can view their own collections" on public.collections
  for select to authenticated using (created_by = (select auth.uid()));
create policy "Users can create their own collections" on public.collections
  for insert to authenticated with check (created_by = (select auth.uid()));
create policy "Creators can edit their own collections" on public.collections
  for update to authenticated
  using (created_by = (select auth.uid())) with check (created_by = (select auth.uid()));
create policy "Creators can delete their own collections" on public.collections
  for delete to authenticated using (created_by = (select auth.uid()));

create policy "Videos of visible collections are viewable" on public.collection_videos
  for select to anon, authenticated
  using (exists (select 1 from public.collections c where c.id = collection_id));
create policy "Creators can add videos to their collections" on public.collection_videos
  for insert to authenticated
  with check (exists (select 1 from public.collections c where c.id = collection_id and c.created_by = (select auth.uid())));
create policy "Creators can reorder their collections" on public.collection_videos
  for update to authenticated
  using (exists (select 1 from public.collections c where c.id = collection_id and c.created_by = (select auth.uid())))
  with check (exists (select 1 from public.collections c where c.id = collection_id and c.created_by = (select auth.uid())));
create policy "Creators can remove videos from their collections" on public.collection_videos
  for delete to authenticated
  using (exists (select 1 from public.collections c where c.id = collection_id and c.created_by = (select auth.uid())));

-- comments: the plan's three policies, plus: only on approved videos, never the counters.
grant select on public.comments to anon, authenticated;
grant insert (video_id, parent_id, content, timestamp_seconds, user_id) on public.comments to authenticated;
grant update (content, is_edited, edited_at, is_deleted, deleted_at) on public.comments to authenticated;

create policy "Comments are viewable by everyone" on public.comments
  for select to anon, authenticated
  using (is_deleted = false
         and exists (select 1 from public.videos v where v.id = video_id and v.moderation_status = 'approved'));
create policy "Authors can view their own comments" on public.comments
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Authenticated users can post comments" on public.comments
  for insert to authenticated
  with check (user_id = (select auth.uid())
              and exists (select 1 from public.videos v where v.id = video_id and v.moderation_status = 'approved'));
create policy "Users can edit own comments" on public.comments
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

-- comment_votes and user_video_activity: private to their user.
grant select, delete on public.comment_votes, public.user_video_activity to authenticated;
grant insert (user_id, comment_id, vote_type) on public.comment_votes to authenticated;
grant update (vote_type) on public.comment_votes to authenticated;
grant insert (user_id, video_id, has_watched, last_watched_at, watch_progress_seconds, is_bookmarked,
  bookmarked_at, is_liked, liked_at) on public.user_video_activity to authenticated;
grant update (has_watched, last_watched_at, watch_progress_seconds, is_bookmarked, bookmarked_at,
  is_liked, liked_at) on public.user_video_activity to authenticated;

create policy "Users can view their own votes" on public.comment_votes
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Users can vote as themselves" on public.comment_votes
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "Users can change their own votes" on public.comment_votes
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "Users can withdraw their own votes" on public.comment_votes
  for delete to authenticated using (user_id = (select auth.uid()));

create policy "Users can view their own activity" on public.user_video_activity
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Users can record their own activity" on public.user_video_activity
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "Users can update their own activity" on public.user_video_activity
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "Users can delete their own activity" on public.user_video_activity
  for delete to authenticated using (user_id = (select auth.uid()));

-- video_embeddings: no client access at all (RLS on, no policy); semantic search goes
-- through admin functions or a purpose-built RPC.

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

-- taxonomy_audit_log, reference_audit_log, embedding jobs: the service role (the console) only.
alter table public.taxonomy_audit_log enable row level security;
revoke all on table public.taxonomy_audit_log from anon, authenticated;
grant select, insert on table public.taxonomy_audit_log to service_role;

alter table public.reference_audit_log enable row level security;
revoke all on table public.reference_audit_log from anon, authenticated;
grant select, insert on table public.reference_audit_log to service_role;

alter table public.embedding_jobs enable row level security;
alter table public.embedding_job_items enable row level security;
revoke all on table public.embedding_jobs, public.embedding_job_items from anon, authenticated;
grant select, insert, update, delete on table public.embedding_jobs, public.embedding_job_items to service_role;

-- The console reads migration history through the service role (admin_database_overview). The
-- schema exists when the Supabase CLI or the console's runner applies this file (both create it first).
do $grant$
begin
  if pg_catalog.to_regclass('supabase_migrations.schema_migrations') is not null then
    grant usage on schema supabase_migrations to service_role;
    grant select on supabase_migrations.schema_migrations to service_role;
  end if;
end
$grant$;
