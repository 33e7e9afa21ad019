-- Internal helper: appends one moderation audit row per entry of a batch, in the given order, and returns their ids.
create or replace function private.record_moderation_audits(p_operator uuid, p_batch_id uuid, p_entries jsonb)
returns table (id bigint, target_id uuid)
language sql
security definer
set search_path = ''
as $$
  -- One insert for the whole batch (a call per row would slow the bulk path). Security definer:
  -- no API role may write the audit log itself; ids (identity) follow the entries' order and the
  -- time is now(), never the caller's.
  insert into public.moderation_audit_log as a (operator_id, action, target_type, target_id, from_state, to_state, reason, note, details, batch_id)
  select p_operator, e.x->>'action', e.x->>'target_type', (e.x->>'target_id')::uuid, e.x->>'from_state', e.x->>'to_state',
         e.x->>'reason', e.x->>'note', coalesce(e.x->'details', '{}'::jsonb), p_batch_id
    from pg_catalog.jsonb_array_elements(coalesce(p_entries, '[]'::jsonb)) with ordinality as e(x, ord)
   order by e.ord
  returning a.id, a.target_id
$$;
comment on function private.record_moderation_audits(uuid, uuid, jsonb) is 'Internal: records a batch''s moderation actions ([{action, target_type, target_id, from_state, to_state, reason, note, details}]) as one operator in one insert, ids in entry order; security definer (the log is closed to every API role), id and time are the log''s own.';
revoke execute on function private.record_moderation_audits(uuid, uuid, jsonb) from public, anon, authenticated;
grant execute on function private.record_moderation_audits(uuid, uuid, jsonb) to service_role;
