-- Admin API: links (all, or those touching a video) with both ends as id and URL, for CSV export.
create or replace function public.admin_export_references(p_operator uuid, p_video_id uuid default null)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.require_staff(p_operator, 'curator');
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'source', s.id, 'source_url', s.url, 'target', t.id, 'target_url', t.url, 'type', e.reference_type,
           'note', e.note, 'timestamp_seconds', e.timestamp_seconds) order by s.title, e.reference_type, t.title), '[]'::jsonb)
    from (select * from public.video_references e
           where p_video_id is null or e.source_video_id = p_video_id or e.target_video_id = p_video_id
           limit 200000) e
    join public.videos s on s.id = e.source_video_id
    join public.videos t on t.id = e.target_video_id
$$;
comment on function public.admin_export_references(uuid, uuid) is 'Admin: links (all, or those touching a video) with both ends as id and URL, for CSV export.';
revoke execute on function public.admin_export_references(uuid, uuid) from public, anon, authenticated;
grant execute on function public.admin_export_references(uuid, uuid) to service_role;
