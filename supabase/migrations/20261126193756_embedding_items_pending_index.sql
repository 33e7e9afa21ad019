-- Backfill leases in index order: a job's pending items by video id, in a partial index that holds
-- only pending items. admin_embedding_lease (next migration) reads its batch from it and stops at
-- the batch size; without it every lease sorted all of a job's pending items (100,000 for a full
-- backfill: half a second of the embedded workspace's only session, which the console waits for).
create index idx_embedding_items_pending on public.embedding_job_items (job_id, video_id) where status = 'pending';
