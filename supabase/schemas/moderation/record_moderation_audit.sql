-- Internal helper: appends one row to the moderation audit log and returns its id.
create or replace function private.record_moderation_audit(
  p_operator uuid,
  p_action text,
  p_target_type text,
  p_target_id uuid,
  p_from_state text,
  p_to_state text,
  p_reason text default null,
  p_note text default null,
  p_details jsonb default '{}'::jsonb,
  p_batch_id uuid default null,
  p_undo_of bigint default null
)
returns bigint
language sql
security definer
set search_path = ''
as $$
  -- Security definer: no API role may write the audit log itself, so an audit row can only come
  -- from a console function; its id (identity) and time (now()) are never the caller's.
  -- Set-based batch actions use private.record_moderation_audits instead.
  insert into public.moderation_audit_log (operator_id, action, target_type, target_id, from_state, to_state, reason, note, details, batch_id, undo_of)
  values (p_operator, p_action, p_target_type, p_target_id, p_from_state, p_to_state, p_reason, p_note, coalesce(p_details, '{}'::jsonb), p_batch_id, p_undo_of)
  returning id
$$;
comment on function private.record_moderation_audit(uuid, text, text, uuid, text, text, text, text, jsonb, uuid, bigint) is 'Internal: records one moderation action (who, what, on which target, from and to which state, why) and returns the audit id; security definer (the log is closed to every API role), id and time are the log''s own.';
revoke execute on function private.record_moderation_audit(uuid, text, text, uuid, text, text, text, text, jsonb, uuid, bigint) from public, anon, authenticated;
grant execute on function private.record_moderation_audit(uuid, text, text, uuid, text, text, text, text, jsonb, uuid, bigint) to service_role;
