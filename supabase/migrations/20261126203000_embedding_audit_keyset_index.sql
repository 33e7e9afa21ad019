-- The activity log reads the embedding audit log as it reads the others: one keyset index scan on
-- (occurred_at desc, id desc). The table is new this release and small.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create index if not exists idx_embedding_audit_occurred on public.embedding_audit_log (occurred_at desc, id desc);
