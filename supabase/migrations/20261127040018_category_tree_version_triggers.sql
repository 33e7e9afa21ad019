-- The category tree's version (private.category_tree_version, two migrations back): replaced after
-- every statement that writes public.categories, by the trigger function declared in
-- supabase/schemas/taxonomy/bump_category_tree_version.sql.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create trigger categories_bump_tree_version after insert or update or delete or truncate on public.categories
  for each statement execute function private.bump_category_tree_version();
