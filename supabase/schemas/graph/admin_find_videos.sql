-- Admin API: videos whose title contains the text (or with that URL or id), approved first.
create or replace function public.admin_find_videos(p_operator uuid, p_query text, p_limit integer default 20)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.require_staff(p_operator, 'curator');
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', v.id, 'title', v.title, 'moderation_status', v.moderation_status, 'url', v.url, 'duration_seconds', v.duration_seconds)
         order by v.title), '[]'::jsonb)
    from (select * from public.videos v
           where coalesce(pg_catalog.btrim(p_query), '') <> ''
             and (v.title ilike ('%' || pg_catalog.btrim(p_query) || '%') or v.url = pg_catalog.btrim(p_query) or v.id::text = pg_catalog.btrim(p_query))
           order by (v.moderation_status = 'approved') desc, v.title
           limit least(greatest(coalesce(p_limit, 20), 1), 100)) v
$$;
comment on function public.admin_find_videos(uuid, text, integer) is 'Admin: videos whose title contains the text (or with that URL or id), approved first.';
revoke execute on function public.admin_find_videos(uuid, text, integer) from public, anon, authenticated;
grant execute on function public.admin_find_videos(uuid, text, integer) to service_role;
