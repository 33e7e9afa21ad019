-- Phase 2 of the database plan: video_contexts, video_references, collections, collection_videos.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create table public.video_contexts (
  id uuid primary key default gen_random_uuid(),
  video_id uuid not null references public.videos (id) on delete cascade,

  context_type text not null,

  title text,
  content text not null,

  timestamp_seconds integer,
  end_timestamp_seconds integer,

  author_id uuid references public.users (id),
  source_url text,
  is_ai_generated boolean default false,

  -- fix: the plan defaulted to true, which published every community note unreviewed.
  -- Notes now wait for a moderator; staff content written through the service role sets
  -- is_approved explicitly.
  is_approved boolean default false,
  upvotes integer default 0,
  downvotes integer default 0,

  created_at timestamptz default now(),
  updated_at timestamptz default now(),

  constraint context_type_check check (context_type in ('summary', 'timeline', 'quote', 'reference', 'note', 'keypoint'))
);
comment on table public.video_contexts is 'Summaries, timelines, quotes, references, notes and key points attached to a video; community notes need approval.';

create index idx_video_contexts_video on public.video_contexts (video_id);
create index idx_video_contexts_type on public.video_contexts (context_type);
create index idx_video_contexts_timestamp on public.video_contexts (timestamp_seconds) where timestamp_seconds is not null;
create index idx_video_contexts_author on public.video_contexts (author_id);
-- moderation: the context-note queue, unapproved notes oldest first.
create index idx_video_contexts_unapproved on public.video_contexts (created_at, id) where not coalesce(is_approved, false);

create table public.video_references (
  id uuid primary key default gen_random_uuid(),
  source_video_id uuid not null references public.videos (id) on delete cascade,
  target_video_id uuid not null references public.videos (id) on delete cascade,

  reference_type text not null,

  note text,
  timestamp_seconds integer,

  created_by uuid references public.users (id),
  created_at timestamptz default now(),

  constraint no_self_reference check (source_video_id != target_video_id),
  constraint unique_reference unique (source_video_id, target_video_id, reference_type),
  constraint reference_type_check check (reference_type in ('related', 'prerequisite', 'sequel', 'response', 'cited', 'contradicts'))
);
comment on table public.video_references is 'Typed links between videos (source -> target): prerequisite, sequel, related, response, cited, contradicts.';

create index idx_video_references_source on public.video_references (source_video_id);
create index idx_video_references_target on public.video_references (target_video_id);
create index idx_video_references_type on public.video_references (reference_type);
create index idx_video_references_both on public.video_references (source_video_id, target_video_id);
-- fix: created_by is a foreign key the plan left unindexed ("all foreign keys indexed").
create index idx_video_references_created_by on public.video_references (created_by);
-- graph: lookups by type from either end (the cycle check and the neighbourhood).
create index idx_video_references_type_source on public.video_references (reference_type, source_video_id);
create index idx_video_references_type_target on public.video_references (reference_type, target_video_id);

create table public.collections (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  description text,
  slug text unique,

  created_by uuid not null references public.users (id),
  is_public boolean default true,
  is_featured boolean default false,

  thumbnail_url text,
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);
comment on table public.collections is 'User-curated playlists and learning paths.';

create index idx_collections_creator on public.collections (created_by);
create index idx_collections_public on public.collections (is_public) where is_public = true;
create index idx_collections_slug on public.collections (slug);

create table public.collection_videos (
  collection_id uuid references public.collections (id) on delete cascade,
  video_id uuid references public.videos (id) on delete cascade,
  position integer not null,
  note text,
  added_at timestamptz default now(),

  primary key (collection_id, video_id),
  unique (collection_id, position)
);
comment on table public.collection_videos is 'The ordered videos of a collection.';

create index idx_collection_videos_collection on public.collection_videos (collection_id, position);
-- fix: video_id is a foreign key the plan left unindexed; deleting a video scans for it.
create index idx_collection_videos_video on public.collection_videos (video_id);
