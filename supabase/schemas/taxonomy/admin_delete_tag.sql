-- Admin API: deletes a tag and removes it from its videos (their other tags stay).
create or replace function public.admin_delete_tag(p_operator uuid, p_id integer, p_expected_updated_at timestamptz default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  t public.tags;
begin
  perform private.require_staff(p_operator, 'curator');
  select * into t from public.tags where id = p_id for update;
  if not found then
    raise exception 'No tag with id %.', p_id using errcode = 'P0002';
  end if;
  if p_expected_updated_at is not null then
    perform private.require_version('tag', t.id::text, t.updated_at, p_expected_updated_at,
      pg_catalog.format('The tag "%s" changed since you opened it.', t.name));
  end if;
  delete from public.tags where id = p_id;
  perform private.record_taxonomy_audit(p_operator, 'delete', 'tag', p_id, pg_catalog.to_jsonb(t),
    p_details => pg_catalog.jsonb_build_object('videos', t.video_count));
  return pg_catalog.jsonb_build_object('deleted', p_id, 'videos', t.video_count);
end;
$$;
comment on function public.admin_delete_tag(uuid, integer, timestamptz) is 'Admin: deletes a tag and removes it from its videos (their other tags stay).';
revoke execute on function public.admin_delete_tag(uuid, integer, timestamptz) from public, anon, authenticated;
grant execute on function public.admin_delete_tag(uuid, integer, timestamptz) to service_role;
