// The pending or flagged queue: toolbar, virtualized table and review pane side by side,
// keyboard-driven, with bulk actions, per-item outcomes, undo and optional claims.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { QueueFilters, QueueRow, VideoAction } from '@contract/moderation';
import { api, errorText } from '@/api/client';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/error-alert';
import { useToasts } from '@/components/toasts';
import { useShortcuts } from '@/hooks/use-shortcuts';
import { useHashParams } from '@/lib/use-hash-route';
import { openExternal } from '@/lib/open-external';
import { useModerationCounts } from '../api/get-counts';
import { useQueue, type QueueParams } from '../api/get-queue';
import { useActOnVideos, useClaim, useUndo } from '../api/moderate';
import { useUndoWindow } from '../hooks/use-undo-window';
import { OutcomesDialog, type Outcomes } from './outcomes-dialog';
import { QueueTable } from './queue-table';
import { QueueToolbar, type ToolbarValues } from './queue-toolbar';
import { RejectDialog } from './reject-dialog';
import { ReviewPane } from './review-pane';
import { ShortcutsDialog } from './shortcuts-dialog';
import { UndoBar } from './undo-bar';

const PAST: Record<VideoAction, string> = { approve: 'Approved', reject: 'Rejected', flag: 'Flagged', reopen: 'Reopened', feature: 'Featured', unfeature: 'Unfeatured' };

function filtersFrom(v: ToolbarValues): QueueFilters {
  const f: QueueFilters = {};
  if (v.platform) f.platform = v.platform as QueueFilters['platform'];
  if (v.category) f.category_id = Number(v.category);
  if (v.q.trim()) f.q = v.q.trim();
  if (v.dup) f.has_duplicates = true;
  if (v.age === 'lt1') f.max_age_days = 1;
  if (v.age === 'lt7') f.max_age_days = 7;
  if (v.age === 'gt7') f.min_age_days = 7;
  if (v.age === 'gt30') f.min_age_days = 30;
  return f;
}

export function VideoQueue({ queue }: { queue: 'pending' | 'flagged' }) {
  const [params, setParams] = useHashParams();
  const values: ToolbarValues = {
    sort: params.get('sort') ?? 'oldest', platform: params.get('platform') ?? '', category: params.get('category') ?? '',
    age: params.get('age') ?? '', dup: params.get('dup') === '1', q: params.get('q') ?? '', claim: params.get('claim') === '1',
  };
  const sort = (['oldest', 'newest', 'most_reported'].includes(values.sort) ? values.sort : 'oldest') as QueueParams['sort'];
  const queueParams = useMemo<QueueParams>(() => ({ queue, sort, filters: filtersFrom(values) }),
    [queue, sort, values.platform, values.category, values.q, values.dup, values.age]); // eslint-disable-line react-hooks/exhaustive-deps

  const qc = useQueryClient();
  const toasts = useToasts();
  const list = useQueue(queueParams);
  const act = useActOnVideos();
  const undo = useUndo();
  const claim = useClaim();
  const undoWindow = useUndoWindow();

  const [decided, setDecided] = useState<Set<string>>(new Set());
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const anchor = useRef<number | null>(null);
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const [outcomes, setOutcomes] = useState<Outcomes | null>(null);
  const [help, setHelp] = useState(false);
  const [since, setSince] = useState<string | null>(null);
  const [me, setMe] = useState<string | null>(null);
  const editRef = useRef<HTMLSelectElement>(null);

  const rows = useMemo(() => (list.data?.pages ?? []).flatMap((p) => p.rows).filter((r) => !decided.has(r.id)), [list.data, decided]);
  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);

  // A fresh list (first load, filter change, "show new"): note the server's time for "N new".
  useEffect(() => {
    if (list.data?.pages.length === 1 && !list.isPlaceholderData) {
      void api['moderation:counts']({}).then((c) => setSince(c.at)).catch(() => undefined);
      setDecided(new Set());
      setSelected(new Set());
    }
  }, [list.dataUpdatedAt]); // eslint-disable-line react-hooks/exhaustive-deps
  const counts = useModerationCounts(since);
  const fresh = queue === 'pending' ? counts.data?.new_pending ?? 0 : counts.data?.new_flagged ?? 0;

  useEffect(() => {
    if ((!currentId || !byId.has(currentId)) && rows[0] && !list.isPlaceholderData) setCurrentId(rows[0].id);
  }, [rows, currentId, byId, list.isPlaceholderData]);

  // Claiming: the opened item is reserved for 5 minutes; someone else's claim is shown, not overridden.
  useEffect(() => {
    if (!values.claim || !currentId) return;
    claim.mutate({ targetType: 'video', targetId: currentId }, {
      onSuccess: (r) => {
        if (r.claimed) setMe(r.operator_id);
        else toasts.push({ kind: 'info', message: `${r.operator ?? 'Another moderator'} is reviewing this item until ${new Date(r.expires_at).toLocaleTimeString()}.` });
      },
    });
  }, [currentId, values.claim]); // eslint-disable-line react-hooks/exhaustive-deps

  const move = useCallback((delta: number) => {
    if (!rows.length) return;
    const i = Math.max(0, rows.findIndex((r) => r.id === currentId));
    setCurrentId(rows[Math.min(rows.length - 1, Math.max(0, i + delta))]!.id);
  }, [rows, currentId]);

  const targets = useCallback((): QueueRow[] => {
    if (selected.size) return rows.filter((r) => selected.has(r.id));
    const current = currentId ? byId.get(currentId) : undefined;
    return current ? [current] : [];
  }, [selected, rows, currentId, byId]);

  const run = useCallback((action: VideoAction, items: QueueRow[], reason?: string) => {
    if (!items.length) return;
    const index = rows.findIndex((r) => r.id === currentId);
    act.mutate({ action, items: items.map((r) => ({ id: r.id, expected_status: r.moderation_status as 'pending' | 'approved' | 'rejected' | 'flagged' })), reason }, {
      onSuccess: (result) => {
        const done = result.results.filter((r) => r.outcome === 'done');
        const doneIds = new Set(done.map((r) => r.id));
        const leaves = action === 'approve' || action === 'reject' || (action === 'flag' && queue === 'pending');
        if (leaves) setDecided((d) => new Set([...d, ...doneIds]));
        setSelected((s) => new Set([...s].filter((id) => !doneIds.has(id))));
        void qc.invalidateQueries({ queryKey: ['moderation', 'review'] });
        if (done.length) {
          undoWindow.offer(`${PAST[action]} ${done.length === 1 ? `"${items.find((i) => i.id === done[0]!.id)?.title ?? 'video'}"` : `${done.length} videos`}.`, done.map((r) => r.audit_id!).filter(Boolean));
          // The next item opens: the one after the decided one.
          if (leaves && currentId && doneIds.has(currentId)) {
            const next = rows.slice(index + 1).find((r) => !doneIds.has(r.id)) ?? rows.slice(0, index).reverse().find((r) => !doneIds.has(r.id));
            setCurrentId(next?.id ?? null);
          }
        }
        if (done.length !== result.results.length) {
          const titles = new Map(items.map((i) => [i.id, i.title]));
          setOutcomes({
            title: items.length > 1 ? `${PAST[action]} ${done.length} of ${items.length}` : 'Not applied',
            results: result.results.map((r) => ({ ...r, label: titles.get(r.id) })),
          });
        }
      },
      onError: (e) => toasts.push({ kind: 'error', ...errorText(e) }),
    });
  }, [act, rows, currentId, queue, qc, undoWindow, toasts]);

  const request = useCallback((action: VideoAction, items = targets()) => {
    if (action === 'reject') setRejecting(items.map((r) => r.id));
    else run(action, items);
  }, [targets, run]);

  const doUndo = useCallback(() => {
    const u = undoWindow.take();
    if (!u) return;
    undo.mutate(u.auditIds, {
      onSuccess: (r) => {
        const back = new Set(r.results.filter((x) => x.outcome === 'done' && x.id).map((x) => x.id!));
        setDecided((d) => new Set([...d].filter((id) => !back.has(id))));
        void qc.invalidateQueries({ queryKey: ['moderation', 'queue'] });
        if (r.done === r.results.length) toasts.push({ kind: 'success', message: `Undone: ${u.label}` });
        else setOutcomes({ title: `Undid ${r.done} of ${r.results.length}`, results: r.results.map((x) => ({ ...x, id: x.id ?? String(x.audit_id) })) });
      },
      onError: (e) => toasts.push({ kind: 'error', ...errorText(e) }),
    });
  }, [undoWindow, undo, qc, toasts]);

  const toggle = useCallback((id: string, range: boolean) => {
    const i = rows.findIndex((r) => r.id === id);
    setSelected((s) => {
      const n = new Set(s);
      if (range && anchor.current !== null) {
        const [a, b] = [Math.min(anchor.current, i), Math.max(anchor.current, i)];
        for (const r of rows.slice(a, b + 1)) n.add(r.id);
      } else if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
    anchor.current = i;
  }, [rows]);

  const current = currentId ? byId.get(currentId) : undefined;
  useShortcuts({
    j: () => move(1), ArrowDown: () => move(1), k: () => move(-1), ArrowUp: () => move(-1),
    a: () => request('approve'), r: () => request('reject'), f: () => request('flag'),
    e: () => editRef.current?.focus(), x: () => { if (currentId) toggle(currentId, false); },
    'mod+a': () => setSelected(new Set(rows.map((r) => r.id))), Escape: () => setSelected(new Set()),
    'mod+z': doUndo, o: () => { if (current) void openExternal(current.url); }, '?': () => setHelp(true),
  });

  const showNew = () => {
    setDecided(new Set());
    void qc.resetQueries({ queryKey: ['moderation', 'queue', queueParams] });
  };

  return (
    <div className="queue-layout">
      <div className="queue-main">
        <QueueToolbar values={values} onChange={(c) => setParams({
          ...(c.sort !== undefined ? { sort: c.sort === 'oldest' ? null : c.sort } : {}),
          ...(c.platform !== undefined ? { platform: c.platform } : {}), ...(c.category !== undefined ? { category: c.category } : {}),
          ...(c.age !== undefined ? { age: c.age } : {}), ...(c.q !== undefined ? { q: c.q } : {}),
          ...(c.dup !== undefined ? { dup: c.dup ? '1' : null } : {}), ...(c.claim !== undefined ? { claim: c.claim ? '1' : null } : {}),
        })} />
        {fresh > 0 ? (
          <button type="button" className="new-arrivals" onClick={showNew}>{fresh} new {queue === 'pending' ? 'submission' : 'flag'}{fresh === 1 ? '' : 's'} — show</button>
        ) : null}
        {selected.size ? (
          <div className="bulk-bar row" role="toolbar" aria-label="Bulk actions">
            <strong>{selected.size} selected</strong>
            <button type="button" className="btn primary small" disabled={act.isPending} onClick={() => request('approve')}>Approve selected</button>
            <button type="button" className="btn danger small" disabled={act.isPending} onClick={() => request('reject')}>Reject selected…</button>
            {queue === 'pending' ? <button type="button" className="btn small" disabled={act.isPending} onClick={() => request('flag')}>Flag selected</button> : null}
            <button type="button" className="btn small" onClick={() => setSelected(new Set())}>Clear <kbd>Esc</kbd></button>
          </div>
        ) : null}
        {list.error ? <ErrorAlert error={list.error} title="Could not load the queue" /> : null}
        {list.isPending ? <p className="muted">Loading the queue…</p> : rows.length === 0 && !list.hasNextPage ? (
          <EmptyState title={Object.keys(queueParams.filters).length ? 'Nothing matches these filters' : `The ${queue} queue is empty`}>
            <p>{Object.keys(queueParams.filters).length ? 'Clear a filter to see more.' : 'New submissions appear here as they arrive; the count in the tab refreshes on its own.'}</p>
          </EmptyState>
        ) : (
          <QueueTable rows={rows} sort={sort} onSort={(s) => setParams({ sort: s === 'oldest' ? null : s })} currentId={currentId}
            onOpen={setCurrentId} selected={selected} onToggle={toggle} operatorId={me}
            onToggleAll={() => setSelected((s) => (rows.every((r) => s.has(r.id)) ? new Set() : new Set(rows.map((r) => r.id))))}
            hasMore={list.hasNextPage} loadingMore={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        )}
        <p className="muted small">{rows.length} loaded{list.hasNextPage ? ' (more as you scroll)' : ''} · <button type="button" className="link-like" onClick={() => setHelp(true)}>Shortcuts <kbd>?</kbd></button></p>
      </div>
      <ReviewPane ref={editRef} videoId={currentId} busy={act.isPending}
        onAction={(action, review) => {
          const row = byId.get(review.video.id) ?? ({ ...review.video, moderation_status: review.video.moderation_status } as unknown as QueueRow);
          request(action, [row]);
        }} />
      <UndoBar current={undoWindow.current} secondsLeft={undoWindow.secondsLeft} onUndo={doUndo} busy={undo.isPending} />
      <RejectDialog open={rejecting !== null} count={rejecting?.length ?? 0} onClose={() => setRejecting(null)}
        onReject={(reason) => {
          const ids = new Set(rejecting ?? []);
          setRejecting(null);
          run('reject', rows.filter((r) => ids.has(r.id)), reason);
        }} />
      <OutcomesDialog outcomes={outcomes} onClose={() => setOutcomes(null)} />
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
