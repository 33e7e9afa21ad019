-- Admin API: reverts actions through the audit log where nothing changed since, for the moderator who acted, recording an undo entry each.
create or replace function public.admin_undo_moderation(p_operator uuid, p_audit_ids bigint[])
returns jsonb
language plpgsql
set search_path = ''
-- Bulk work: its own time limit, over the 8 s PostgREST applies to service_role on Supabase.
set statement_timeout = '60s'
as $$
declare
  a public.moderation_audit_log;
  v_later public.moderation_audit_log;
  v public.videos;
  v_restore jsonb;
  v_results jsonb := '[]'::jsonb;
  v_audit bigint;
  v_done integer := 0;
  v_ok boolean;
begin
  perform private.require_staff(p_operator, 'moderator');
  if p_audit_ids is null or pg_catalog.cardinality(p_audit_ids) = 0 or pg_catalog.cardinality(p_audit_ids) > 1000 then
    raise exception 'Pass between 1 and 1,000 audit ids to undo.' using errcode = '22023';
  end if;
  -- Later actions first, so a batch unwinds in reverse.
  for a in select * from public.moderation_audit_log where id = any (p_audit_ids) order by id desc loop
    if a.operator_id <> p_operator then
      v_results := v_results || pg_catalog.jsonb_build_object('audit_id', a.id, 'outcome', 'invalid', 'message', 'Only the moderator who acted can undo it.');
      continue;
    end if;
    if a.action = 'undo' or exists (select 1 from public.moderation_audit_log u where u.undo_of = a.id) then
      v_results := v_results || pg_catalog.jsonb_build_object('audit_id', a.id, 'outcome', 'invalid', 'message', 'Already undone.');
      continue;
    end if;
    select * into v_later from public.moderation_audit_log l
     where l.target_type = a.target_type and l.target_id = a.target_id and l.id > a.id order by l.id desc limit 1;
    if found then
      v_results := v_results || pg_catalog.jsonb_build_object('audit_id', a.id, 'id', a.target_id, 'outcome', 'conflict',
        'message', 'Changed since: the undo would overwrite a later action.', 'last_change', private.moderation_last_change(a.target_type, a.target_id));
      continue;
    end if;

    v_ok := true;
    if a.target_type = 'video' then
      select * into v from public.videos where id = a.target_id for update;
      if not found or v.moderation_status is distinct from a.to_state
         or (a.action <> 'edit' and v.is_featured is distinct from coalesce((a.details->>'to_featured')::boolean, v.is_featured)) then
        v_ok := false;
      elsif a.action = 'edit' then
        delete from public.video_tags where video_id = a.target_id;
        insert into public.video_tags (video_id, tag_id)
          select a.target_id, t::integer from pg_catalog.jsonb_array_elements_text(a.details->'from'->'tag_ids') t
          where exists (select 1 from public.tags where id = t::integer);
        update public.videos set category_id = (a.details->'from'->>'category_id')::integer where id = a.target_id;
      else
        perform pg_catalog.set_config('magna.moderation_undo', 'on', true);
        update public.videos
           set moderation_status = a.from_state,
               is_featured = coalesce((a.details->>'from_featured')::boolean, false),
               moderation_notes = a.details->>'from_notes'
         where id = a.target_id;
        perform pg_catalog.set_config('magna.moderation_undo', 'off', true);
      end if;
    elsif a.target_type = 'comment' then
      if a.action = 'remove_comment' then
        update public.comments set is_deleted = false, deleted_at = (a.details->>'from_deleted_at')::timestamptz
         where id = a.target_id and is_deleted;
        v_ok := found;
      elsif a.action in ('keep_comment', 'dismiss_reports') then
        -- Kept as before that decision: the latest earlier keep that still stands, or never.
        update public.comments c
           set kept_at = (select max(k.occurred_at) from public.moderation_audit_log k
                           where k.target_type = 'comment' and k.target_id = a.target_id and k.id < a.id
                             and k.action in ('keep_comment', 'dismiss_reports')
                             and not exists (select 1 from public.moderation_audit_log u where u.undo_of = k.id))
         where c.id = a.target_id;
      end if;
    elsif a.target_type = 'context' then
      if a.action = 'approve_context' then
        update public.video_contexts set is_approved = false where id = a.target_id and is_approved;
        v_ok := found;
      elsif a.action = 'reject_context' then
        v_restore := a.details->'row';
        if exists (select 1 from public.video_contexts where id = a.target_id)
           or not exists (select 1 from public.videos where id = (v_restore->>'video_id')::uuid) then
          v_ok := false;
        else
          insert into public.video_contexts select * from pg_catalog.jsonb_populate_record(null::public.video_contexts, v_restore);
        end if;
      end if;
    elsif a.target_type = 'user' then
      update public.users set is_active = (a.from_state = 'active') where id = a.target_id and is_active = (a.to_state = 'active');
      v_ok := found;
    end if;

    if not v_ok then
      v_results := v_results || pg_catalog.jsonb_build_object('audit_id', a.id, 'id', a.target_id, 'outcome', 'conflict',
        'message', 'The item is no longer in the state that action left it in.');
      continue;
    end if;
    if a.details ? 'reports' then
      perform private.moderation_reopen_reports(array(select pg_catalog.jsonb_array_elements_text(a.details->'reports')::uuid));
    end if;
    v_audit := private.record_moderation_audit(p_operator, 'undo', a.target_type, a.target_id, a.to_state, a.from_state,
      p_note => 'Undo of ' || a.action, p_details => pg_catalog.jsonb_build_object('undone_action', a.action), p_undo_of => a.id);
    v_done := v_done + 1;
    v_results := v_results || pg_catalog.jsonb_build_object('audit_id', a.id, 'id', a.target_id, 'outcome', 'done', 'undo_audit_id', v_audit, 'status', a.from_state);
  end loop;
  if pg_catalog.jsonb_array_length(v_results) = 0 then
    raise exception 'No such audit entries.' using errcode = 'P0002';
  end if;
  return pg_catalog.jsonb_build_object('done', v_done, 'results', v_results);
end;
$$;
comment on function public.admin_undo_moderation(uuid, bigint[]) is 'Admin: reverts actions through the audit log, only where nothing changed since (else conflict) and only for the moderator who acted; records an undo entry for each.';
revoke execute on function public.admin_undo_moderation(uuid, bigint[]) from public, anon, authenticated;
grant execute on function public.admin_undo_moderation(uuid, bigint[]) to service_role;
