-- Activity log and dashboard: the indexes that make each audit log's branch of admin_activity a
-- keyset index scan (occurred_at desc, id desc: the feed's order, and the seek of the next page),
-- and the daily queue-depth readings the dashboard charts.
--
-- Queue depth over time is recorded, not derived: videos can be inserted in any state (imports,
-- demo data) and only decisions are audited, so a past day's depth cannot be computed from the
-- audit log. admin_dashboard records today's depth (from video_status_counts, a lookup) each time
-- a console shows it; the chart starts the first day it was shown.
--
-- The logs are append-only and small next to videos; plain (not concurrent) index builds keep
-- this file one transaction.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create index if not exists idx_audit_occurred on public.moderation_audit_log (occurred_at desc, id desc);
create index if not exists idx_taxonomy_audit_occurred on public.taxonomy_audit_log (occurred_at desc, id desc);
create index if not exists idx_reference_audit_occurred on public.reference_audit_log (occurred_at desc, id desc);
create index if not exists idx_staff_audit_occurred on public.staff_audit_log (occurred_at desc, id desc);
-- Open reports grouped by reason (the dashboard): only the open ones, in reason order.
create index if not exists idx_reports_open_reason on public.reports (reason) where status = 'open';

create table public.queue_depth_daily (
  day date primary key,
  pending bigint not null,
  flagged bigint not null,
  recorded_at timestamptz not null default now(),
  constraint queue_depth_daily_counts_check check (pending >= 0 and flagged >= 0)
);
comment on table public.queue_depth_daily is 'Pending and flagged queue depth per UTC day, the day''s latest reading; written by admin_dashboard.';

-- Console-only, like the other moderation tables: no client role reads or writes it.
alter table public.queue_depth_daily enable row level security;
revoke all on table public.queue_depth_daily from anon, authenticated;
grant select, insert, update on table public.queue_depth_daily to service_role;
