// Open reports grouped per target (video, comment, context note), most reported first, with the
// decision for each: act on the item (reports resolved) or keep it (reports dismissed).
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ReportGroup } from '@contract/moderation';
import { errorText } from '@/api/client';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/error-alert';
import { useToasts } from '@/components/toasts';
import { useShortcuts } from '@/hooks/use-shortcuts';
import { useReports } from '../api/get-reports';
import { useActOnComments, useActOnContexts, useActOnVideos, useDismissReports, useUndo } from '../api/moderate';
import { useListCursor } from '../hooks/use-list-cursor';
import { useUndoWindow } from '../hooks/use-undo-window';
import { ago } from '../lib/format-time';
import { ItemList } from './item-list';
import { OutcomesDialog, type Outcomes } from './outcomes-dialog';
import { ReasonDialog } from './reason-dialog';
import { RejectDialog } from './reject-dialog';
import { UndoBar } from './undo-bar';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const key = (g: ReportGroup) => `${g.target_type}:${g.target_id}`;

function describe(g: ReportGroup): string {
  const t = g.target ?? {};
  return g.target_type === 'video' ? str(t.title) : str(t.content);
}

export function ReportsView() {
  const reports = useReports();
  const qc = useQueryClient();
  const toasts = useToasts();
  const [handled, setHandled] = useState<Set<string>>(new Set());
  const groups = useMemo(() => (reports.data?.pages ?? []).flatMap((p) => p.rows).filter((g) => !handled.has(key(g))), [reports.data, handled]);
  const keys = useMemo(() => groups.map(key), [groups]);
  const cursor = useListCursor(keys);
  const group = groups.find((g) => key(g) === cursor.current) ?? null;
  const [dialog, setDialog] = useState<'reject-video' | 'reject-context' | null>(null);
  const [outcomes, setOutcomes] = useState<Outcomes | null>(null);
  const undoWindow = useUndoWindow();
  const undo = useUndo();
  const videos = useActOnVideos();
  const comments = useActOnComments();
  const contexts = useActOnContexts();
  const dismiss = useDismissReports();
  const busy = videos.isPending || comments.isPending || contexts.isPending || dismiss.isPending;

  const settle = (g: ReportGroup, label: string, auditIds: number[]) => {
    const next = cursor.nextAfter(key(g));
    setHandled((h) => new Set([...h, key(g)]));
    cursor.setCurrent(next);
    undoWindow.offer(label, auditIds);
  };
  const onBatch = (g: ReportGroup, label: string) => (r: { results: { outcome: string; audit_id?: number; message?: string }[] }) => {
    const done = r.results.filter((x) => x.outcome === 'done');
    if (done.length) settle(g, label, done.map((x) => x.audit_id!));
    else setOutcomes({ title: 'Not applied', results: r.results.map((x) => ({ ...x, id: g.target_id, label: describe(g), outcome: x.outcome as 'conflict' })) });
  };
  const onError = (e: unknown) => toasts.push({ kind: 'error', ...errorText(e) });

  const keep = (g: ReportGroup) => dismiss.mutate({ targetType: g.target_type, targetId: g.target_id }, {
    onSuccess: (r) => settle(g, `Kept; ${r.dismissed} report(s) dismissed.`, [r.audit_id]), onError,
  });
  const removeComment = (g: ReportGroup) => comments.mutate({ action: 'remove', items: [{ id: g.target_id, expected_is_deleted: false }] }, { onSuccess: onBatch(g, 'Comment removed.'), onError });
  const flagVideo = (g: ReportGroup) => videos.mutate({ action: 'flag', items: [{ id: g.target_id, expected_status: str(g.target?.status) as 'pending' }] }, { onSuccess: onBatch(g, 'Video flagged.'), onError });

  const doUndo = () => {
    const u = undoWindow.take();
    if (!u) return;
    undo.mutate(u.auditIds, {
      onSuccess: (r) => {
        void qc.resetQueries({ queryKey: ['moderation', 'reports'] });
        setHandled(new Set());
        toasts.push(r.done === r.results.length ? { kind: 'success', message: `Undone: ${u.label}` } : { kind: 'error', message: r.results.find((x) => x.outcome !== 'done')?.message ?? 'Could not undo.' });
      },
      onError,
    });
  };

  useShortcuts({
    j: () => cursor.move(1), ArrowDown: () => cursor.move(1), k: () => cursor.move(-1), ArrowUp: () => cursor.move(-1), 'mod+z': doUndo,
    d: () => { if (group) keep(group); },
    r: () => { if (group?.target_type === 'video') setDialog('reject-video'); else if (group?.target_type === 'context') setDialog('reject-context'); else if (group) removeComment(group); },
  });

  if (reports.error) return <ErrorAlert error={reports.error} title="Could not load the reports" />;
  if (reports.isPending) return <p className="muted">Loading reports…</p>;
  if (!groups.length && !reports.hasNextPage) return <EmptyState title="No open reports"><p>Reports users file on videos, comments and context notes appear here, most reported first.</p></EmptyState>;

  return (
    <div className="queue-layout">
      <div className="queue-main">
        <ItemList label="Reported items" items={groups.map((g) => ({ ...g, key: key(g) }))} currentKey={cursor.current} onOpen={cursor.setCurrent}
          hasMore={reports.hasNextPage} loadingMore={reports.isFetchingNextPage} onLoadMore={() => void reports.fetchNextPage()}
          render={(g) => (
            <>
              <div className="row"><span className="badge unknown">{g.target_type}</span><strong className="ellipsis">{describe(g) || '(gone)'}</strong></div>
              <div className="muted small">{g.report_count} report{g.report_count === 1 ? '' : 's'}: {g.reasons.map((r) => r.replace('_', ' ')).join(', ')} · last {ago(g.last_reported_at)}</div>
            </>
          )} />
      </div>
      <aside className="pane" aria-label="Reported item">
        {group ? (
          <>
            <h2 className="pane-title">{group.target_type === 'video' ? describe(group) : `${group.target_type === 'comment' ? 'Comment' : 'Context note'} on "${str(group.target?.video_title)}"`}</h2>
            {group.target_type !== 'video' ? <blockquote className="quote">{describe(group)}</blockquote> : <div className="muted">Status: {str(group.target?.status)}</div>}
            {group.target_type === 'comment' ? <div className="muted">by @{str(group.target?.author)}</div> : null}
            <div className="row actions" role="toolbar" aria-label="Actions">
              {group.target_type === 'video' ? (
                <>
                  <button type="button" className="btn danger" disabled={busy} onClick={() => setDialog('reject-video')}>Reject video… <kbd>r</kbd></button>
                  {['pending', 'approved'].includes(str(group.target?.status)) ? <button type="button" className="btn" disabled={busy} onClick={() => flagVideo(group)}>Flag video</button> : null}
                </>
              ) : group.target_type === 'comment' ? (
                <button type="button" className="btn danger" disabled={busy} onClick={() => removeComment(group)}>Remove comment <kbd>r</kbd></button>
              ) : (
                <button type="button" className="btn danger" disabled={busy} onClick={() => setDialog('reject-context')}>Reject note… <kbd>r</kbd></button>
              )}
              <button type="button" className="btn" disabled={busy} onClick={() => keep(group)}>Keep (dismiss reports) <kbd>d</kbd></button>
            </div>
            <h3>Reports</h3>
            <ul className="plain">
              {group.reports.map((r, i) => <li key={i}><strong>{r.reason.replace('_', ' ')}</strong> by @{r.reporter} · {ago(r.at)}{r.details ? <div className="muted">{r.details}</div> : null}</li>)}
            </ul>
          </>
        ) : <p className="muted">Select a reported item.</p>}
      </aside>
      <UndoBar current={undoWindow.current} secondsLeft={undoWindow.secondsLeft} onUndo={doUndo} busy={undo.isPending} />
      <RejectDialog open={dialog === 'reject-video'} count={1} onClose={() => setDialog(null)} onReject={(reason) => {
        setDialog(null);
        if (group) videos.mutate({ action: 'reject', items: [{ id: group.target_id, expected_status: str(group.target?.status) as 'pending' }], reason }, { onSuccess: onBatch(group, 'Video rejected.'), onError });
      }} />
      <ReasonDialog open={dialog === 'reject-context'} title="Reject this context note?" label="Reason (recorded in the audit log)" confirmLabel="Reject note"
        onClose={() => setDialog(null)} onSubmit={(reason) => {
          setDialog(null);
          if (group) contexts.mutate({ action: 'reject', items: [{ id: group.target_id }], reason }, { onSuccess: onBatch(group, 'Context note rejected.'), onError });
        }} />
      <OutcomesDialog outcomes={outcomes} onClose={() => setOutcomes(null)} />
    </div>
  );
}
