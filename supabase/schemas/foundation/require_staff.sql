-- Internal helper: raises unless the operator is an active user holding the staff role (admin implies every role).
create or replace function private.require_staff(p_operator uuid, p_role text)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_username text;
begin
  -- No operator, or not an active user: 22023, as before staff roles existed.
  perform private.moderation_require_operator(p_operator);
  if p_role is null or p_role not in ('moderator', 'curator', 'admin') then
    raise exception 'Unknown staff role "%".', p_role using errcode = '22023';
  end if;
  -- Security definer: staff_roles is closed to every API role, service_role included.
  if exists (select 1 from public.staff_roles s where s.user_id = p_operator and s.role in (p_role, 'admin')) then
    return;
  end if;
  select u.username into v_username from public.users u where u.id = p_operator;
  raise exception '% is not % %: this needs the % role (or admin).', v_username,
      case when p_role = 'admin' then 'an' else 'a' end, p_role, p_role
    using errcode = '42501',
          hint = 'Act as a staff member who holds that role (Settings, Operator), or ask an admin to grant it.';
end;
$$;
comment on function private.require_staff(uuid, text) is 'Internal: raises 22023 unless the operator is an active user, and 42501 naming the role needed unless they hold it (admin implies moderator and curator). One line at the top of every admin function.';
revoke execute on function private.require_staff(uuid, text) from public, anon, authenticated;
grant execute on function private.require_staff(uuid, text) to service_role;
