// The console's home page: what waits (queues and the oldest pending video), what the team
// decided (per moderator per day, the approve/reject/flag mix), open reports by reason, embedding
// coverage — from one set-based call, refreshed every minute. Charts are uPlot canvases; every
// number is also in a table a screen reader reads.
import { useMemo } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { EmptyState } from '@/components/empty-state';
import { formatDateTime, formatNumber, formatRelativeTime } from '@/lib/format';
import { useHashParams } from '@/lib/use-hash-route';
import { useDashboard } from './api/get-dashboard';
import { TimeChart, type ChartSeries } from './components/time-chart';
import { decisionSeries, depthSeries, percent, periodDays } from './lib/dashboard-series';
import './dashboard.css';

const PERIODS = [7, 30, 90] as const;
const MIX = [
  ['approve', 'Approved'],
  ['reject', 'Rejected'],
  ['flag', 'Flagged'],
] as const;
const OPERATOR_COLOURS = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6'];

export function DashboardPage() {
  const [params, setParams] = useHashParams();
  const asked = Number(params.get('days'));
  const days = (PERIODS as readonly number[]).includes(asked) ? asked : 30;
  const dashboard = useDashboard(days);
  const d = dashboard.data;

  const charts = useMemo(() => {
    if (!d) return null;
    const x = periodDays(d.since, new Date().toISOString());
    const depth = depthSeries(x, d.depth);
    const queue: ChartSeries[] = [
      { label: 'Pending', values: depth.pending, colour: '--chart-1' },
      { label: 'Flagged', values: depth.flagged, colour: '--chart-2' },
    ];
    const decisions: ChartSeries[] = decisionSeries(x, d.decisions).map((s, i) => ({
      label: s.operator,
      values: s.values,
      colour: OPERATOR_COLOURS[i % OPERATOR_COLOURS.length]!,
    }));
    return { x, queue, decisions, recordedDays: d.depth.length };
  }, [d]);

  const mixTotal = d ? MIX.reduce((sum, [key]) => sum + (d.mix[key] ?? 0), 0) : 0;
  const reportTotal = d ? d.reports_by_reason.reduce((sum, r) => sum + r.n, 0) : 0;

  return (
    <section aria-labelledby="page-title" className="dashboard-page">
      <div className="row toolbar">
        <h1 id="page-title">Dashboard</h1>
        <span className="spacer" />
        <label className="inline">
          Period{' '}
          <select value={days} onChange={(e) => setParams({ days: e.target.value === '30' ? null : e.target.value })}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                last {p} days
              </option>
            ))}
          </select>
        </label>
      </div>
      {dashboard.error ? <ErrorAlert error={dashboard.error} title="Could not load the dashboard" /> : null}
      {!d && dashboard.isPending ? (
        <p className="muted" role="status">
          Loading the dashboard…
        </p>
      ) : null}
      {d && charts ? (
        <>
          <div className="stats" aria-label="Now">
            <a className="stat" href="#/moderation?tab=pending">
              <div className="value">{formatNumber(d.pending)}</div>
              <div className="label">Pending videos</div>
            </a>
            <a className="stat" href="#/moderation?tab=flagged">
              <div className="value">{formatNumber(d.flagged)}</div>
              <div className="label">Flagged videos</div>
            </a>
            <div className="stat">
              <div className="value" title={d.oldest_pending_at ? formatDateTime(d.oldest_pending_at) : undefined}>
                {d.oldest_pending_at ? formatRelativeTime(d.oldest_pending_at) : 'none'}
              </div>
              <div className="label">Oldest pending video submitted</div>
            </div>
            <a className="stat" href="#/embeddings">
              <div className="value">{percent(d.embedded, d.videos)}%</div>
              <div className="label">
                Embedded: {formatNumber(d.embedded)} of {formatNumber(d.videos)} videos
              </div>
            </a>
            <div className="stat">
              <div className="value">{d.trending_refreshed_at ? formatRelativeTime(d.trending_refreshed_at) : 'never'}</div>
              <div className="label">Trending last refreshed</div>
            </div>
          </div>

          <div className="chart-grid">
            <TimeChart
              title="Queue depth"
              description={`pending and flagged videos at each day's last reading (UTC); ${
                charts.recordedDays <= 1 ? 'recorded from the first day a console showed this page' : `${charts.recordedDays} days recorded`
              }`}
              days={charts.x}
              series={charts.queue}
              empty="No readings yet."
            />
            <TimeChart
              title="Decisions per moderator"
              description="videos, comments, context notes and reports decided per UTC day"
              days={charts.x}
              series={charts.decisions}
              empty={`No decisions in the last ${days} days: decide on the pending videos in Moderation, and they show here.`}
            />
          </div>

          <div className="chart-grid">
            <section aria-labelledby="mix-title" className="card">
              <h2 id="mix-title">Decision mix on videos</h2>
              {mixTotal === 0 ? (
                <EmptyState title={`No video decided in the last ${days} days`}>
                  <p>Approvals, rejections and flags appear here once moderators decide.</p>
                </EmptyState>
              ) : (
                <MeterTable
                  label="Decision mix on videos"
                  head="Decision"
                  rows={MIX.map(([key, label]) => ({ key, label, n: d.mix[key] ?? 0 }))}
                  total={mixTotal}
                />
              )}
            </section>
            <section aria-labelledby="reports-title" className="card">
              <h2 id="reports-title">Open reports by reason</h2>
              {reportTotal === 0 ? (
                <EmptyState title="No open reports">
                  <p>Reports users file appear here; handle them in Moderation, Reports.</p>
                </EmptyState>
              ) : (
                <MeterTable
                  label="Open reports by reason"
                  head="Reason"
                  rows={d.reports_by_reason.map((r) => ({ key: r.reason, label: r.reason, n: r.n }))}
                  total={reportTotal}
                />
              )}
            </section>
          </div>
        </>
      ) : null}
    </section>
  );
}

/** Counts with their share as a bar: a real table, so the numbers are read as they are shown. */
function MeterTable(props: { label: string; head: string; rows: { key: string; label: string; n: number }[]; total: number }) {
  return (
    <table className="meter-table" aria-label={props.label}>
      <thead>
        <tr>
          <th scope="col">{props.head}</th>
          <th scope="col" className="num">
            Count
          </th>
          <th scope="col" className="num">
            Share
          </th>
          <th scope="col" aria-hidden="true" />
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{formatNumber(r.n)}</td>
            <td className="num">{percent(r.n, props.total)}%</td>
            <td className="meter-cell" aria-hidden="true">
              <span className="meter" style={{ width: `${percent(r.n, props.total)}%` }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
