-- Internal helper: every staff role held (user, role, who granted it, when), read past the table's closed grants.
create or replace function private.staff_members()
returns table (user_id uuid, role text, granted_by uuid, granted_at timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
  select s.user_id, s.role, s.granted_by, s.granted_at from public.staff_roles s
$$;
comment on function private.staff_members() is 'Internal: every staff role held (user, role, granted by, granted at). Security definer: staff_roles is closed to every API role.';
revoke execute on function private.staff_members() from public, anon, authenticated;
grant execute on function private.staff_members() to service_role;
