-- A backfill's work items are written in chunks as it is worked, not all at once when it starts:
-- writing 100,000 items in the job's creating transaction held the embedded workspace's only
-- session for 5 to 20 seconds, and the console waited that long for every call. A job now starts
-- `preparing`, with the id of the last video its chunks have looked at (`prepared_through`);
-- admin_embedding_lease (a later migration) writes the next chunk when a job runs short of
-- pending items, under the job row's lock, and a job is done only once it is fully prepared.
-- A worker killed mid-way leaves the cursor where its last committed chunk put it.
-- Existing jobs were written whole: they are not preparing.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

alter table public.embedding_jobs
  add column preparing boolean not null default false,
  add column prepared_through uuid;
comment on column public.embedding_jobs.preparing is 'Whether the job''s work items are still being written, chunk by chunk, as it is worked.';
comment on column public.embedding_jobs.prepared_through is 'The id of the last video the job''s preparation looked at (videos are scanned in id order); null before the first chunk.';
