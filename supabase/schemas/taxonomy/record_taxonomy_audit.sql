-- Internal helper: appends one row to the taxonomy audit log and returns its id.
create or replace function private.record_taxonomy_audit(
  p_operator uuid,
  p_action text,
  p_target_type text,
  p_target_id integer,
  p_before jsonb default null,
  p_after jsonb default null,
  p_details jsonb default '{}'::jsonb
)
returns bigint
language sql
security definer
set search_path = ''
as $$
  -- Security definer: no API role may write the audit log itself, so an audit row can only come
  -- from a console function; its id (identity) and time (now()) are never the caller's.
  insert into public.taxonomy_audit_log (operator_id, action, target_type, target_id, before, after, details)
  values (p_operator, p_action, p_target_type, p_target_id, p_before, p_after, coalesce(p_details, '{}'::jsonb))
  returning id
$$;
comment on function private.record_taxonomy_audit(uuid, text, text, integer, jsonb, jsonb, jsonb) is 'Internal: records one category or tag change (who, what, before and after) and returns the audit id; security definer (the log is closed to every API role), id and time are the log''s own.';
revoke execute on function private.record_taxonomy_audit(uuid, text, text, integer, jsonb, jsonb, jsonb) from public, anon, authenticated;
grant execute on function private.record_taxonomy_audit(uuid, text, text, integer, jsonb, jsonb, jsonb) to service_role;
