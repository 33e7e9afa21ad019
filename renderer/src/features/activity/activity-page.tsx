// The activity log: what the team did, from every audit log, newest first — filtered by domain,
// action, operator, date range and text (all in the URL hash), each row's item a link that opens it, and the
// filtered set exported as CSV (read page by page from the server, not just the rows on screen).
import { useEffect, useMemo, useState } from 'react';
import { ACTIVITY_DOMAINS, type ActivityRow } from '@contract/activity';
import { keysetRows } from '@/api/keyset';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/error-alert';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { ServerTable, useServerTable, type ServerColumn } from '@/components/server-table';
import { useToasts } from '@/components/toasts';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useHashParams } from '@/lib/use-hash-route';
import { exportActivityCsv, useActivity, useStaff } from './api/get-activity';
import { filtersFromParams } from './lib/activity-filters';
import './activity.css';

const DOMAIN_LABELS: Record<(typeof ACTIVITY_DOMAINS)[number], string> = {
  moderation: 'Moderation',
  taxonomy: 'Taxonomy',
  graph: 'Graph',
  staff: 'Staff',
  embeddings: 'Embeddings',
  migrations: 'Migrations',
};
const ACTIONS: Record<string, string[]> = {
  moderation: [
    'approve',
    'reject',
    'flag',
    'reopen',
    'feature',
    'unfeature',
    'edit',
    'remove_comment',
    'keep_comment',
    'approve_context',
    'reject_context',
    'dismiss_reports',
    'suspend_user',
    'reinstate_user',
    'undo',
  ],
  taxonomy: ['create', 'update', 'move', 'delete', 'merge', 'delete_unused', 'bulk_tag'],
  graph: ['create', 'update', 'delete', 'import'],
  staff: ['grant', 'revoke'],
  embeddings: ['create', 'pause', 'resume', 'cancel', 'retry_failed'],
  migrations: ['apply'],
};

const rowId = (r: ActivityRow) => `${r.domain}/${r.key}`;

export function ActivityPage() {
  const [params, setParams] = useHashParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [search, setSearch] = useState(params.get('q') ?? '');
  useEffect(() => {
    const t = setTimeout(() => setParams({ q: search.trim() || null }), 300);
    return () => clearTimeout(t);
  }, [search]); // eslint-disable-line react-hooks/exhaustive-deps -- debounce the search box only
  const activity = useActivity(filters);
  const staff = useStaff();
  const rows = useMemo(() => keysetRows(activity.data), [activity.data]);
  const [current, setCurrent] = useState<string | null>(null);
  const [exporting, setExporting] = useState<number | null>(null);
  const toasts = useToasts();
  const react = useErrorReaction();
  const filtered = Object.keys(filters).length > 0;
  const actions = filters.domain ? ACTIONS[filters.domain]! : [...new Set(Object.values(ACTIONS).flat())].sort();

  const columns = useMemo<ServerColumn<ActivityRow>[]>(
    () => [
      { id: 'at', header: 'When', enableSorting: false, meta: { width: 170 }, cell: ({ row }) => formatDateTime(row.original.at) },
      { id: 'domain', header: 'Log', enableSorting: false, meta: { width: 100 }, cell: ({ row }) => DOMAIN_LABELS[row.original.domain] },
      { id: 'action', header: 'Action', enableSorting: false, meta: { width: 130, className: 'mono' }, cell: ({ row }) => row.original.action },
      {
        id: 'operator',
        header: 'Operator',
        enableSorting: false,
        meta: { width: 150, className: 'ellipsis' },
        cell: ({ row }) => row.original.operator,
      },
      {
        id: 'target',
        header: 'Item',
        enableSorting: false,
        meta: { className: 'ellipsis' },
        cell: ({ row: { original: r } }) => {
          const label = r.target ?? `${r.target_type} ${r.target_id} (gone)`;
          return r.href ? (
            <a href={r.href} title={label}>
              {label}
            </a>
          ) : (
            <span title={label}>{label}</span>
          );
        },
      },
      {
        id: 'summary',
        header: 'Reason or note',
        enableSorting: false,
        meta: { className: 'ellipsis', width: '24%' },
        cell: ({ row }) => <span title={row.original.summary ?? undefined}>{row.original.summary ?? ''}</span>,
      },
    ],
    [],
  );
  const table = useServerTable({ columns, rows, getRowId: rowId });

  const runExport = async () => {
    setExporting(0);
    try {
      const result = await exportActivityCsv(filters, setExporting);
      const url = URL.createObjectURL(new Blob([result.csv], { type: 'text/csv' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: `activity-${new Date().toISOString().slice(0, 10)}.csv` });
      a.click();
      URL.revokeObjectURL(url);
      toasts.push({
        kind: result.truncated ? 'info' : 'success',
        message: `Exported ${formatNumber(result.rows)} row${result.rows === 1 ? '' : 's'}${result.truncated ? ' (the first ones: narrow the filters to export the rest)' : ''}.`,
      });
    } catch (e) {
      react(e);
    } finally {
      setExporting(null);
    }
  };

  return (
    <section aria-labelledby="page-title" className="activity-page">
      <h1 id="page-title">Activity</h1>
      <form className="toolbar row activity-filters" aria-label="Filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="inline grow">
          <span className="visually-hidden">Search the activity</span>
          <input type="search" placeholder="Search items, reasons, operators…" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label className="inline">
          Log{' '}
          <select value={filters.domain ?? ''} onChange={(e) => setParams({ domain: e.target.value || null, action: null })}>
            <option value="">All logs</option>
            {ACTIVITY_DOMAINS.map((d) => (
              <option key={d} value={d}>
                {DOMAIN_LABELS[d]}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          Action{' '}
          <select value={filters.action ?? ''} onChange={(e) => setParams({ action: e.target.value || null })}>
            <option value="">Any action</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          Operator{' '}
          <select value={filters.operatorId ?? ''} onChange={(e) => setParams({ operator: e.target.value || null })}>
            <option value="">Anyone</option>
            {(staff.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.username}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          From <input type="date" value={params.get('from') ?? ''} onChange={(e) => setParams({ from: e.target.value || null })} />
        </label>
        <label className="inline">
          To <input type="date" value={params.get('to') ?? ''} onChange={(e) => setParams({ to: e.target.value || null })} />
        </label>
        {filtered ? (
          <button
            type="button"
            className="btn small"
            onClick={() => {
              setSearch('');
              setParams({ domain: null, action: null, operator: null, from: null, to: null, q: null });
            }}
          >
            Clear filters
          </button>
        ) : null}
        <button type="button" className="btn" disabled={exporting !== null || rows.length === 0} onClick={() => void runExport()}>
          {exporting === null ? 'Export CSV' : `Exporting… ${formatNumber(exporting)} rows`}
        </button>
      </form>
      {activity.error ? <ErrorAlert error={activity.error} title="Could not load the activity" /> : null}
      {!activity.isPending && !activity.error && rows.length === 0 ? (
        <EmptyState title={filtered ? 'Nothing matches these filters' : 'No activity yet'}>
          <p>
            {filtered
              ? 'Widen the date range, pick another log or operator, or clear the filters.'
              : 'Decisions, taxonomy and link changes, staff roles and backfills appear here as the team makes them.'}
          </p>
        </EmptyState>
      ) : (
        <ServerTable
          table={table}
          label="Activity"
          className="activity"
          scrollerClassName="activity-scroller"
          rowHeight={36}
          currentId={current}
          onOpen={setCurrent}
          hasMore={activity.hasNextPage}
          loadingMore={activity.isFetchingNextPage}
          onLoadMore={() => void activity.fetchNextPage()}
        />
      )}
    </section>
  );
}
