-- Admin API: the operator's own staff roles and what they allow, for any active user (empty for a plain user).
create or replace function public.admin_my_roles(p_operator uuid)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_roles text[];
begin
  -- Any active user may ask: a plain user learns they hold no role.
  perform private.moderation_require_operator(p_operator);
  v_roles := coalesce((select pg_catalog.array_agg(s.role order by s.role) from private.staff_members() s where s.user_id = p_operator), '{}');
  return pg_catalog.jsonb_build_object(
    'id', p_operator,
    'username', (select u.username from public.users u where u.id = p_operator),
    'roles', pg_catalog.to_jsonb(v_roles),
    -- What the roles allow: admin implies moderator and curator.
    'effective', pg_catalog.to_jsonb(array(select r from unnest(array['moderator', 'curator', 'admin']) r
                                            where r = any (v_roles) or 'admin' = any (v_roles))));
end;
$$;
comment on function public.admin_my_roles(uuid) is 'Admin: the operator''s own staff roles ({id, username, roles, effective}; effective spells out what admin implies); any active user, empty for a plain user.';
revoke execute on function public.admin_my_roles(uuid) from public, anon, authenticated;
grant execute on function public.admin_my_roles(uuid) to service_role;
