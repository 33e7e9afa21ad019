-- Admin API: the latest staff role changes (who granted or revoked which role to whom, when, why).
create or replace function public.admin_staff_history(p_operator uuid, p_limit integer default 50)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
begin
  perform private.require_staff(p_operator, 'admin');
  return coalesce((
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
             'id', a.id, 'at', a.occurred_at, 'operator', o.username, 'action', a.action, 'user_id', a.user_id, 'username', u.username,
             'role', a.role, 'reason', a.reason) order by a.id desc)
      from (select * from public.staff_audit_log order by id desc limit least(greatest(coalesce(p_limit, 50), 1), 500)) a
      join public.users o on o.id = a.operator_id
      join public.users u on u.id = a.user_id), '[]'::jsonb);
end;
$$;
comment on function public.admin_staff_history(uuid, integer) is 'Admin: the latest staff role changes, newest first ({id, at, operator, action, user_id, username, role, reason}); admins only.';
revoke execute on function public.admin_staff_history(uuid, integer) from public, anon, authenticated;
grant execute on function public.admin_staff_history(uuid, integer) to service_role;
