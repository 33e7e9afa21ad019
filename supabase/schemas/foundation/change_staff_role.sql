-- Internal helper: grants or revokes one staff role and records it in the staff audit log, for an admin operator.
create or replace function private.change_staff_role(p_operator uuid, p_action text, p_user_id uuid, p_role text, p_reason text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  u public.users;
  r public.staff_roles;
  v_audit bigint;
begin
  -- Checked here too: this helper writes tables no API role may write.
  perform private.require_staff(p_operator, 'admin');
  if p_action is null or p_action not in ('grant', 'revoke') then
    raise exception 'Unknown staff change "%": use grant or revoke.', p_action using errcode = '22023';
  end if;
  if p_role is null or p_role not in ('moderator', 'curator', 'admin') then
    raise exception 'Unknown role "%": use moderator, curator or admin.', p_role using errcode = '22023';
  end if;
  if char_length(p_reason) > 2000 then
    raise exception 'The reason is % characters long; the limit is 2,000.', char_length(p_reason) using errcode = '22001';
  end if;
  -- The user's row serializes changes to their roles.
  select * into u from public.users where id = p_user_id for update;
  if not found then
    raise exception 'No user with id %.', p_user_id using errcode = 'P0002';
  end if;
  -- Every admin row locked, in order: two admins revoking each other cannot leave none.
  if p_role = 'admin' then
    perform 1 from public.staff_roles where role = 'admin' order by user_id for update;
  end if;

  if p_action = 'grant' then
    if not coalesce(u.is_active, false) then
      raise exception '% is suspended: reinstate them before granting a role.', u.username using errcode = '22023';
    end if;
    insert into public.staff_roles (user_id, role, granted_by) values (p_user_id, p_role, p_operator)
    on conflict (user_id, role) do nothing
    returning * into r;
    if not found then
      select * into r from public.staff_roles where user_id = p_user_id and role = p_role;
      raise exception '% is already % % (since %).', u.username, case when p_role = 'admin' then 'an' else 'a' end, p_role, r.granted_at
        using errcode = 'PT409', detail = coalesce((select 'granted by ' || g.username from public.users g where g.id = r.granted_by), 'granted by the database owner');
    end if;
  else
    delete from public.staff_roles where user_id = p_user_id and role = p_role returning * into r;
    if not found then
      raise exception '% is not % %.', u.username, case when p_role = 'admin' then 'an' else 'a' end, p_role using errcode = 'PT409';
    end if;
    if p_role = 'admin' and not exists (
      select 1 from public.staff_roles s join public.users a on a.id = s.user_id where s.role = 'admin' and a.is_active) then
      raise exception '% is the last active admin: grant admin to someone else first.', u.username
        using errcode = '23514', hint = 'Without an admin nobody could grant roles any more.';
    end if;
  end if;

  -- The id and the time are the log's own (identity, now()): never an argument.
  insert into public.staff_audit_log (operator_id, action, user_id, role, reason)
  values (p_operator, p_action, p_user_id, p_role, nullif(pg_catalog.btrim(p_reason), ''))
  returning id into v_audit;
  return pg_catalog.jsonb_build_object('user_id', p_user_id, 'username', u.username, 'role', p_role, 'action', p_action, 'audit_id', v_audit,
    'roles', coalesce((select pg_catalog.jsonb_agg(s.role order by s.role) from public.staff_roles s where s.user_id = p_user_id), '[]'::jsonb));
end;
$$;
comment on function private.change_staff_role(uuid, text, uuid, text, text) is 'Internal: grants or revokes one staff role for an admin operator and appends it to staff_audit_log (security definer: no API role may write either table). Refuses a suspended grantee, a grant already held, a role not held and removing the last active admin.';
revoke execute on function private.change_staff_role(uuid, text, uuid, text, text) from public, anon, authenticated;
grant execute on function private.change_staff_role(uuid, text, uuid, text, text) to service_role;
