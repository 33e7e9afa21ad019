-- Internal helper: reopens the given reports (undo of the action that closed them).
create or replace function private.moderation_reopen_reports(p_ids uuid[])
returns void
language sql
set search_path = ''
as $$
  update public.reports set status = 'open', resolved_by = null, resolved_at = null
   where id = any (p_ids) and status <> 'open'
$$;
comment on function private.moderation_reopen_reports(uuid[]) is 'Internal: reopens the given reports (undo of the action that closed them).';
revoke execute on function private.moderation_reopen_reports(uuid[]) from public, anon, authenticated;
grant execute on function private.moderation_reopen_reports(uuid[]) to service_role;
