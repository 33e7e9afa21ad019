-- Admin API: moves a category under a new parent at a position among its siblings; a move into its own subtree is refused.
create or replace function public.admin_move_category(p_operator uuid, p_id integer, p_parent_id integer, p_position integer, p_expected_updated_at timestamptz default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  c public.categories;
  v_before jsonb;
  v_old_parent integer;
begin
  perform private.require_staff(p_operator, 'curator');
  perform private.lock_category_tree();
  select * into c from public.categories where id = p_id for update;
  if not found then
    raise exception 'No category with id %.', p_id using errcode = 'P0002';
  end if;
  if p_expected_updated_at is not null then
    perform private.require_version('category', c.id::text, c.updated_at, p_expected_updated_at,
      pg_catalog.format('The category "%s" changed since you opened it.', c.name));
  end if;
  if p_parent_id is not null and not exists (select 1 from public.categories where id = p_parent_id) then
    raise exception 'No parent category with id %.', p_parent_id using errcode = '22023';
  end if;
  v_before := pg_catalog.to_jsonb(c);
  v_old_parent := c.parent_id;
  -- The cycle trigger judges the new parent.
  update public.categories set parent_id = p_parent_id where id = p_id;
  -- Renumber the new siblings with the moved one at its position, then the old siblings.
  with ordered as (
    select s.id, pg_catalog.row_number() over (order by s.display_order, s.name) - 1 as pos
      from public.categories s where s.parent_id is not distinct from p_parent_id and s.id <> p_id
  )
  update public.categories s
     set display_order = case when o.pos < greatest(coalesce(p_position, 2147483647), 0) then o.pos else o.pos + 1 end
    from ordered o where s.id = o.id
     and s.display_order is distinct from case when o.pos < greatest(coalesce(p_position, 2147483647), 0) then o.pos else o.pos + 1 end;
  update public.categories set display_order = least(greatest(coalesce(p_position, 2147483647), 0),
         (select count(*) from public.categories s where s.parent_id is not distinct from p_parent_id and s.id <> p_id))
   where id = p_id
  returning * into c;
  if v_old_parent is distinct from p_parent_id then
    with ordered as (
      select s.id, pg_catalog.row_number() over (order by s.display_order, s.name) - 1 as pos
        from public.categories s where s.parent_id is not distinct from v_old_parent
    )
    update public.categories s set display_order = o.pos from ordered o where s.id = o.id and s.display_order <> o.pos;
  end if;
  perform private.record_taxonomy_audit(p_operator, 'move', 'category', c.id, v_before, pg_catalog.to_jsonb(c));
  return pg_catalog.to_jsonb(c);
end;
$$;
comment on function public.admin_move_category(uuid, integer, integer, integer, timestamptz) is 'Admin: moves a category under a new parent (or to the top) at a position among its siblings, renumbering both sibling lists; a move into its own subtree is refused with the path it would close.';
revoke execute on function public.admin_move_category(uuid, integer, integer, integer, timestamptz) from public, anon, authenticated;
grant execute on function public.admin_move_category(uuid, integer, integer, integer, timestamptz) to service_role;
