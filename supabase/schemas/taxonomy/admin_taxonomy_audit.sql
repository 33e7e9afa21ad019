-- Admin API: the change history of one category or tag (who, what, before and after).
create or replace function public.admin_taxonomy_audit(p_operator uuid, p_target_type text, p_target_id integer, p_limit integer default 50)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.require_staff(p_operator, 'curator');
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', a.id, 'at', a.occurred_at, 'operator', u.username, 'action', a.action, 'before', a.before, 'after', a.after, 'details', a.details)
         order by a.id desc), '[]'::jsonb)
    from (select * from public.taxonomy_audit_log where target_type = p_target_type and target_id = p_target_id
           order by id desc limit least(greatest(coalesce(p_limit, 50), 1), 500)) a
    join public.users u on u.id = a.operator_id
$$;
comment on function public.admin_taxonomy_audit(uuid, text, integer, integer) is 'Admin: the change history of one category or tag (who, what, before and after).';
revoke execute on function public.admin_taxonomy_audit(uuid, text, integer, integer) from public, anon, authenticated;
grant execute on function public.admin_taxonomy_audit(uuid, text, integer, integer) to service_role;
