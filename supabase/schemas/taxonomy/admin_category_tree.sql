-- Admin API: every category with its parent, order and usage (approved / pending videos, own and including descendants).
create or replace function public.admin_category_tree(p_operator uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.require_staff(p_operator, 'curator');
  -- Own counts are maintained by triggers on videos (category_video_counts): no pass over the videos.
  with recursive own as (
    select n.category_id, n.approved, n.pending from public.category_video_counts n
  ), closure(ancestor, descendant) as (
    select c.id, c.id from public.categories c
    union all
    select cl.ancestor, c.id from closure cl join public.categories c on c.parent_id = cl.descendant
  ), total as (
    select cl.ancestor as id, sum(o.approved)::bigint as approved, sum(o.pending)::bigint as pending
      from closure cl join own o on o.category_id = cl.descendant group by cl.ancestor
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
