-- Internal helper: records one backfill decision (created, paused, resumed, cancelled, failed items retried) in the embedding audit log.
create or replace function private.record_embedding_audit(p_operator uuid, p_action text, p_job_id uuid, p_details jsonb)
returns bigint
language sql
security definer
set search_path = ''
as $$
  insert into public.embedding_audit_log (operator_id, action, job_id, details)
  values (p_operator, p_action, p_job_id, coalesce(p_details, '{}'::jsonb))
  returning id;
$$;
comment on function private.record_embedding_audit(uuid, text, uuid, jsonb) is 'Internal: records one backfill decision (who, which job, what, details) and returns the audit id; security definer (the log is closed to every API role), id and time are the log''s own.';
revoke execute on function private.record_embedding_audit(uuid, text, uuid, jsonb) from public, anon, authenticated;
grant execute on function private.record_embedding_audit(uuid, text, uuid, jsonb) to service_role;
