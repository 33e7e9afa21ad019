-- Admin API: categories and (up to 5,000) tags to choose from when editing a video before approving it.
create or replace function public.admin_taxonomy_options(p_operator uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.require_staff(p_operator, 'moderator');
  select pg_catalog.jsonb_build_object(
    'categories', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', c.id, 'name', c.name, 'parent_id', c.parent_id) order by c.parent_id nulls first, c.display_order, c.name)
                              from public.categories c where c.slug <> 'all'), '[]'::jsonb),
    'tags', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', t.id, 'name', t.name) order by t.name)
                        from (select id, name from public.tags order by name limit 5000) t), '[]'::jsonb))
$$;
comment on function public.admin_taxonomy_options(uuid) is 'Admin: categories and (up to 5,000) tags to choose from when editing a video before approving it.';
revoke execute on function public.admin_taxonomy_options(uuid) from public, anon, authenticated;
grant execute on function public.admin_taxonomy_options(uuid) to service_role;
