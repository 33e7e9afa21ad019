-- Admin API: deletes a category, moving its videos and subcategories elsewhere in the same transaction.
create or replace function public.admin_delete_category(
  p_operator uuid, p_id integer, p_videos_to integer default null, p_children_to integer default null,
  p_expected_updated_at timestamptz default null
)
returns jsonb
language plpgsql
set search_path = ''
-- Bulk work: its own time limit, over the 8 s PostgREST applies to service_role on Supabase.
set statement_timeout = '60s'
as $$
declare
  c public.categories;
  v_videos integer;
  v_children integer;
  v_children_to integer;
begin
  perform private.require_staff(p_operator, 'curator');
  perform private.lock_category_tree();
  select * into c from public.categories where id = p_id for update;
  if not found then
    raise exception 'No category with id %.', p_id using errcode = 'P0002';
  end if;
  if c.slug = 'all' then
    raise exception 'The "All" category is built in and cannot be deleted.' using errcode = '23514';
  end if;
  if p_expected_updated_at is not null then
    perform private.require_version('category', c.id::text, c.updated_at, p_expected_updated_at,
      pg_catalog.format('The category "%s" changed since you opened it.', c.name));
  end if;
  v_children_to := coalesce(p_children_to, c.parent_id);
  if p_videos_to is not null and (p_videos_to in (select private.category_subtree(p_id)) or not exists (select 1 from public.categories where id = p_videos_to)) then
    raise exception 'Move the videos to a category outside the one being deleted.' using errcode = '22023';
  end if;
  if p_children_to is not null and (p_children_to in (select private.category_subtree(p_id)) or not exists (select 1 from public.categories where id = p_children_to)) then
    raise exception 'Move the subcategories to a category outside the one being deleted.' using errcode = '22023';
  end if;
  update public.videos set category_id = p_videos_to where category_id = p_id;
  get diagnostics v_videos = row_count;
  update public.categories set parent_id = v_children_to,
         display_order = display_order + coalesce((select max(display_order) + 1 from public.categories where parent_id is not distinct from v_children_to), 0)
   where parent_id = p_id;
  get diagnostics v_children = row_count;
  delete from public.categories where id = p_id;
  perform private.record_taxonomy_audit(p_operator, 'delete', 'category', p_id, pg_catalog.to_jsonb(c), p_details =>
    pg_catalog.jsonb_build_object('videos_moved', v_videos, 'videos_to', p_videos_to, 'children_moved', v_children, 'children_to', v_children_to));
  return pg_catalog.jsonb_build_object('deleted', p_id, 'videos_moved', v_videos, 'children_moved', v_children);
end;
$$;
comment on function public.admin_delete_category(uuid, integer, integer, integer, timestamptz) is 'Admin: deletes a category, moving its videos (to p_videos_to or no category) and its subcategories (to p_children_to or its parent) in the same transaction; the built-in "all" is refused.';
revoke execute on function public.admin_delete_category(uuid, integer, integer, integer, timestamptz) from public, anon, authenticated;
grant execute on function public.admin_delete_category(uuid, integer, integer, integer, timestamptz) to service_role;
