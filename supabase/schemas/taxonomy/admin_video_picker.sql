-- Admin API: videos filtered by text, category, tag and status (newest first, keyset pages), with their tags, for bulk tagging.
create or replace function public.admin_video_picker(
  p_operator uuid,
  p_search text default null, p_category_id integer default null, p_tag_id integer default null,
  p_status text default null, p_limit integer default 100, p_cursor jsonb default null
)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_rows jsonb;
begin
  perform private.require_staff(p_operator, 'curator');
  perform private.check_page_size(p_limit, 500);
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.created_at desc, x.id desc), '[]'::jsonb) into v_rows
    from (
      select v.id, v.title, v.moderation_status, v.category_id, c.name as category_name, v.created_at,
             coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', t.id, 'name', t.name) order by t.name)
                         from public.video_tags vt join public.tags t on t.id = vt.tag_id where vt.video_id = v.id), '[]'::jsonb) as tags
        from public.videos v left join public.categories c on c.id = v.category_id
       where (p_status is null or v.moderation_status = p_status)
         and (p_category_id is null or v.category_id = p_category_id)
         and (p_tag_id is null or exists (select 1 from public.video_tags vt where vt.video_id = v.id and vt.tag_id = p_tag_id))
         and (coalesce(pg_catalog.btrim(p_search), '') = ''
              or to_tsvector('english'::regconfig, v.title || ' ' || coalesce(v.description, '')) @@ plainto_tsquery('english'::regconfig, p_search))
         and (p_cursor is null or (v.created_at, v.id) < ((p_cursor->>'created_at')::timestamptz, (p_cursor->>'id')::uuid))
       order by v.created_at desc, v.id desc
       limit p_limit + 1
    ) x;
  return private.keyset_page(v_rows, p_limit, array['created_at', 'id']);
end;
$$;
comment on function public.admin_video_picker(uuid, text, integer, integer, text, integer, jsonb) is 'Admin: videos filtered by text, category, tag and status (newest first, keyset pages), with their tags, for bulk tagging.';
revoke execute on function public.admin_video_picker(uuid, text, integer, integer, text, integer, jsonb) from public, anon, authenticated;
grant execute on function public.admin_video_picker(uuid, text, integer, integer, text, integer, jsonb) to service_role;
