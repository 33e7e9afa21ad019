-- The category tree's version and stored structure (private.category_tree_version, two migrations
-- back), kept by the trigger functions declared in supabase/schemas/taxonomy/: after every
-- statement that writes public.categories, a new version and the structure emptied
-- (bump_category_tree_version); at the commit of such a transaction, the structure stored again
-- from the final categories (store_category_tree, a deferred constraint trigger: fired per row, it
-- builds the structure once). Then the structure of the categories already there.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create trigger categories_bump_tree_version after insert or update or delete or truncate on public.categories
  for each statement execute function private.bump_category_tree_version();
create constraint trigger categories_store_tree after insert or update or delete on public.categories
  deferrable initially deferred
  for each row execute function private.store_category_tree();

update private.category_tree_version set structure = private.category_tree_structure();
