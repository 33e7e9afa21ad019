-- Taxonomy at scale, and tag names in the embedding space.
--
-- 1. category_video_counts: approved and pending videos per category, kept by triggers on videos
--    (declared in supabase/schemas/taxonomy/maintain_category_video_counts.sql, created with the
--    backfill in the migration after the declarations), so the category tree no longer groups
--    every video on each load. A separate table, not columns on categories: a count change must not
--    bump categories.updated_at, the version a curator's edit states.
-- 2. tag_embeddings: each tag's name embedded with the model the videos use, for merge suggestions
--    by meaning ("ML" ~ "machine learning") beside the spelling ones. name_hash says which name was
--    embedded: a renamed tag is embedded again. Gone with its tag (on delete cascade).
--
-- Neither table is reachable by anon or authenticated (RLS on, no policy); the console reads them
-- through admin functions as service_role.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create table public.category_video_counts (
  category_id integer primary key references public.categories (id) on delete cascade,
  approved bigint not null default 0,
  pending bigint not null default 0
);
comment on table public.category_video_counts is 'Approved and pending videos per category (own videos, not descendants), maintained by triggers on videos.';

create table public.tag_embeddings (
  tag_id integer primary key references public.tags (id) on delete cascade,
  embedding extensions.vector(1536) not null,
  model text not null,
  name_hash text not null,
  updated_at timestamptz not null default now()
);
comment on table public.tag_embeddings is 'Each tag''s name embedded with the model the videos use (cosine), for semantic merge suggestions; name_hash is md5 of the embedded name.';
comment on column public.tag_embeddings.name_hash is 'md5 of the embedded name: differs from md5(tags.name) once the tag is renamed (stale).';

create index idx_tag_embeddings_model on public.tag_embeddings (model);
-- HNSW for the nearest other tag of each tag, by cosine distance.
create index idx_tag_embeddings_vector on public.tag_embeddings using hnsw (embedding extensions.vector_cosine_ops);

alter table public.category_video_counts enable row level security;
alter table public.tag_embeddings enable row level security;
revoke all on table public.category_video_counts, public.tag_embeddings from anon, authenticated;
grant select on table public.category_video_counts to service_role;
grant select, insert, update, delete on table public.tag_embeddings to service_role;
