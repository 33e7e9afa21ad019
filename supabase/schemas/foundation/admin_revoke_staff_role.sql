-- Admin API: revokes a staff role, recorded in the staff audit log; the last active admin keeps theirs.
create or replace function public.admin_revoke_staff_role(p_operator uuid, p_user_id uuid, p_role text, p_reason text default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  perform private.require_staff(p_operator, 'admin');
  return private.change_staff_role(p_operator, 'revoke', p_user_id, p_role, p_reason);
end;
$$;
comment on function public.admin_revoke_staff_role(uuid, uuid, text, text) is 'Admin: revokes a staff role; admins only. Returns {user_id, username, role, action, audit_id, roles}; PT409 when not held, 23514 for the last active admin''s admin role.';
revoke execute on function public.admin_revoke_staff_role(uuid, uuid, text, text) from public, anon, authenticated;
grant execute on function public.admin_revoke_staff_role(uuid, uuid, text, text) to service_role;
