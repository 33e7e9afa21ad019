-- squawk-ignore-file require-lock-timeout, require-statement-timeout
-- An index on the (possibly large, live) videos table, built without blocking writes. It is a
-- file of its own: `create index concurrently` cannot run inside a transaction, and both the
-- Supabase CLI and the console run a one-statement file outside one. If it fails, drop the
-- INVALID index it leaves (`drop index concurrently public.idx_videos_title_trgm`) and run the migrations again.
create index concurrently if not exists idx_videos_title_trgm on public.videos using gin (title extensions.gin_trgm_ops);
