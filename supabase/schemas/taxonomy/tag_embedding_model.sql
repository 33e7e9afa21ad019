-- Internal helper: the embedding model of the videos (the one most of them are embedded with), which tag names are embedded with too.
create or replace function private.tag_embedding_model()
returns text
language sql
stable
set search_path = ''
as $$
  select e.model from public.video_embeddings e group by e.model order by count(*) desc, e.model limit 1
$$;
comment on function private.tag_embedding_model() is 'Internal: the model most videos are embedded with (null before any backfill); tag names are embedded with it so tags and videos share one space.';
revoke execute on function private.tag_embedding_model() from public, anon, authenticated;
grant execute on function private.tag_embedding_model() to service_role;
