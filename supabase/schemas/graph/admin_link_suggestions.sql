-- Admin API: the videos most similar by embedding that are not yet linked to this one, each with a proposed link type.
create or replace function public.admin_link_suggestions(p_operator uuid, p_video_id uuid, p_limit integer default 10)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v public.videos;
  v_embedding extensions.vector;
begin
  perform private.require_staff(p_operator, 'curator');
  select * into v from public.videos where id = p_video_id;
  if not found then
    raise exception 'No video with id %.', p_video_id using errcode = 'P0002';
  end if;
  select e.embedding into v_embedding from public.video_embeddings e where e.video_id = p_video_id;
  if v_embedding is null then
    return pg_catalog.jsonb_build_object('available', false, 'rows', '[]'::jsonb);
  end if;
  return pg_catalog.jsonb_build_object('available', true, 'rows', coalesce((
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
             'id', c.id, 'title', c.title, 'similarity', c.similarity,
             -- An older video in the same category is likely groundwork; otherwise "related".
             'proposed_type', case when c.created_at < v.created_at and c.category_id is not distinct from v.category_id and c.similarity > 0.8
                                   then 'prerequisite' else 'related' end) order by c.similarity desc)
      from (select d.id, d.title, d.created_at, d.category_id, round((1 - (e.embedding operator(extensions.<=>) v_embedding))::numeric, 3) as similarity
              from public.video_embeddings e join public.videos d on d.id = e.video_id
             where d.id <> p_video_id
               and not exists (select 1 from public.video_references r
                                where (r.source_video_id = p_video_id and r.target_video_id = d.id) or (r.target_video_id = p_video_id and r.source_video_id = d.id))
             order by e.embedding operator(extensions.<=>) v_embedding
             limit least(greatest(coalesce(p_limit, 10), 1), 50)) c), '[]'::jsonb));
end;
$$;
comment on function public.admin_link_suggestions(uuid, uuid, integer) is 'Admin: the videos most similar by embedding that are not yet linked to this one, each with a proposed link type.';
revoke execute on function public.admin_link_suggestions(uuid, uuid, integer) from public, anon, authenticated;
grant execute on function public.admin_link_suggestions(uuid, uuid, integer) to service_role;
