-- Admin API: deletes every tag no video carries, and lists them.
create or replace function public.admin_delete_unused_tags(p_operator uuid)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_deleted jsonb;
begin
  perform private.moderation_require_operator(p_operator);
  with gone as (
    delete from public.tags t where t.video_count = 0 and not exists (select 1 from public.video_tags vt where vt.tag_id = t.id)
    returning t.*
  ), audited as (
    insert into public.taxonomy_audit_log (operator_id, action, target_type, target_id, before)
    select p_operator, 'delete_unused', 'tag', g.id, pg_catalog.to_jsonb(g) from gone g
  )
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', g.id, 'name', g.name) order by g.name), '[]'::jsonb) into v_deleted from gone g;
  return pg_catalog.jsonb_build_object('deleted', v_deleted);
end;
$$;
comment on function public.admin_delete_unused_tags(uuid) is 'Admin: deletes every tag no video carries, and lists them.';
revoke execute on function public.admin_delete_unused_tags(uuid) from public, anon, authenticated;
grant execute on function public.admin_delete_unused_tags(uuid) to service_role;
