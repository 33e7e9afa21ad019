-- squawk-ignore-file require-lock-timeout, require-statement-timeout
-- Backfill leases in index order: a job's pending items by video id, in a partial index that holds
-- only pending items. admin_embedding_lease (a later migration) reads its batch from it and stops at
-- the batch size; without it every lease sorted all of a job's pending items (100,000 for a full
-- backfill: half a second of the embedded workspace's only session, which the console waits for).
-- Built without blocking a running backfill's writes, so alone in its file: `create index
-- concurrently` cannot run inside a transaction. If it fails, drop the INVALID index it leaves
-- (`drop index concurrently public.idx_embedding_items_pending`) and run the migrations again.
create index concurrently if not exists idx_embedding_items_pending on public.embedding_job_items (job_id, video_id) where status = 'pending';
