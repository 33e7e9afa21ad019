// What follows every moderation decision, in each list alike: the done items can be undone for
// 10 seconds (under a label naming exactly them), the refused ones are listed with why, and a
// failed call gets the console's reaction to its error. Ctrl-Z undoes the latest decision sent: if
// it is still in flight, once it settles (at typing speed the undo bar may still hold the one
// before); the Undo button undoes the decision it names. A decision that settles after a later
// one never takes the bar back.
import { useRef, useState } from 'react';
import type { UndoResult } from '@contract/moderation';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { OutcomesDialog, type Outcome, type Outcomes } from '@/components/outcomes-dialog';
import { useToasts } from '@/components/toasts';
import { useUndo } from '../api/moderate';
import { UndoBar } from '../components/undo-bar';
import { askUndo, NO_DECISIONS, sendDecision, settleDecision, type DecisionOrder } from '../lib/decision-order';
import { auditIdsOf, decisionLabel, doneResults, outcomesTitle } from '../lib/decisions';
import { useUndoWindow } from './use-undo-window';

export function useDecisions({ onUndone }: { onUndone: (result: UndoResult) => void }) {
  const undoWindow = useUndoWindow();
  const undo = useUndo();
  const toasts = useToasts();
  const react = useErrorReaction();
  const [outcomes, setOutcomes] = useState<Outcomes | null>(null);
  // The decisions sent from this list, by ticket (read and written by key presses and settling
  // calls alike, so a ref, not state).
  const order = useRef<DecisionOrder>(NO_DECISIONS);

  const undoNow = (u: { label: string; auditIds: readonly number[] }) =>
    undo.mutate(
      { auditIds: [...u.auditIds] },
      {
        onSuccess: (r) => {
          onUndone(r);
          if (r.done === r.results.length) toasts.push({ kind: 'success', message: `Undone: ${u.label}` });
          else
            setOutcomes({
              title: `Undid ${r.done} of ${r.results.length}`,
              results: r.results.map((x) => ({ ...x, id: x.id ?? String(x.audit_id) })),
            });
        },
        onError: (e) => react(e),
      },
    );

  /** A decision is being sent: its ticket, for `settle` or `react`. */
  const begin = (): number => {
    order.current = sendDecision(order.current);
    return order.current.sent;
  };

  /**
   * After a batch: offers to undo what was done (undoes it at once when a Ctrl-Z waited for it)
   * and lists what was refused. `titles` names the items (by id) the user asked about; `ticket`
   * is the one `begin` gave when it was sent. Returns the ids that were done.
   */
  const settle = (
    results: Outcome[],
    options: { past: string; titles: ReadonlyMap<string, string>; asked: number; plural?: string; ticket?: number },
  ): Set<string> => {
    const done = doneResults(results);
    const undoable = { label: decisionLabel(options.past, results, options.titles, options.plural), auditIds: auditIdsOf(results) };
    let then: 'undo' | 'offer' | 'none' = done.length ? 'offer' : 'none';
    if (options.ticket !== undefined) ({ order: order.current, then } = settleDecision(order.current, options.ticket, done.length > 0));
    if (then === 'undo') {
      undoWindow.take();
      undoNow(undoable);
    } else if (then === 'offer') undoWindow.offer(undoable.label, undoable.auditIds);
    if (done.length !== results.length) {
      setOutcomes({
        title: outcomesTitle(options.past, results, options.asked),
        results: results.map((r) => ({ ...r, label: options.titles.get(r.id) })),
      });
    }
    return new Set(done.map((r) => r.id));
  };

  /** A failed call: the console's reaction; a Ctrl-Z waiting for it has nothing to undo. */
  const fail = (e: unknown, ticket?: number) => {
    if (ticket !== undefined) order.current = settleDecision(order.current, ticket, false).order;
    react(e);
  };

  /** The Undo button: the decision it names. */
  const undoShown = () => {
    const u = undoWindow.take();
    if (u) undoNow(u);
  };

  /** Ctrl/Cmd-Z: the latest decision sent, once it settled. */
  const undoLatest = () => {
    const asked = askUndo(order.current);
    order.current = asked.order;
    if (asked.now) undoShown();
  };

  const view = (
    <>
      <UndoBar current={undoWindow.current} secondsLeft={undoWindow.secondsLeft} onUndo={undoShown} busy={undo.isPending} />
      <OutcomesDialog outcomes={outcomes} onClose={() => setOutcomes(null)} />
    </>
  );
  return { begin, settle, offer: undoWindow.offer, undo: undoLatest, react: fail, view };
}
