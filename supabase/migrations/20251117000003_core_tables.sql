-- Phase 1 of the database plan: users, categories, videos, tags, video_tags.
-- Deviations from the plan are marked "fix:" with the reason; columns, constraints and indexes
-- added for moderation and taxonomy are marked with their domain.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create table public.users (
  id uuid primary key default gen_random_uuid(),
  email text unique not null,
  username text unique not null,
  display_name text,
  avatar_url text,
  bio text,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_login_at timestamptz,
  is_active boolean default true,

  constraint username_length check (char_length(username) >= 3),
  constraint email_format check (email ~* '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$')
);
comment on table public.users is 'Platform user profiles (id matches auth.uid() on Supabase). is_active = false means suspended.';

-- The plan's indexes; the unique constraints already index these columns, kept as specified.
create index idx_users_username on public.users (username);
create index idx_users_email on public.users (email);
create index idx_users_created_at on public.users (created_at desc);

create table public.categories (
  id serial primary key,
  name text not null unique,
  slug text not null unique,
  description text,
  icon text,
  color text,
  parent_id integer references public.categories (id),
  display_order integer default 0,
  created_at timestamptz default now(),
  -- taxonomy: the version a curator's edit states (optimistic concurrency).
  updated_at timestamptz not null default now(),

  -- fix: the plan matched case-insensitively (~*), which let "Science" pass as a slug;
  -- a slug is lower case by definition.
  constraint slug_format check (slug ~ '^[a-z0-9-]+$'),
  -- taxonomy: colours are #rrggbb (the plan said "hex color" without a rule).
  constraint color_hex check (color is null or color ~ '^#[0-9a-fA-F]{6}$')
);
comment on table public.categories is 'Category tree (parent_id) shown in navigation; slug is lower-case letters, digits and hyphens.';

create index idx_categories_slug on public.categories (slug);
create index idx_categories_parent on public.categories (parent_id);
-- taxonomy: names unique regardless of case ("Physics" and "physics" are one category);
-- siblings in display order.
create unique index idx_categories_name_lower on public.categories (lower(name));
create index idx_categories_parent_order on public.categories (parent_id, display_order, id);

insert into public.categories (name, slug, description, display_order) values
  ('All', 'all', 'All videos across categories', 0),
  ('Technology', 'technology', 'Computing, AI, engineering', 1),
  ('Science', 'science', 'Physics, biology, chemistry, astronomy', 2),
  ('Philosophy', 'philosophy', 'Ethics, logic, metaphysics', 3),
  ('Arts & Humanities', 'arts-humanities', 'Art, literature, culture', 4),
  ('History', 'history', 'Historical events and analysis', 5),
  ('Mathematics', 'mathematics', 'Pure and applied mathematics', 6),
  ('Economics', 'economics', 'Economics, finance, markets', 7);

create table public.videos (
  id uuid primary key default gen_random_uuid(),

  platform text not null,
  platform_id text not null,
  url text not null unique,

  title text not null,
  description text,
  thumbnail_url text,
  duration_seconds integer,
  published_at timestamptz,

  channel_name text,
  channel_id text,
  channel_url text,

  view_count bigint default 0,
  like_count bigint default 0,

  category_id integer references public.categories (id),

  -- fix: not null on the two moderation columns, and is_approved tied to
  -- moderation_status, so no row can be "approved" by one column and "rejected" by the other.
  is_approved boolean not null default false,
  is_featured boolean default false,
  moderation_status text not null default 'pending',
  moderation_notes text,

  submitted_by uuid references public.users (id),
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  metadata_refreshed_at timestamptz,
  -- moderation: open reports on the video, kept by trigger, for the "most reported" queue order.
  open_report_count integer not null default 0,

  constraint platform_check check (platform in ('youtube', 'vimeo', 'dailymotion', 'other')),
  constraint unique_platform_video unique (platform, platform_id),
  constraint moderation_status_check check (moderation_status in ('pending', 'approved', 'rejected', 'flagged')),
  constraint is_approved_matches_status check (is_approved = (moderation_status = 'approved'))
);
comment on table public.videos is 'Submitted videos (YouTube, Vimeo, Dailymotion, other) with their moderation state.';

create index idx_videos_platform on public.videos (platform);
create index idx_videos_category on public.videos (category_id);
create index idx_videos_created_at on public.videos (created_at desc);
create index idx_videos_published_at on public.videos (published_at desc);
create index idx_videos_moderation on public.videos (moderation_status) where moderation_status = 'approved';
create index idx_videos_featured on public.videos (is_featured) where is_featured = true;
create index idx_videos_submitted_by on public.videos (submitted_by);

-- Full-text search over title and description (the plan's query 2 uses this exact expression).
create index idx_videos_search on public.videos
  using gin (to_tsvector('english', title || ' ' || coalesce(description, '')));

create table public.tags (
  id serial primary key,
  name text not null unique,
  slug text not null unique,
  description text,
  created_at timestamptz default now(),
  -- taxonomy: the version a rename states, and the usage count kept by trigger (the tag table
  -- sorts by usage at any size).
  updated_at timestamptz not null default now(),
  video_count integer not null default 0,

  -- fix: case-sensitive, as for categories.
  constraint slug_format check (slug ~ '^[a-z0-9-]+$')
);
comment on table public.tags is 'Cross-topic tags applied to videos through video_tags.';

create index idx_tags_slug on public.tags (slug);
create index idx_tags_name on public.tags (name);
-- taxonomy: names unique regardless of case, sort by usage, near-duplicate names by trigram.
create unique index idx_tags_name_lower on public.tags (lower(name));
create index idx_tags_video_count on public.tags (video_count desc, id);
create index idx_tags_name_trgm on public.tags using gin (name extensions.gin_trgm_ops);

create table public.video_tags (
  video_id uuid references public.videos (id) on delete cascade,
  tag_id integer references public.tags (id) on delete cascade,
  created_at timestamptz default now(),

  primary key (video_id, tag_id)
);
comment on table public.video_tags is 'Which tags a video carries.';

create index idx_video_tags_video on public.video_tags (video_id);
create index idx_video_tags_tag on public.video_tags (tag_id);
