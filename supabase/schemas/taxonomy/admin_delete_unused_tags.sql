-- Admin API: deletes every tag no video carries, and lists them.
create or replace function public.admin_delete_unused_tags(p_operator uuid)
returns jsonb
language plpgsql
set search_path = ''
-- Bulk work: its own time limit, over the 8 s PostgREST applies to service_role on Supabase.
set statement_timeout = '60s'
as $$
declare
  v_deleted jsonb;
begin
  perform private.require_staff(p_operator, 'curator');
  with gone as (
    delete from public.tags t where t.video_count = 0 and not exists (select 1 from public.video_tags vt where vt.tag_id = t.id)
    returning t.*
  )
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(g) order by g.name), '[]'::jsonb) into v_deleted from gone g;
  -- The audit log is written through its helper only (no API role may insert into it).
  perform private.record_taxonomy_audit(p_operator, 'delete_unused', 'tag', (g->>'id')::integer, g)
     from pg_catalog.jsonb_array_elements(v_deleted) g;
  return pg_catalog.jsonb_build_object('deleted', coalesce((
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', (g->>'id')::integer, 'name', g->>'name')) from pg_catalog.jsonb_array_elements(v_deleted) g), '[]'::jsonb));
end;
$$;
comment on function public.admin_delete_unused_tags(uuid) is 'Admin: deletes every tag no video carries, and lists them.';
revoke execute on function public.admin_delete_unused_tags(uuid) from public, anon, authenticated;
grant execute on function public.admin_delete_unused_tags(uuid) to service_role;
