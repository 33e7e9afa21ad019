-- Internal helper: the latest audit entry of a target (who changed it, when, how).
create or replace function private.moderation_last_change(p_target_type text, p_target_id uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select pg_catalog.jsonb_build_object(
    'audit_id', a.id, 'action', a.action, 'operator_id', a.operator_id, 'operator', u.username,
    'from_state', a.from_state, 'to_state', a.to_state, 'at', a.occurred_at)
    from public.moderation_audit_log a
    join public.users u on u.id = a.operator_id
   where a.target_type = p_target_type and a.target_id = p_target_id
   order by a.id desc
   limit 1
$$;
comment on function private.moderation_last_change(text, uuid) is 'Internal: the latest audit entry of a target (who changed it, when, how).';
revoke execute on function private.moderation_last_change(text, uuid) from public, anon, authenticated;
grant execute on function private.moderation_last_change(text, uuid) to service_role;
