// Community context notes waiting for approval: approve (a) or reject with a reason (r).
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { errorText } from '@/api/client';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/error-alert';
import { useToasts } from '@/components/toasts';
import { useShortcuts } from '@/hooks/use-shortcuts';
import { useContexts } from '../api/get-reports';
import { useActOnContexts, useUndo } from '../api/moderate';
import { useListCursor } from '../hooks/use-list-cursor';
import { useUndoWindow } from '../hooks/use-undo-window';
import { ago, duration } from '../lib/format-time';
import { ItemList } from './item-list';
import { OutcomesDialog, type Outcomes } from './outcomes-dialog';
import { ReasonDialog } from './reason-dialog';
import { UndoBar } from './undo-bar';

export function ContextsView() {
  const list = useContexts();
  const act = useActOnContexts();
  const undo = useUndo();
  const qc = useQueryClient();
  const toasts = useToasts();
  const undoWindow = useUndoWindow();
  const [handled, setHandled] = useState<Set<string>>(new Set());
  const [rejecting, setRejecting] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcomes | null>(null);
  const notes = useMemo(() => (list.data?.pages ?? []).flatMap((p) => p.rows).filter((n) => !handled.has(n.id)), [list.data, handled]);
  const keys = useMemo(() => notes.map((n) => n.id), [notes]);
  const cursor = useListCursor(keys);
  const note = notes.find((n) => n.id === cursor.current) ?? null;
  const onError = (e: unknown) => toasts.push({ kind: 'error', ...errorText(e) });

  const decide = (action: 'approve' | 'reject', reason?: string) => {
    if (!note) return;
    act.mutate({ action, items: [{ id: note.id, expected_updated_at: note.updated_at }], reason }, {
      onSuccess: (r) => {
        const done = r.results.filter((x) => x.outcome === 'done');
        if (done.length) {
          const next = cursor.nextAfter(note.id);
          setHandled((h) => new Set([...h, note.id]));
          cursor.setCurrent(next);
          undoWindow.offer(action === 'approve' ? 'Note approved.' : 'Note rejected.', done.map((x) => x.audit_id!));
        } else setOutcomes({ title: 'Not applied', results: r.results.map((x) => ({ ...x, label: note.content.slice(0, 80) })) });
      },
      onError,
    });
  };
  const doUndo = () => {
    const u = undoWindow.take();
    if (!u) return;
    undo.mutate(u.auditIds, {
      onSuccess: () => {
        setHandled(new Set());
        void qc.resetQueries({ queryKey: ['moderation', 'contexts'] });
        toasts.push({ kind: 'success', message: `Undone: ${u.label}` });
      },
      onError,
    });
  };
  useShortcuts({
    j: () => cursor.move(1), ArrowDown: () => cursor.move(1), k: () => cursor.move(-1), ArrowUp: () => cursor.move(-1),
    a: () => decide('approve'), r: () => { if (note) setRejecting(true); }, 'mod+z': doUndo,
  });

  if (list.error) return <ErrorAlert error={list.error} title="Could not load the context notes" />;
  if (list.isPending) return <p className="muted">Loading context notes…</p>;
  if (!notes.length && !list.hasNextPage) return <EmptyState title="No context notes to review"><p>Summaries, quotes and notes users add to videos wait here for approval.</p></EmptyState>;

  return (
    <div className="queue-layout">
      <div className="queue-main">
        <ItemList label="Context notes" items={notes.map((n) => ({ ...n, key: n.id }))} currentKey={cursor.current} onOpen={cursor.setCurrent}
          hasMore={list.hasNextPage} loadingMore={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()}
          render={(n) => (
            <>
              <div className="row"><span className="badge unknown">{n.context_type}</span><strong className="ellipsis">{n.title ?? n.content}</strong></div>
              <div className="muted small ellipsis">on "{n.video_title}" · @{n.author ?? 'unknown'} · {ago(n.created_at)}</div>
            </>
          )} />
      </div>
      <aside className="pane" aria-label="Context note">
        {note ? (
          <>
            <h2 className="pane-title">{note.context_type} on "{note.video_title}"</h2>
            <div className="muted">@{note.author ?? 'unknown'} · {ago(note.created_at)}{note.timestamp_seconds !== null ? ` · at ${duration(note.timestamp_seconds)}` : ''}{note.is_ai_generated ? ' · AI-generated' : ''}</div>
            {note.title ? <h3>{note.title}</h3> : null}
            <blockquote className="quote">{note.content}</blockquote>
            {note.source_url ? <div className="muted">Source: {note.source_url}</div> : null}
            <div className="row actions" role="toolbar" aria-label="Actions">
              <button type="button" className="btn primary" disabled={act.isPending} onClick={() => decide('approve')}>Approve <kbd>a</kbd></button>
              <button type="button" className="btn danger" disabled={act.isPending} onClick={() => setRejecting(true)}>Reject… <kbd>r</kbd></button>
            </div>
          </>
        ) : <p className="muted">Select a note.</p>}
      </aside>
      <UndoBar current={undoWindow.current} secondsLeft={undoWindow.secondsLeft} onUndo={doUndo} busy={undo.isPending} />
      <ReasonDialog open={rejecting} title="Reject this context note?" label="Reason (recorded in the audit log)" confirmLabel="Reject note"
        onClose={() => setRejecting(false)} onSubmit={(reason) => { setRejecting(false); decide('reject', reason); }} />
      <OutcomesDialog outcomes={outcomes} onClose={() => setOutcomes(null)} />
    </div>
  );
}
