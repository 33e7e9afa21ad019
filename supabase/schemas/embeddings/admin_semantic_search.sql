-- Admin API: the videos nearest a query vector (cosine, HNSW), among embeddings of the same model.
create or replace function public.admin_semantic_search(p_operator uuid, p_embedding text, p_model text, p_limit integer default 10)
returns jsonb
language sql
stable
set search_path = ''
set hnsw.iterative_scan = 'relaxed_order'
set enable_seqscan = off
-- The disabled scan's 10^10 cost (PostgreSQL before 18) would otherwise JIT-compile every search.
set jit = off
as $$
  select private.require_staff(p_operator, 'admin');
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', r.id, 'title', r.title, 'moderation_status', r.moderation_status,
           'similarity', r.similarity) order by r.distance), '[]'::jsonb)
    from (select v.id, v.title, v.moderation_status,
                 e.embedding operator(extensions.<=>) p_embedding::extensions.vector(1536) as distance,
                 round((1 - (e.embedding operator(extensions.<=>) p_embedding::extensions.vector(1536)))::numeric, 4) as similarity
            from public.video_embeddings e join public.videos v on v.id = e.video_id
           where e.model = p_model
           order by e.embedding operator(extensions.<=>) p_embedding::extensions.vector(1536)
           limit least(greatest(coalesce(p_limit, 10), 1), 100)) r
$$;
comment on function public.admin_semantic_search(uuid, text, text, integer) is 'Admin: the videos nearest a query vector (cosine, HNSW), among embeddings of the same model.';
revoke execute on function public.admin_semantic_search(uuid, text, text, integer) from public, anon, authenticated;
grant execute on function public.admin_semantic_search(uuid, text, text, integer) to service_role;
