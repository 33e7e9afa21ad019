// Open reports grouped per target (video, comment, context note), most reported first, with the
// decision for each: act on the item (reports resolved) or keep it (reports dismissed).
import { useMemo, useRef, useState } from 'react';
import { REPORT_REASONS, type ReportGroup } from '@contract/moderation';
import { keysetRows } from '@/api/keyset';
import { CopyLinkButton } from '@/components/copy-link-button';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/error-alert';
import { ServerTable, useServerTable, type ServerColumn } from '@/components/server-table';
import { useShortcuts } from '@/hooks/use-shortcuts';
import { formatDateTime, formatNumber, formatRelativeTime } from '@/lib/format';
import { useHashParams } from '@/lib/use-hash-route';
import { useReportGroups } from '../api/get-report-groups';
import { useActOnComments, useActOnContexts, useActOnVideos, useDismissReports } from '../api/moderate';
import { useDecisions } from '../hooks/use-decisions';
import { useListCursor } from '../hooks/use-list-cursor';
import { REPORT_AGES, REPORT_KINDS, reportFiltersFromParams, type ReportFilters } from '../lib/report-filters';
import { ReasonDialog } from './reason-dialog';
import { RejectDialog } from './reject-dialog';
import { VideoSummary } from './video-summary';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const key = (g: ReportGroup) => `${g.target_type}:${g.target_id}`;
const reasonText = (reason: string) => reason.replaceAll('_', ' ');

function describe(g: ReportGroup): string {
  const t = g.target ?? {};
  return g.target_type === 'video' ? str(t.title) : str(t.content);
}

const COLUMNS: ServerColumn<ReportGroup>[] = [
  {
    id: 'item',
    header: 'Reported item',
    enableSorting: false,
    cell: ({ row: { original: g } }) => (
      <>
        <div className="row nowrap">
          <span className="badge unknown">{g.target_type}</span>
          <strong className="ellipsis">{describe(g) || '(gone)'}</strong>
        </div>
        <div className="muted small ellipsis">{g.reasons.map(reasonText).join(', ')}</div>
      </>
    ),
  },
  {
    id: 'reports',
    header: 'Reports',
    enableSorting: false,
    meta: { className: 'num', width: '10%' },
    cell: ({ row }) => formatNumber(row.original.report_count),
  },
  {
    id: 'last',
    header: 'Last report',
    enableSorting: false,
    meta: { className: 'nowrap', width: '16%' },
    cell: ({ row }) => <span title={formatDateTime(row.original.last_reported_at)}>{formatRelativeTime(row.original.last_reported_at)}</span>,
  },
];

const KIND_LABEL = { video: 'Videos', comment: 'Comments', context: 'Context notes' } as const;
const AGE_LABEL = { 1: 'Over a day', 7: 'Over a week', 30: 'Over a month' } as const;

/** Kind, reason and age of the reports shown, kept in the URL; a pick returns focus to the list. */
function ReportFiltersBar({ filters, onChange }: { filters: ReportFilters; onChange: (changes: Record<string, string | null>) => void }) {
  return (
    <div className="toolbar row" role="search" aria-label="Report filters">
      <label className="inline">
        Kind
        <select value={filters.kind ?? ''} onChange={(e) => onChange({ kind: e.target.value || null })}>
          <option value="">All</option>
          {REPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        Reason
        <select value={filters.reason ?? ''} onChange={(e) => onChange({ reason: e.target.value || null })}>
          <option value="">Any</option>
          {REPORT_REASONS.map((r) => (
            <option key={r} value={r}>
              {reasonText(r)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        First reported
        <select value={filters.minAgeDays ?? ''} onChange={(e) => onChange({ older: e.target.value || null })}>
          <option value="">Any time</option>
          {REPORT_AGES.map((a) => (
            <option key={a} value={a}>
              {AGE_LABEL[a]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export function ReportsView() {
  const [params, setParams] = useHashParams();
  const filters = useMemo(() => reportFiltersFromParams(params), [params]);
  const reports = useReportGroups(filters);
  const mainRef = useRef<HTMLDivElement>(null);
  const setFilters = (changes: Record<string, string | null>) => {
    setParams(changes);
    // Back to the list, so the next shortcut acts on the reports, not on the control.
    (mainRef.current?.querySelector<HTMLElement>('[role="grid"], table') ?? mainRef.current)?.focus();
  };
  const filtered = Object.keys(filters).length > 0;
  const [handled, setHandled] = useState<Set<string>>(new Set());
  const groups = useMemo(() => keysetRows(reports.data).filter((g) => !handled.has(key(g))), [reports.data, handled]);
  const keys = useMemo(() => groups.map(key), [groups]);
  const cursor = useListCursor(keys);
  // A report link (#/report/<uuid> → ?item=<uuid>) opens that item's group once it is loaded.
  const linked = params.get('item');
  const linkedGroup = linked ? groups.find((g) => g.target_id === linked) : undefined;
  const [openedLink, setOpenedLink] = useState<string | null>(null);
  if (linkedGroup && openedLink !== linked) {
    setOpenedLink(linked);
    cursor.setCurrent(key(linkedGroup));
  }
  const linkMissing = linked !== null && !linkedGroup && openedLink !== linked && !reports.isPending && !reports.hasNextPage;
  const group = groups.find((g) => key(g) === cursor.current) ?? null;
  const table = useServerTable({ columns: COLUMNS, rows: groups, getRowId: key });
  const [dialog, setDialog] = useState<'reject-video' | 'reject-context' | null>(null);
  // The undo refetched the list: show every open report again, the restored one included.
  const decisions = useDecisions({ onUndone: () => setHandled(new Set()) });
  const videos = useActOnVideos();
  const comments = useActOnComments();
  const contexts = useActOnContexts();
  const dismiss = useDismissReports();
  const busy = videos.isPending || comments.isPending || contexts.isPending || dismiss.isPending;

  /** After acting on a group's item: it leaves the list when done; refusals are listed. */
  const onBatch = (g: ReportGroup, past: string) => ({
    onSuccess: (r: { results: { id: string; outcome: 'done' | 'conflict' | 'invalid'; audit_id?: number | undefined }[] }) => {
      const done = decisions.settle(r.results, { past, titles: new Map([[g.target_id, describe(g) || g.target_type]]), asked: 1, plural: 'items' });
      if (done.size) setHandled((h) => new Set([...h, key(g)]));
    },
    onError: (e: unknown) => decisions.react(e),
  });

  const keep = (g: ReportGroup) =>
    dismiss.mutate(
      { targetType: g.target_type, targetId: g.target_id },
      {
        onSuccess: (r) => {
          setHandled((h) => new Set([...h, key(g)]));
          decisions.offer(`Kept "${describe(g) || g.target_type}"; ${formatNumber(r.dismissed)} report(s) dismissed.`, [r.audit_id]);
        },
        onError: (e) => decisions.react(e),
      },
    );
  const removeComment = (g: ReportGroup) =>
    comments.mutate({ action: 'remove', items: [{ id: g.target_id, expected_is_deleted: false }] }, onBatch(g, 'Removed'));
  const flagVideo = (g: ReportGroup) =>
    videos.mutate({ action: 'flag', items: [{ id: g.target_id, expected_status: str(g.target?.status) as 'pending' }] }, onBatch(g, 'Flagged'));

  useShortcuts({
    j: () => cursor.move(1),
    ArrowDown: () => cursor.move(1),
    k: () => cursor.move(-1),
    ArrowUp: () => cursor.move(-1),
    'mod+z': decisions.undo,
    d: () => {
      if (group) keep(group);
    },
    r: () => {
      if (group?.target_type === 'video') setDialog('reject-video');
      else if (group?.target_type === 'context') setDialog('reject-context');
      else if (group) removeComment(group);
    },
  });

  if (reports.error) return <ErrorAlert error={reports.error} title="Could not load the reports" />;
  if (reports.isPending) return <p className="muted">Loading reports…</p>;
  if (!groups.length && !reports.hasNextPage && !filtered)
    return (
      <EmptyState title="No open reports">
        <p>Reports users file on videos, comments and context notes appear here, most reported first.</p>
      </EmptyState>
    );

  return (
    <div className="queue-layout">
      <div className="queue-main" ref={mainRef} tabIndex={-1}>
        <ReportFiltersBar filters={filters} onChange={setFilters} />
        {!groups.length && !reports.hasNextPage ? (
          <EmptyState title="No open reports match these filters">
            <p>Choose another kind, reason or age, or set them back to All / Any to see every open report.</p>
          </EmptyState>
        ) : null}
        {linkMissing ? (
          <div className="alert info" role="note">
            The linked item has no open reports (they may have been handled).
          </div>
        ) : null}
        <ServerTable
          table={table}
          label="Reported items"
          rowHeight={46}
          currentId={cursor.current}
          onOpen={cursor.setCurrent}
          hasMore={reports.hasNextPage}
          loadingMore={reports.isFetchingNextPage}
          onLoadMore={() => void reports.fetchNextPage()}
        />
      </div>
      <aside className="pane" aria-label="Reported item">
        {group ? (
          <>
            <h2 className="pane-title">
              {group.target_type === 'video'
                ? describe(group)
                : `${group.target_type === 'comment' ? 'Comment' : 'Context note'} on "${str(group.target?.video_title)}"`}
            </h2>
            {group.target_type !== 'video' ? (
              <blockquote className="quote">{describe(group)}</blockquote>
            ) : (
              <VideoSummary videoId={group.target_id} />
            )}
            {group.target_type === 'comment' ? <div className="muted">by @{str(group.target?.author)}</div> : null}
            <div className="row actions" role="toolbar" aria-label="Actions">
              {group.target_type === 'video' ? (
                <>
                  <button type="button" className="btn danger" disabled={busy} onClick={() => setDialog('reject-video')}>
                    Reject video… <kbd>r</kbd>
                  </button>
                  {['pending', 'approved'].includes(str(group.target?.status)) ? (
                    <button type="button" className="btn" disabled={busy} onClick={() => flagVideo(group)}>
                      Flag video
                    </button>
                  ) : null}
                </>
              ) : group.target_type === 'comment' ? (
                <button type="button" className="btn danger" disabled={busy} onClick={() => removeComment(group)}>
                  Remove comment <kbd>r</kbd>
                </button>
              ) : (
                <button type="button" className="btn danger" disabled={busy} onClick={() => setDialog('reject-context')}>
                  Reject note… <kbd>r</kbd>
                </button>
              )}
              <button type="button" className="btn" disabled={busy} onClick={() => keep(group)}>
                Keep (dismiss reports) <kbd>d</kbd>
              </button>
              <CopyLinkButton kind="report" id={group.target_id} className="btn" />
            </div>
            <h3>Reports ({formatNumber(group.report_count)})</h3>
            <ul className="plain">
              {group.reports.map((r, i) => (
                <li key={i}>
                  <strong>{reasonText(r.reason)}</strong> by @{r.reporter} · {formatRelativeTime(r.at)}
                  {r.details ? <div className="muted">{r.details}</div> : null}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">Select a reported item.</p>
        )}
      </aside>
      {decisions.view}
      <RejectDialog
        open={dialog === 'reject-video'}
        count={1}
        onClose={() => setDialog(null)}
        onReject={(reason) => {
          setDialog(null);
          if (group)
            videos.mutate(
              { action: 'reject', items: [{ id: group.target_id, expected_status: str(group.target?.status) as 'pending' }], reason },
              onBatch(group, 'Rejected'),
            );
        }}
      />
      <ReasonDialog
        open={dialog === 'reject-context'}
        title="Reject this context note?"
        label="Reason (recorded in the audit log)"
        confirmLabel="Reject note"
        onClose={() => setDialog(null)}
        onSubmit={(reason) => {
          setDialog(null);
          if (group)
            // Decided on the state shown (no blind writes): the note's approval as the report listed it.
            contexts.mutate(
              { action: 'reject', items: [{ id: group.target_id, expected_is_approved: group.target?.is_approved === true }], reason },
              onBatch(group, 'Rejected'),
            );
        }}
      />
    </div>
  );
}
