-- Admin API: grants a staff role (moderator, curator or admin) to an active user, recorded in the staff audit log.
create or replace function public.admin_grant_staff_role(p_operator uuid, p_user_id uuid, p_role text, p_reason text default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  perform private.require_staff(p_operator, 'admin');
  return private.change_staff_role(p_operator, 'grant', p_user_id, p_role, p_reason);
end;
$$;
comment on function public.admin_grant_staff_role(uuid, uuid, text, text) is 'Admin: grants a staff role (moderator, curator or admin) to an active user; admins only. Returns {user_id, username, role, action, audit_id, roles}; PT409 when already held.';
revoke execute on function public.admin_grant_staff_role(uuid, uuid, text, text) from public, anon, authenticated;
grant execute on function public.admin_grant_staff_role(uuid, uuid, text, text) to service_role;
