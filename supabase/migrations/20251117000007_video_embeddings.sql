-- Phase 5 of the database plan: video embeddings for semantic search (pgvector).
-- The extension itself is created in the bootstrap migration, in schema `extensions`.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create table public.video_embeddings (
  video_id uuid primary key references public.videos (id) on delete cascade,

  embedding extensions.vector(1536),

  model text not null,
  source text not null,

  created_at timestamptz default now(),
  updated_at timestamptz default now(),

  -- embeddings: what was embedded (for staleness) and the model's dimensions.
  content_hash text,
  dimensions integer
);
comment on table public.video_embeddings is 'One embedding per video (1536 dimensions), with the model and source text recipe that made it.';
comment on column public.video_embeddings.content_hash is 'md5 of the embedded text: differs from the video''s current text when the embedding is stale.';

-- HNSW for approximate nearest neighbours by cosine distance.
create index idx_video_embeddings_vector on public.video_embeddings
  using hnsw (embedding extensions.vector_cosine_ops);
