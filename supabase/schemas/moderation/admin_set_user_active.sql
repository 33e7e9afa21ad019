-- Admin API: suspends (reason required) or reinstates a user, refused as a conflict when not in the expected state.
create or replace function public.admin_set_user_active(p_operator uuid, p_user_id uuid, p_active boolean, p_expected_active boolean, p_reason text default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  u public.users;
  v_audit bigint;
begin
  perform private.require_staff(p_operator, 'moderator');
  perform private.moderation_check_text(p_reason, null);
  if p_active is null then
    raise exception 'Say whether the user is to be active.' using errcode = '22023';
  end if;
  if not p_active and coalesce(pg_catalog.btrim(p_reason), '') = '' then
    raise exception 'A suspension needs a reason.' using errcode = '22023';
  end if;
  if p_user_id = p_operator and not p_active then
    raise exception 'You cannot suspend yourself.' using errcode = '22023';
  end if;
  if p_expected_active is null then
    raise exception 'State what you decided on: is the user active now (p_expected_active)?' using errcode = '22023';
  end if;
  select * into u from public.users where id = p_user_id for update;
  if not found then
    raise exception 'No user with id %.', p_user_id using errcode = 'P0002';
  end if;
  if u.is_active is distinct from p_expected_active then
    raise exception 'The user is already %.', case when u.is_active then 'active' else 'suspended' end using errcode = 'PT409',
      detail = coalesce(private.moderation_last_change('user', p_user_id)::text, '');
  end if;
  -- Staff are suspended or reinstated by an admin only: a moderator cannot lock out an admin.
  if exists (select 1 from private.staff_members() s where s.user_id = p_user_id) then
    perform private.require_staff(p_operator, 'admin');
  end if;
  update public.users set is_active = p_active where id = p_user_id;
  v_audit := private.record_moderation_audit(p_operator, case when p_active then 'reinstate_user' else 'suspend_user' end, 'user', p_user_id,
    case when u.is_active then 'active' else 'suspended' end, case when p_active then 'active' else 'suspended' end, p_reason => p_reason);
  return pg_catalog.jsonb_build_object('id', p_user_id, 'is_active', p_active, 'audit_id', v_audit);
end;
$$;
comment on function public.admin_set_user_active(uuid, uuid, boolean, boolean, text) is 'Admin (moderator; admin for a staff member): suspends (reason required) or reinstates a user, whose writes the row level security then refuses or allows again; refused as a conflict when the user is not in the expected state.';
revoke execute on function public.admin_set_user_active(uuid, uuid, boolean, boolean, text) from public, anon, authenticated;
grant execute on function public.admin_set_user_active(uuid, uuid, boolean, boolean, text) to service_role;
