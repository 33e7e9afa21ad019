-- Admin API: saves a video's learning path as a private collection owned by the operator.
create or replace function public.admin_save_learning_path(p_operator uuid, p_video_id uuid, p_title text)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_path jsonb;
  v_collection uuid;
begin
  perform private.require_staff(p_operator, 'curator');
  v_path := public.admin_learning_path(p_operator, p_video_id);
  if coalesce(pg_catalog.btrim(p_title), '') = '' or char_length(p_title) > 120 then
    raise exception 'Give the learning path a title of 1 to 120 characters.' using errcode = '22023';
  end if;
  insert into public.collections (title, description, slug, created_by, is_public)
  values (pg_catalog.btrim(p_title), 'Learning path generated from prerequisite links.',
          private.taxonomy_slugify(p_title) || '-' || pg_catalog.substr(pg_catalog.md5(pg_catalog.random()::text), 1, 6), p_operator, false)
  returning id into v_collection;
  insert into public.collection_videos (collection_id, video_id, position)
  select v_collection, (p->>'id')::uuid, o::integer from pg_catalog.jsonb_array_elements(v_path) with ordinality as t(p, o);
  return pg_catalog.jsonb_build_object('collection_id', v_collection, 'videos', pg_catalog.jsonb_array_length(v_path));
end;
$$;
comment on function public.admin_save_learning_path(uuid, uuid, text) is 'Admin: saves a video''s learning path as a private collection owned by the operator.';
revoke execute on function public.admin_save_learning_path(uuid, uuid, text) from public, anon, authenticated;
grant execute on function public.admin_save_learning_path(uuid, uuid, text) to service_role;
