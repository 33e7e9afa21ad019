-- Admin API: the category tree: its version, its structure (one array per field; left out when the caller already holds this version) and the own usage of each category that has videos.
create or replace function public.admin_category_tree(p_operator uuid, p_known_version text default null)
returns json
language sql
stable
set search_path = ''
as $$
  select private.require_staff(p_operator, 'curator');
  -- The structure changes only when a curator edits a category; the usage with every video
  -- decided. So the answer is {version, structure, usage}: a console that holds the tree at this
  -- version (p_known_version) gets only the usage. One statement: the version and the structure
  -- come from the same snapshot.
  -- Structure: stored with the version at the commit of each category write
  -- (private.store_category_tree), so a first load reads one value instead of formatting every
  -- category; built here only when nothing is stored (after a TRUNCATE).
  -- Usage: the counts triggers maintain on videos (category_video_counts: no pass over the
  -- videos), only categories with videos of their own. Totals with descendants are summed by the
  -- console, which holds the whole tree anyway; walking every category's ancestors here made the
  -- call 100 ms instead of 19-26 ms once videos were spread over 7,439 of 10,022 categories.
  select pg_catalog.json_build_object(
           'version', v.version,
           'structure', case when p_known_version is distinct from v.version::text
                             then coalesce(v.structure, private.category_tree_structure()) end,
           'usage', (
             select pg_catalog.json_build_object(
                      'id', coalesce(pg_catalog.array_agg(n.category_id), '{}'),
                      'approved', coalesce(pg_catalog.array_agg(n.approved), '{}'),
                      'pending', coalesce(pg_catalog.array_agg(n.pending), '{}'))
               from public.category_video_counts n
              where n.approved <> 0 or n.pending <> 0))
    -- Its one row, inserted by the migration that made it (no API role may delete it).
    from private.category_tree_version v
$$;
comment on function public.admin_category_tree(uuid, text) is 'Admin: the category tree as {version, structure, usage}: structure (every category, in no particular order, one array per field) is null when p_known_version is the current version; usage is the own approved and pending videos of each category that has any (the console sums descendants).';
revoke execute on function public.admin_category_tree(uuid, text) from public, anon, authenticated;
grant execute on function public.admin_category_tree(uuid, text) to service_role;
