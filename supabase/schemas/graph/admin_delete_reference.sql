-- Admin API: removes a link and returns it (so the console can offer undo).
create or replace function public.admin_delete_reference(p_operator uuid, p_id uuid)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  r public.video_references;
begin
  perform private.require_staff(p_operator, 'curator');
  delete from public.video_references where id = p_id returning * into r;
  if not found then
    -- Read in its own statement, after the row lock: a deletion that won a race is named.
    raise exception 'That link no longer exists: another curator may have removed it.' using errcode = 'PT409',
      detail = coalesce(private.reference_last_change(p_id), '');
  end if;
  perform private.record_reference_audit(p_operator, 'delete', r.id, pg_catalog.to_jsonb(r));
  return pg_catalog.to_jsonb(r);
end;
$$;
comment on function public.admin_delete_reference(uuid, uuid) is 'Admin: removes a link and returns it (so the console can offer undo).';
revoke execute on function public.admin_delete_reference(uuid, uuid) from public, anon, authenticated;
grant execute on function public.admin_delete_reference(uuid, uuid) to service_role;
