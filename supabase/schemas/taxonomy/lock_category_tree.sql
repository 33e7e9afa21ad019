-- Internal helper: takes the category tree's write lock for this transaction (its version row), before any category row is locked.
create or replace function private.lock_category_tree()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- Every admin function that writes categories calls this first, so curators' writes run one
  -- after the other in a single lock order. Without it, two moves among the same siblings each
  -- locked their own category and then wanted the other's to renumber: a deadlock, one move
  -- refused. The version trigger takes the same row after each statement; held already, it waits
  -- for nothing.
  perform 1 from private.category_tree_version for update;
end;
$$;
comment on function private.lock_category_tree() is 'Internal: locks private.category_tree_version for this transaction, so category writes run one at a time (called first by every admin function that writes categories; security definer: no API role may lock the table itself).';
revoke execute on function private.lock_category_tree() from public, anon, authenticated;
grant execute on function private.lock_category_tree() to service_role;
