-- Trigger function: stores the tree's structure with its version, once per transaction (deferred to commit, fired by each row written to public.categories).
create or replace function private.store_category_tree()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- Every statement that writes categories leaves the stored structure empty (the version
  -- trigger); at commit, the first of these deferred events builds it from the final categories,
  -- the others find it built. A first load then reads one stored value instead of formatting
  -- every category (at 10,000 categories on the embedded workspace: 16-19 ms against 35-40 ms).
  -- Under SET CONSTRAINTS ALL IMMEDIATE it is built after each statement instead: slower, as correct.
  update private.category_tree_version set structure = private.category_tree_structure() where structure is null;
  return null;
end;
$$;
comment on function private.store_category_tree() is 'Trigger function (deferred constraint trigger on public.categories): stores private.category_tree_structure() in private.category_tree_version when the version trigger emptied it (security definer: no API role writes the table itself).';
revoke execute on function private.store_category_tree() from public, anon, authenticated, service_role;
