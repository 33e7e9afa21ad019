-- Admin API: every category with its parent, order and usage (approved / pending videos, own and including descendants).
create or replace function public.admin_category_tree(p_operator uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.require_staff(p_operator, 'curator');
  -- Own counts are maintained by triggers on videos (category_video_counts): no pass over the
  -- videos. Totals walk up from the categories that have videos only (not a closure of the whole
  -- tree): each count is added to its category and every ancestor.
  with recursive own as (
    select n.category_id, n.approved, n.pending from public.category_video_counts n where n.approved <> 0 or n.pending <> 0
  ), up(id, approved, pending) as (
    select o.category_id, o.approved, o.pending from own o
    union all
    select c.parent_id, up.approved, up.pending from up join public.categories c on c.id = up.id where c.parent_id is not null
  ), total as (
    select up.id, sum(up.approved)::bigint as approved, sum(up.pending)::bigint as pending from up group by up.id
  )
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', c.id, 'name', c.name, 'slug', c.slug, 'description', c.description, 'icon', c.icon, 'color', c.color,
           'parent_id', c.parent_id, 'display_order', c.display_order, 'updated_at', c.updated_at,
           'approved', coalesce(o.approved, 0), 'pending', coalesce(o.pending, 0),
           'approved_total', coalesce(t.approved, 0), 'pending_total', coalesce(t.pending, 0))
         order by c.parent_id nulls first, c.display_order, c.name), '[]'::jsonb)
    from public.categories c
    left join own o on o.category_id = c.id
    left join total t on t.id = c.id
$$;
comment on function public.admin_category_tree(uuid) is 'Admin: every category with its parent, order and usage (approved / pending videos, own and including descendants).';
revoke execute on function public.admin_category_tree(uuid) from public, anon, authenticated;
grant execute on function public.admin_category_tree(uuid) to service_role;
