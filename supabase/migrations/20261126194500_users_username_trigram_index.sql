-- squawk-ignore-file require-lock-timeout, require-statement-timeout
-- Ctrl-K finds users by any part of their username (admin_console_search): a trigram index, built
-- without blocking writes. A file of its own: `create index concurrently` cannot run inside a
-- transaction, and both the Supabase CLI and the console run a one-statement file outside one. If it
-- fails, drop the INVALID index it leaves (`drop index concurrently public.idx_users_username_trgm`) and run the migrations again.
create index concurrently if not exists idx_users_username_trgm on public.users using gin (username extensions.gin_trgm_ops);
