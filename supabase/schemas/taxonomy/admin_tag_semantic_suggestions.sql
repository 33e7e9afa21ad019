-- Admin API: pairs of tags whose names mean nearly the same (nearest name embeddings by cosine, videos' model), most similar first.
create or replace function public.admin_tag_semantic_suggestions(p_operator uuid, p_limit integer default 50, p_min_similarity real default 0.8)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.require_staff(p_operator, 'curator');
  with current as (
    -- Embeddings of the current names, with the videos' model.
    select e.tag_id, e.embedding, e.model from public.tag_embeddings e join public.tags t on t.id = e.tag_id
     where e.model = private.tag_embedding_model() and e.name_hash = pg_catalog.md5(t.name)
  ), nearest as (
    -- Each tag's nearest others through the HNSW index (a few, in case the nearest is stale).
    select a.tag_id as a_id, n.tag_id as b_id, 1 - n.distance as similarity
      from current a
      cross join lateral (
        select b.tag_id, b.embedding operator(extensions.<=>) a.embedding as distance
          from public.tag_embeddings b where b.tag_id <> a.tag_id and b.model = a.model
         order by b.embedding operator(extensions.<=>) a.embedding limit 3) n
      join current c on c.tag_id = n.tag_id
  ), pairs as (
    select distinct on (least(a_id, b_id), greatest(a_id, b_id)) least(a_id, b_id) as a_id, greatest(a_id, b_id) as b_id, similarity
      from nearest where similarity >= coalesce(p_min_similarity, 0.8)
     order by least(a_id, b_id), greatest(a_id, b_id), similarity desc
  )
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'a', pg_catalog.jsonb_build_object('id', a.id, 'name', a.name, 'video_count', a.video_count),
           'b', pg_catalog.jsonb_build_object('id', b.id, 'name', b.name, 'video_count', b.video_count),
           'reason', 'similar meaning', 'score', round(p.similarity::numeric, 2)) order by p.similarity desc, a.name), '[]'::jsonb)
    from (select * from pairs order by similarity desc, a_id, b_id limit least(greatest(coalesce(p_limit, 50), 1), 500)) p
    join public.tags a on a.id = p.a_id join public.tags b on b.id = p.b_id
$$;
comment on function public.admin_tag_semantic_suggestions(uuid, integer, real) is 'Admin: pairs of tags whose names mean nearly the same: each tag''s nearest other tag by cosine of their name embeddings (the videos'' model, current names only), at least p_min_similarity, most similar first.';
revoke execute on function public.admin_tag_semantic_suggestions(uuid, integer, real) from public, anon, authenticated;
grant execute on function public.admin_tag_semantic_suggestions(uuid, integer, real) to service_role;
