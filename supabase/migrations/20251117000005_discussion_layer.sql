-- Phase 3 of the database plan: threaded comments and their votes.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create table public.comments (
  id uuid primary key default gen_random_uuid(),
  video_id uuid not null references public.videos (id) on delete cascade,
  parent_id uuid references public.comments (id) on delete cascade,

  content text not null,

  timestamp_seconds integer,

  user_id uuid not null references public.users (id) on delete cascade,

  upvotes integer default 0,
  downvotes integer default 0,

  is_deleted boolean default false,
  deleted_at timestamptz,
  is_edited boolean default false,
  edited_at timestamptz,

  created_at timestamptz default now(),

  constraint content_not_empty check (char_length(content) > 0)
);
comment on table public.comments is 'Threaded discussion on a video (parent_id for replies); soft-deleted with is_deleted.';

create index idx_comments_video on public.comments (video_id, created_at desc) where is_deleted = false;
create index idx_comments_parent on public.comments (parent_id);
create index idx_comments_user on public.comments (user_id);
create index idx_comments_timestamp on public.comments (video_id, timestamp_seconds) where timestamp_seconds is not null;
create index idx_comments_top_level on public.comments (video_id, created_at desc) where parent_id is null and is_deleted = false;

create table public.comment_votes (
  user_id uuid references public.users (id) on delete cascade,
  comment_id uuid references public.comments (id) on delete cascade,
  vote_type text not null,
  created_at timestamptz default now(),

  primary key (user_id, comment_id),
  constraint vote_type_check check (vote_type in ('upvote', 'downvote'))
);
comment on table public.comment_votes is 'One up or down vote per user and comment; comments.upvotes/downvotes follow by trigger.';

create index idx_comment_votes_comment on public.comment_votes (comment_id);
