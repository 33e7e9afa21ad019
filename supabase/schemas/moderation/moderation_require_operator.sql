-- Internal helper: raises unless the operator is an active user.
create or replace function private.moderation_require_operator(p_operator uuid)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_operator is null then
    raise exception 'No operator: every moderation action records who took it.'
      using errcode = '22023', hint = 'Pick the operator for this connection profile in Settings.';
  end if;
  if not exists (select 1 from public.users u where u.id = p_operator and u.is_active) then
    raise exception 'The operator % is not an active user.', p_operator
      using errcode = '22023', hint = 'Pick an active user as the operator in Settings.';
  end if;
end;
$$;
comment on function private.moderation_require_operator(uuid) is 'Internal: raises unless the operator is an active user.';
revoke execute on function private.moderation_require_operator(uuid) from public, anon, authenticated;
grant execute on function private.moderation_require_operator(uuid) to service_role;
