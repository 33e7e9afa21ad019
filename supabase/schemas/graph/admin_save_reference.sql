-- Admin API: creates or edits a typed link between two videos; a prerequisite or sequel link that would close a cycle is refused with the path.
create or replace function public.admin_save_reference(
  p_operator uuid, p_source uuid, p_target uuid, p_type text, p_note text default null, p_timestamp_seconds integer default null, p_id uuid default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  r public.video_references;
  v_before jsonb;
begin
  perform private.require_staff(p_operator, 'curator');
  perform private.reference_check(p_source, p_target, p_type, p_timestamp_seconds, p_id);
  if char_length(p_note) > 2000 then
    raise exception 'Keep the note under 2,000 characters.' using errcode = '22023';
  end if;
  if p_id is null then
    insert into public.video_references (source_video_id, target_video_id, reference_type, note, timestamp_seconds, created_by)
    values (p_source, p_target, p_type, nullif(pg_catalog.btrim(p_note), ''), p_timestamp_seconds, p_operator)
    returning * into r;
    perform private.record_reference_audit(p_operator, 'create', r.id, p_after => pg_catalog.to_jsonb(r));
  else
    select * into r from public.video_references where id = p_id for update;
    if not found then
      raise exception 'That link no longer exists: another curator may have removed it.' using errcode = 'PT409',
        detail = coalesce(private.reference_last_change(p_id), '');
    end if;
    v_before := pg_catalog.to_jsonb(r);
    update public.video_references
       set source_video_id = p_source, target_video_id = p_target, reference_type = p_type,
           note = nullif(pg_catalog.btrim(p_note), ''), timestamp_seconds = p_timestamp_seconds
     where id = p_id returning * into r;
    perform private.record_reference_audit(p_operator, 'update', r.id, v_before, pg_catalog.to_jsonb(r));
  end if;
  return pg_catalog.to_jsonb(r);
end;
$$;
comment on function public.admin_save_reference(uuid, uuid, uuid, text, text, integer, uuid) is 'Admin: creates or edits a typed link between two videos; a prerequisite or sequel link that would close a cycle is refused with the path.';
revoke execute on function public.admin_save_reference(uuid, uuid, uuid, text, text, integer, uuid) from public, anon, authenticated;
grant execute on function public.admin_save_reference(uuid, uuid, uuid, text, text, integer, uuid) to service_role;
