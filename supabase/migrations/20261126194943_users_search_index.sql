-- squawk-ignore-file require-lock-timeout, require-statement-timeout
-- The Users page searches usernames, display names and e-mails by substring: a trigram index on
-- the very expression admin_user_page tests, so a rare match is an index scan at 100,000 users and
-- beyond. Built without blocking writes, so alone in its file: `create index concurrently` cannot
-- run inside a transaction, and both the Supabase CLI and the console run a one-statement file
-- outside one. If it fails, drop the INVALID index it leaves
-- (`drop index concurrently public.idx_users_search_trgm`) and run the migrations again.
create index concurrently if not exists idx_users_search_trgm on public.users
  using gin ((lower(username || ' ' || coalesce(display_name, '') || ' ' || email)) extensions.gin_trgm_ops);
