-- Internal helper: "who did what when" of the latest change to a link between videos.
create or replace function private.reference_last_change(p_reference_id uuid)
returns text
language sql
stable
set search_path = ''
as $$
  select pg_catalog.format('%s did %s at %s', u.username, a.action, a.occurred_at)
    from public.reference_audit_log a join public.users u on u.id = a.operator_id
   where a.reference_id = p_reference_id
   order by a.id desc limit 1
$$;
comment on function private.reference_last_change(uuid) is 'Internal: "who did what when" of the latest change to a link, for the conflict a curator who lost a race gets.';
revoke execute on function private.reference_last_change(uuid) from public, anon, authenticated;
grant execute on function private.reference_last_change(uuid) to service_role;
