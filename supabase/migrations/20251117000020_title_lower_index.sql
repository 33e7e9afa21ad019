-- squawk-ignore-file require-lock-timeout, require-statement-timeout
-- Exact-title duplicates (case-insensitive) for the queue's "possible duplicate" flag and filter;
-- trigram similarity is kept for the review pane, where one video is checked at a time.
-- A file of its own: `create index concurrently` cannot run inside a transaction. If it fails,
-- drop the INVALID index it leaves (`drop index concurrently public.idx_videos_title_lower`) and
-- run the migrations again.
create index concurrently if not exists idx_videos_title_lower on public.videos (lower(title));
