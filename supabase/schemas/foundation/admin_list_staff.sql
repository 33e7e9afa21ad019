-- Admin API: every staff member with their roles, who granted each and when.
create or replace function public.admin_list_staff(p_operator uuid)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
begin
  perform private.require_staff(p_operator, 'admin');
  return coalesce((
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
             'id', u.id, 'username', u.username, 'display_name', u.display_name, 'is_active', u.is_active, 'roles', m.roles)
           order by u.username)
      from (select s.user_id, pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'role', s.role, 'granted_by', s.granted_by, 'granted_by_username', g.username, 'granted_at', s.granted_at) order by s.role) as roles
              from private.staff_members() s left join public.users g on g.id = s.granted_by
             group by s.user_id) m
      join public.users u on u.id = m.user_id), '[]'::jsonb);
end;
$$;
comment on function public.admin_list_staff(uuid) is 'Admin: every staff member ({id, username, display_name, is_active, roles: [{role, granted_by, granted_by_username, granted_at}]}), by username; admins only.';
revoke execute on function public.admin_list_staff(uuid) from public, anon, authenticated;
grant execute on function public.admin_list_staff(uuid) to service_role;
