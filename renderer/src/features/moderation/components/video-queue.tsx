// The pending or flagged queue: toolbar, virtualized table and review pane side by side,
// keyboard-driven, with bulk actions, per-item outcomes, undo and optional claims.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { QueueRow, VideoAction } from '@contract/moderation';
import { keysetRows } from '@/api/keyset';
import { channelQuery, reset } from '@/api/queries';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/error-alert';
import { selectedIds, ServerTable, toggleRow, useServerTable } from '@/components/server-table';
import { useToasts } from '@/components/toasts';
import { useHashSort } from '@/hooks/use-hash-sort';
import { useShortcuts } from '@/hooks/use-shortcuts';
import { formatNumber, formatTime } from '@/lib/format';
import { openExternal } from '@/lib/open-external';
import { useHashParams } from '@/lib/use-hash-route';
import { useModerationCounts } from '../api/get-counts';
import { useQueue, type QueueParams } from '../api/get-queue';
import { useActOnVideos, useClaim } from '../api/moderate';
import { useDecisions } from '../hooks/use-decisions';
import { useReviewSkim } from '../hooks/use-review-skim';
import { useListCursor } from '../hooks/use-list-cursor';
import { restoredIds } from '../lib/decisions';
import { begin, settle, startable } from '../lib/in-flight';
import { queueFilters, viewFromParams, viewToParams, type QueueView } from '../lib/queue-view';
import { isClaimedByOther, QUEUE_ROW_HEIGHT, QUEUE_SORTS, queueColumns } from './queue-columns';
import { QueueToolbar } from './queue-toolbar';
import { RejectDialog } from './reject-dialog';
import { ReviewPane } from './review-pane';
import { ShortcutsDialog } from './shortcuts-dialog';

const PAST: Record<VideoAction, string> = {
  approve: 'Approved',
  reject: 'Rejected',
  flag: 'Flagged',
  reopen: 'Reopened',
  feature: 'Featured',
  unfeature: 'Unfeatured',
};

const without = (selection: Record<string, true>, ids: Set<string>) =>
  Object.fromEntries(Object.entries(selection).filter(([id]) => !ids.has(id))) as Record<string, true>;

export function VideoQueue({ queue }: { queue: 'pending' | 'flagged' }) {
  const [params, setParams] = useHashParams();
  const view = useMemo(() => viewFromParams(params), [params]);
  const sort = useHashSort(QUEUE_SORTS);
  const filters = useMemo(() => queueFilters(view), [view]);
  const queueParams = useMemo<QueueParams>(() => ({ queue, sort: sort.value, filters }), [queue, sort.value, filters]);

  const qc = useQueryClient();
  const toasts = useToasts();
  const list = useQueue(queueParams);
  const act = useActOnVideos();
  const claim = useClaim();

  // Items a decision here took out of the list (until an undo puts them back).
  const [decided, setDecided] = useState<Set<string>>(new Set());
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const [help, setHelp] = useState(false);
  const [since, setSince] = useState<string | null>(null);
  const [me, setMe] = useState<string | null>(null);
  const editRef = useRef<HTMLSelectElement>(null);
  const mainRef = useRef<HTMLDivElement>(null);
  // Items with a decision in flight: read synchronously by the next key press (a ref), shown as
  // busy buttons (state).
  const inFlight = useRef<ReadonlySet<string>>(new Set());
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());
  // Items whose decision takes them out of the list and is in flight: out of the list at once, so
  // the next item opens and the next key press acts on it (at typing speed no key is lost); back
  // in it when the decision is refused or fails.
  const [leaving, setLeaving] = useState<ReadonlySet<string>>(new Set());

  const rows = useMemo(() => keysetRows(list.data).filter((r) => !decided.has(r.id) && !leaving.has(r.id)), [list.data, decided, leaving]);
  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);
  const keys = useMemo(() => rows.map((r) => r.id), [rows]);
  const cursor = useListCursor(keys);
  const currentId = cursor.current;
  const current = currentId ? byId.get(currentId) : undefined;
  const settledId = useReviewSkim(keys, currentId);
  const loadedIds = useMemo(() => new Set(keysetRows(list.data).map((r) => r.id)), [list.data]);

  const columns = useMemo(() => queueColumns(me), [me]);
  const table = useServerTable({ columns, rows, getRowId: (r) => r.id, sort, selectable: true });
  const selected = selectedIds(table);

  const decisions = useDecisions({
    onUndone: (r) => {
      const restored = restoredIds(r.results);
      const back = new Set(restored);
      setDecided((d) => new Set([...d].filter((id) => !back.has(id))));
      inFlight.current = settle(inFlight.current, restored);
      setBusyIds(inFlight.current);
      // The item the undo put back opens again as the current one.
      const reopen = restored.find((id) => loadedIds.has(id));
      if (reopen) cursor.setCurrent(reopen);
    },
  });

  // A fresh list (first load, filter change, "show new"): no selection, and the server's time
  // noted for "N new". What was decided here stays out of it (`decided` is emptied only by "show
  // new"): a list read while a decision was being written still holds that item, and showing it
  // again would show a decided video as pending (and locked).
  const freshList = list.data?.pages.length === 1 && !list.isPlaceholderData;
  useEffect(() => {
    if (freshList) {
      void qc
        .fetchQuery(channelQuery('moderation:counts', {}, { staleTime: 0 }))
        .then((c) => setSince(c.at))
        .catch(() => undefined);
      table.resetRowSelection(true);
    }
  }, [list.dataUpdatedAt]); // eslint-disable-line react-hooks/exhaustive-deps -- only when a fresh list arrives
  const counts = useModerationCounts(since);
  const fresh = queue === 'pending' ? (counts.data?.new_pending ?? 0) : (counts.data?.new_flagged ?? 0);

  // Claiming: the opened item is reserved for 5 minutes; someone else's claim is shown, not overridden.
  useEffect(() => {
    if (!view.claim || !currentId) return;
    claim.mutate(
      { targetType: 'video', targetId: currentId },
      {
        onSuccess: (r) => {
          if (r.claimed) setMe(r.operator_id);
          else
            toasts.push({ kind: 'info', message: `${r.operator ?? 'Another moderator'} is reviewing this item until ${formatTime(r.expires_at)}.` });
        },
      },
    );
  }, [currentId, view.claim]); // eslint-disable-line react-hooks/exhaustive-deps -- claim once per opened item

  const targets = (): QueueRow[] => {
    if (selected.length) {
      const ids = new Set(selected);
      return rows.filter((r) => ids.has(r.id));
    }
    return current ? [current] : [];
  };

  const setInFlight = (next: ReadonlySet<string>) => {
    inFlight.current = next;
    setBusyIds(next);
  };

  // One decision per item at a time: items whose previous decision is in flight are skipped (a
  // second `a` on one does nothing), others go at once. A decision that takes its items out of
  // the list takes them out as it is sent (the next item opens), and they stay locked until an
  // undo puts them back, so a key press handled before the list re-rendered cannot decide them
  // again. Each call settles with its own items, so the undo bar names exactly what this call did
  // (mutateAsync: mutate's callbacks would only run for the latest call).
  const run = (action: VideoAction, asked: QueueRow[], reason?: string) => {
    const ids = new Set(
      startable(
        inFlight.current,
        asked.map((r) => r.id),
      ),
    );
    const items = asked.filter((r) => ids.has(r.id));
    if (!items.length) return;
    const itemIds = items.map((r) => r.id);
    setInFlight(begin(inFlight.current, itemIds));
    const leaves = action === 'approve' || action === 'reject' || (action === 'flag' && queue === 'pending');
    if (leaves) setLeaving((l) => begin(l, itemIds));
    const ticket = decisions.begin();
    let left = new Set<string>();
    act
      .mutateAsync({
        action,
        items: items.map((r) => ({ id: r.id, expected_status: r.moderation_status as 'pending' | 'approved' | 'rejected' | 'flagged' })),
        reason,
      })
      .then(
        (result) => {
          const doneIds = decisions.settle(result.results, {
            past: PAST[action],
            titles: new Map(items.map((i) => [i.id, i.title])),
            asked: items.length,
            ticket,
          });
          if (leaves) {
            left = doneIds;
            setDecided((d) => new Set([...d, ...doneIds]));
            setLeaving((l) => settle(l, itemIds));
          }
          table.setRowSelection((s) => without(s, doneIds));
        },
        (e: unknown) => {
          if (leaves) setLeaving((l) => settle(l, itemIds));
          decisions.react(e, ticket);
        },
      )
      .finally(() =>
        setInFlight(
          settle(
            inFlight.current,
            itemIds.filter((id) => !left.has(id)),
          ),
        ),
      );
  };

  const request = (action: VideoAction, asked = targets()) => {
    const items = asked.filter((r) => startable(inFlight.current, [r.id]).length > 0);
    if (!items.length) return;
    if (action === 'reject') setRejecting(items.map((r) => r.id));
    else run(action, items);
  };

  // After a filter is picked (or Escape in a field): the list has the focus, so j/k/a act on it.
  const focusList = () => mainRef.current?.querySelector<HTMLElement>('.queue-scroller')?.focus({ preventScroll: true });

  useShortcuts(
    {
      j: () => cursor.move(1),
      ArrowDown: () => cursor.move(1),
      k: () => cursor.move(-1),
      ArrowUp: () => cursor.move(-1),
      a: () => request('approve'),
      r: () => request('reject'),
      f: () => request('flag'),
      e: () => editRef.current?.focus(),
      x: () => {
        if (currentId) toggleRow(table, currentId);
      },
      'mod+a': () => table.toggleAllRowsSelected(true),
      Escape: () => table.resetRowSelection(true),
      'mod+z': decisions.undo,
      o: () => {
        if (current) void openExternal(current.url);
      },
      '?': () => setHelp(true),
    },
    true,
    focusList,
  );

  const showNew = () => {
    setDecided(new Set());
    void reset(qc, 'moderation:queue');
  };
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="queue-layout">
      <div className="queue-main" ref={mainRef}>
        <QueueToolbar
          view={view}
          sort={sort}
          onChange={(changes: Partial<QueueView>) => setParams(viewToParams({ ...view, ...changes }))}
          onPicked={focusList}
        />
        {fresh > 0 ? (
          <button type="button" className="new-arrivals" onClick={showNew}>
            {formatNumber(fresh)} new {queue === 'pending' ? 'submission' : 'flag'}
            {fresh === 1 ? '' : 's'} — show
          </button>
        ) : null}
        {selected.length ? (
          <div className="bulk-bar row" role="toolbar" aria-label="Bulk actions">
            <strong>{formatNumber(selected.length)} selected</strong>
            <button type="button" className="btn primary small" disabled={act.isPending} onClick={() => request('approve')}>
              Approve selected
            </button>
            <button type="button" className="btn danger small" disabled={act.isPending} onClick={() => request('reject')}>
              Reject selected…
            </button>
            {queue === 'pending' ? (
              <button type="button" className="btn small" disabled={act.isPending} onClick={() => request('flag')}>
                Flag selected
              </button>
            ) : null}
            <button type="button" className="btn small" onClick={() => table.resetRowSelection(true)}>
              Clear <kbd>Esc</kbd>
            </button>
          </div>
        ) : null}
        {list.error ? <ErrorAlert error={list.error} title="Could not load the queue" /> : null}
        {list.isPending ? (
          <p className="muted">Loading the queue…</p>
        ) : rows.length === 0 && !list.hasNextPage ? (
          <EmptyState title={filtered ? 'Nothing matches these filters' : `The ${queue} queue is empty`}>
            <p>
              {filtered ? 'Clear a filter to see more.' : 'New submissions appear here as they arrive; the count in the tab refreshes on its own.'}
            </p>
          </EmptyState>
        ) : (
          <ServerTable
            table={table}
            label="Queue"
            rowHeight={QUEUE_ROW_HEIGHT}
            currentId={currentId}
            onOpen={cursor.setCurrent}
            rowClassName={(r) => (isClaimedByOther(r, me) ? 'claimed' : undefined)}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        )}
        <p className="muted small">
          {formatNumber(rows.length)} loaded{list.hasNextPage ? ' (more as you scroll)' : ''} ·{' '}
          <button type="button" className="link-like" onClick={() => setHelp(true)}>
            Shortcuts <kbd>?</kbd>
          </button>
        </p>
      </div>
      <ReviewPane
        ref={editRef}
        videoId={currentId}
        settledId={settledId}
        busy={currentId !== null && busyIds.has(currentId)}
        onAction={(action, review) => {
          const row = byId.get(review.video.id) ?? ({ ...review.video, moderation_status: review.video.moderation_status } as unknown as QueueRow);
          request(action, [row]);
        }}
      />
      {decisions.view}
      <RejectDialog
        open={rejecting !== null}
        count={rejecting?.length ?? 0}
        onClose={() => setRejecting(null)}
        onReject={(reason) => {
          const ids = new Set(rejecting ?? []);
          setRejecting(null);
          run(
            'reject',
            rows.filter((r) => ids.has(r.id)),
            reason,
          );
        }}
      />
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
