// Scheduled maintenance on the Migrations page: refresh trending_videos now, choose how often it
// is refreshed (pg_cron's job where the database has it, else this console while it runs), and
// see when it last ran — the console's record, and pg_cron's own run log.
import { useId, useMemo } from 'react';
import { TRENDING_INTERVALS, type TrendingStatus } from '@contract/maintenance';
import { DataTable, type Columns } from '@/components/data-table';
import { ErrorAlert } from '@/components/error-alert';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { useToasts } from '@/components/toasts';
import { formatDateTime, formatRelativeTime } from '@/lib/format';
import { useRefreshTrending, useScheduleTrending, useTrendingStatus } from '../api/trending-refresh';

type Refresh = TrendingStatus['recent'][number];
type CronRun = TrendingStatus['cron_runs'][number];

const SOURCE: Record<Refresh['source'], string> = { console: 'Refresh button', schedule: "This console's timer", pg_cron: 'pg_cron job' };

const every = (m: number) => (m < 60 ? `Every ${m} minutes` : m === 60 ? 'Every hour' : m < 1440 ? `Every ${m / 60} hours` : 'Once a day (03:00)');

export function TrendingRefresh() {
  const status = useTrendingStatus();
  const refresh = useRefreshTrending();
  const schedule = useScheduleTrending();
  const toasts = useToasts();
  const react = useErrorReaction();
  const selectId = useId();

  const refreshColumns = useMemo<Columns<Refresh>>(
    () => [
      {
        accessorKey: 'refreshed_at',
        header: 'When',
        cell: (c) => <time dateTime={c.row.original.refreshed_at}>{formatDateTime(c.row.original.refreshed_at)}</time>,
      },
      {
        accessorKey: 'source',
        header: 'By',
        cell: (c) => `${SOURCE[c.row.original.source]}${c.row.original.operator ? ` (@${c.row.original.operator})` : ''}`,
      },
      { accessorKey: 'duration_ms', header: 'Took', cell: (c) => `${c.row.original.duration_ms} ms` },
    ],
    [],
  );
  const cronColumns = useMemo<Columns<CronRun>>(
    () => [
      { accessorKey: 'start_time', header: 'Started', cell: (c) => (c.row.original.start_time ? formatDateTime(c.row.original.start_time) : '—') },
      { accessorKey: 'status', header: 'Status', cell: (c) => c.row.original.status ?? '—' },
      { accessorKey: 'return_message', header: 'Message', cell: (c) => c.row.original.return_message ?? '' },
    ],
    [],
  );

  const data = status.data;
  const last = data?.recent[0];
  const onRefresh = () =>
    refresh.mutate(
      {},
      {
        onSuccess: (r) => toasts.push({ kind: 'success', message: `Trending videos refreshed in ${r.duration_ms} ms.` }),
        onError: (e) => react(e, { retry: onRefresh }),
      },
    );
  const onSchedule = (value: string) =>
    schedule.mutate(
      { intervalMinutes: value === '' ? null : Number(value) },
      {
        onSuccess: (s) =>
          toasts.push({
            kind: 'success',
            message: s.interval_minutes === null ? 'Scheduled refresh turned off.' : `Trending videos: ${every(s.interval_minutes).toLowerCase()}.`,
          }),
        onError: (e) => react(e),
      },
    );

  return (
    <section aria-labelledby="trending-title">
      <h2 id="trending-title">Trending refresh</h2>
      {status.error ? <ErrorAlert error={status.error} title="Could not read the trending refresh status" /> : null}
      {data ? (
        <>
          <p aria-live="polite">
            {last ? (
              <>
                Last refreshed <time dateTime={last.refreshed_at}>{formatRelativeTime(last.refreshed_at)}</time> by{' '}
                {SOURCE[last.source].toLowerCase()}
                {last.operator ? ` (@${last.operator})` : ''}.
              </>
            ) : (
              'Not refreshed by the console or a schedule yet: refresh it now, or choose a schedule.'
            )}
          </p>
          <div className="row">
            <button type="button" className="btn primary" disabled={refresh.isPending} onClick={onRefresh}>
              {refresh.isPending ? 'Refreshing…' : 'Refresh now'}
            </button>
            <label htmlFor={selectId}>Schedule</label>
            <select id={selectId} value={data.interval_minutes ?? ''} disabled={schedule.isPending} onChange={(e) => onSchedule(e.target.value)}>
              <option value="">Off (on demand only)</option>
              {TRENDING_INTERVALS.map((m) => (
                <option key={m} value={m}>
                  {every(m)}
                </option>
              ))}
            </select>
          </div>
          <p className="muted">
            {data.runner === 'pg_cron'
              ? data.cron_job
                ? `This database's pg_cron runs the job "magna_refresh_trending" (${data.cron_job.schedule}${data.cron_job.active ? '' : ', inactive'}), also while the console is closed.`
                : 'This database has pg_cron: a schedule chosen here becomes its job "magna_refresh_trending".'
              : 'This database has no pg_cron: this console refreshes on the schedule while it runs.'}
          </p>
          {data.runner === 'pg_cron' && data.cron_job ? (
            data.cron_runs.length ? (
              <DataTable columns={cronColumns} data={data.cron_runs} caption="Last runs of the pg_cron job" rowKey={(r) => `${r.start_time}`} />
            ) : (
              <p className="muted">The pg_cron job has not run yet.</p>
            )
          ) : null}
          {data.recent.length ? (
            <DataTable columns={refreshColumns} data={data.recent} caption="Last refreshes" rowKey={(r) => r.refreshed_at} />
          ) : null}
        </>
      ) : status.isPending ? (
        <p className="muted">Loading…</p>
      ) : null}
    </section>
  );
}
