-- Internal helper: appends one row to the reference (link) audit log and returns its id.
create or replace function private.record_reference_audit(
  p_operator uuid,
  p_action text,
  p_reference_id uuid,
  p_before jsonb default null,
  p_after jsonb default null,
  p_batch_id uuid default null
)
returns bigint
language sql
security definer
set search_path = ''
as $$
  -- Security definer: no API role may write the audit log itself, so an audit row can only come
  -- from a console function; its id (identity) and time (now()) are never the caller's.
  insert into public.reference_audit_log (operator_id, action, reference_id, before, after, batch_id)
  values (p_operator, p_action, p_reference_id, p_before, p_after, p_batch_id)
  returning id
$$;
comment on function private.record_reference_audit(uuid, text, uuid, jsonb, jsonb, uuid) is 'Internal: records one link change (who, what, before and after) and returns the audit id; security definer (the log is closed to every API role), id and time are the log''s own.';
revoke execute on function private.record_reference_audit(uuid, text, uuid, jsonb, jsonb, uuid) from public, anon, authenticated;
grant execute on function private.record_reference_audit(uuid, text, uuid, jsonb, jsonb, uuid) to service_role;
