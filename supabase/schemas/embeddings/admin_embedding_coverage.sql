-- Admin API: how many videos have embeddings, how many are stale, per model, and whether the HNSW index exists.
create or replace function public.admin_embedding_coverage(p_operator uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.require_staff(p_operator, 'admin');
  select pg_catalog.jsonb_build_object(
    'videos', (select count(*) from public.videos),
    'embedded', (select count(*) from public.video_embeddings),
    'stale', (select count(*) from public.video_embeddings e join public.videos v on v.id = e.video_id
               where e.content_hash is distinct from pg_catalog.md5(private.video_embedding_text(v.title, v.description))),
    'by_model', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('model', model, 'videos', n) order by n desc)
                            from (select model, count(*) as n from public.video_embeddings group by model) m), '[]'::jsonb),
    'index_present', exists (select 1 from pg_catalog.pg_indexes where schemaname = 'public' and indexname = 'idx_video_embeddings_vector'))
$$;
comment on function public.admin_embedding_coverage(uuid) is 'Admin: how many videos have embeddings, how many are stale, per model, and whether the HNSW index exists.';
revoke execute on function public.admin_embedding_coverage(uuid) from public, anon, authenticated;
grant execute on function public.admin_embedding_coverage(uuid) to service_role;
