// Community context notes waiting for approval: approve (a) or reject with a reason (r).
import { useMemo, useRef, useState } from 'react';
import { CONTEXT_KINDS, type ContextRow } from '@contract/moderation';
import { keysetRows } from '@/api/keyset';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/error-alert';
import { ServerTable, useServerTable, type ServerColumn } from '@/components/server-table';
import { useShortcuts } from '@/hooks/use-shortcuts';
import { formatClock, formatDateTime, formatRelativeTime } from '@/lib/format';
import { useHashParams } from '@/lib/use-hash-route';
import { useContextNotes } from '../api/get-context-notes';
import { useActOnContexts } from '../api/moderate';
import { useDecisions } from '../hooks/use-decisions';
import { useListCursor } from '../hooks/use-list-cursor';
import { contextFiltersFromParams, REPORT_AGES } from '../lib/report-filters';
import { ReasonDialog } from './reason-dialog';
import type { Seek } from './video-player';
import { VideoSummary } from './video-summary';

const noteTitle = (n: ContextRow) => n.title ?? n.content.slice(0, 80);

const COLUMNS: ServerColumn<ContextRow>[] = [
  {
    id: 'note',
    header: 'Note',
    enableSorting: false,
    cell: ({ row: { original: n } }) => (
      <>
        <div className="row nowrap">
          <span className="badge unknown">{n.context_type}</span>
          <strong className="ellipsis">{n.title ?? n.content}</strong>
        </div>
        <div className="muted small ellipsis">
          on "{n.video_title}" · @{n.author ?? 'unknown'}
        </div>
      </>
    ),
  },
  {
    id: 'added',
    header: 'Added',
    enableSorting: false,
    meta: { className: 'nowrap', width: '16%' },
    cell: ({ row }) => <span title={formatDateTime(row.original.created_at)}>{formatRelativeTime(row.original.created_at)}</span>,
  },
];

const AGE_LABEL = { 1: 'Over a day', 7: 'Over a week', 30: 'Over a month' } as const;

export function ContextsView() {
  const [params, setParams] = useHashParams();
  const filters = useMemo(() => contextFiltersFromParams(params), [params]);
  const filtered = Object.keys(filters).length > 0;
  const list = useContextNotes(filters);
  const mainRef = useRef<HTMLDivElement>(null);
  const setFilter = (changes: Record<string, string | null>) => {
    setParams(changes);
    // Back to the list, so the next shortcut acts on the notes, not on the control.
    mainRef.current?.focus({ preventScroll: true });
  };
  const act = useActOnContexts();
  const [handled, setHandled] = useState<Set<string>>(new Set());
  const [rejecting, setRejecting] = useState(false);
  const [seek, setSeek] = useState<(Seek & { note: string }) | null>(null);
  const notes = useMemo(() => keysetRows(list.data).filter((n) => !handled.has(n.id)), [list.data, handled]);
  const keys = useMemo(() => notes.map((n) => n.id), [notes]);
  const cursor = useListCursor(keys);
  const note = notes.find((n) => n.id === cursor.current) ?? null;
  const table = useServerTable({ columns: COLUMNS, rows: notes, getRowId: (n) => n.id });
  // The undo refetched the list: show what is still waiting, the restored note included.
  const decisions = useDecisions({ onUndone: () => setHandled(new Set()) });

  const decide = (action: 'approve' | 'reject', reason?: string) => {
    if (!note) return;
    act.mutate(
      { action, items: [{ id: note.id, expected_updated_at: note.updated_at }], reason },
      {
        onSuccess: (r) => {
          const done = decisions.settle(r.results, {
            past: action === 'approve' ? 'Approved' : 'Rejected',
            titles: new Map([[note.id, noteTitle(note)]]),
            asked: 1,
            plural: 'notes',
          });
          if (done.size) setHandled((h) => new Set([...h, ...done]));
        },
        onError: (e) => decisions.react(e),
      },
    );
  };
  useShortcuts({
    j: () => cursor.move(1),
    ArrowDown: () => cursor.move(1),
    k: () => cursor.move(-1),
    ArrowUp: () => cursor.move(-1),
    a: () => decide('approve'),
    r: () => {
      if (note) setRejecting(true);
    },
    'mod+z': decisions.undo,
  });

  if (list.error) return <ErrorAlert error={list.error} title="Could not load the context notes" />;
  if (list.isPending) return <p className="muted">Loading context notes…</p>;
  if (!notes.length && !list.hasNextPage && !filtered)
    return (
      <EmptyState title="No context notes to review">
        <p>Summaries, quotes and notes users add to videos wait here for approval.</p>
      </EmptyState>
    );

  return (
    <div className="queue-layout">
      <div className="queue-main" ref={mainRef} tabIndex={-1}>
        <div className="toolbar row" role="search" aria-label="Context note filters">
          <label className="inline">
            Kind
            <select value={filters.kind ?? ''} onChange={(e) => setFilter({ kind: e.target.value || null })}>
              <option value="">All</option>
              {CONTEXT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            Added
            <select value={filters.minAgeDays ?? ''} onChange={(e) => setFilter({ older: e.target.value || null })}>
              <option value="">Any time</option>
              {REPORT_AGES.map((a) => (
                <option key={a} value={a}>
                  {AGE_LABEL[a]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {!notes.length && !list.hasNextPage ? (
          <EmptyState title="No context notes match these filters">
            <p>Choose another kind or age, or set them back to All / Any time to see every note waiting.</p>
          </EmptyState>
        ) : null}
        <ServerTable
          table={table}
          label="Context notes"
          rowHeight={46}
          currentId={cursor.current}
          onOpen={cursor.setCurrent}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </div>
      <aside className="pane" aria-label="Context note">
        {note ? (
          <>
            <h2 className="pane-title">
              {note.context_type} on "{note.video_title}"
            </h2>
            <div className="muted">
              @{note.author ?? 'unknown'} · {formatRelativeTime(note.created_at)}
              {note.timestamp_seconds !== null ? ` · at ${formatClock(note.timestamp_seconds)}` : ''}
              {note.is_ai_generated ? ' · AI-generated' : ''}
            </div>
            {note.title ? <h3>{note.title}</h3> : null}
            <blockquote className="quote">{note.content}</blockquote>
            {note.source_url ? <div className="muted">Source: {note.source_url}</div> : null}
            {note.timestamp_seconds !== null ? (
              <button
                type="button"
                className="btn small"
                onClick={() => setSeek({ note: note.id, seconds: note.timestamp_seconds ?? 0, nonce: Date.now() })}
              >
                ▶ Play at {formatClock(note.timestamp_seconds)}
              </button>
            ) : null}
            <VideoSummary key={note.id} videoId={note.video_id} seek={seek?.note === note.id ? seek : null} />
            <div className="row actions" role="toolbar" aria-label="Actions">
              <button type="button" className="btn primary" disabled={act.isPending} onClick={() => decide('approve')}>
                Approve <kbd>a</kbd>
              </button>
              <button type="button" className="btn danger" disabled={act.isPending} onClick={() => setRejecting(true)}>
                Reject… <kbd>r</kbd>
              </button>
            </div>
          </>
        ) : (
          <p className="muted">Select a note.</p>
        )}
      </aside>
      {decisions.view}
      <ReasonDialog
        open={rejecting}
        title="Reject this context note?"
        label="Reason (recorded in the audit log)"
        confirmLabel="Reject note"
        onClose={() => setRejecting(false)}
        onSubmit={(reason) => {
          setRejecting(false);
          decide('reject', reason);
        }}
      />
    </div>
  );
}
