-- Internal helper: "who did what when" of the latest change to a category or tag.
create or replace function private.taxonomy_last_change(p_target_type text, p_target_id integer)
returns text
language sql
stable
set search_path = ''
as $$
  select pg_catalog.format('%s did %s at %s', u.username, a.action, a.occurred_at)
    from public.taxonomy_audit_log a join public.users u on u.id = a.operator_id
   where a.target_type = p_target_type and a.target_id = p_target_id
   order by a.id desc limit 1
$$;
comment on function private.taxonomy_last_change(text, integer) is 'Internal: "who did what when" of the latest change to a category or tag.';
revoke execute on function private.taxonomy_last_change(text, integer) from public, anon, authenticated;
grant execute on function private.taxonomy_last_change(text, integer) to service_role;
