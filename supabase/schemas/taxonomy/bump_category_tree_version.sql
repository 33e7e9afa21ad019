-- Trigger function: gives the category tree a new version (and empties its stored structure) after any statement that writes public.categories.
create or replace function private.bump_category_tree_version()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- After each statement, not each row: moving a subtree renumbers many siblings in one update.
  -- The stored structure is emptied with it; store_category_tree builds it again at commit.
  update private.category_tree_version set version = pg_catalog.gen_random_uuid(), structure = null;
  return null;
end;
$$;
comment on function private.bump_category_tree_version() is 'Trigger function (after each statement on public.categories): replaces the tree''s version in private.category_tree_version and empties its stored structure (store_category_tree builds it at commit).';
revoke execute on function private.bump_category_tree_version() from public, anon, authenticated, service_role;
