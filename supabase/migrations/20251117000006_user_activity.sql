-- Phase 4 of the database plan: watch history, bookmarks and likes.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create table public.user_video_activity (
  user_id uuid references public.users (id) on delete cascade,
  video_id uuid references public.videos (id) on delete cascade,

  has_watched boolean default false,
  last_watched_at timestamptz,
  watch_progress_seconds integer default 0,

  is_bookmarked boolean default false,
  bookmarked_at timestamptz,

  is_liked boolean default false,
  liked_at timestamptz,

  created_at timestamptz default now(),
  updated_at timestamptz default now(),

  primary key (user_id, video_id)
);
comment on table public.user_video_activity is 'Per user and video: watched (with resume position), bookmarked, liked.';

create index idx_user_activity_user on public.user_video_activity (user_id);
create index idx_user_activity_bookmarks on public.user_video_activity (user_id, bookmarked_at) where is_bookmarked = true;
create index idx_user_activity_watched on public.user_video_activity (user_id, last_watched_at) where has_watched = true;
-- fix: video_id is a foreign key the plan left unindexed; the trending view joins on it.
create index idx_user_activity_video on public.user_video_activity (video_id, last_watched_at);
