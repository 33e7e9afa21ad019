// What follows every moderation decision, in each list alike: the done items can be undone for
// 10 seconds (under a label naming exactly them), the refused ones are listed with why, and a
// failed call gets the console's reaction to its error.
import { useState } from 'react';
import type { UndoResult } from '@contract/moderation';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { OutcomesDialog, type Outcome, type Outcomes } from '@/components/outcomes-dialog';
import { useToasts } from '@/components/toasts';
import { useUndo } from '../api/moderate';
import { UndoBar } from '../components/undo-bar';
import { auditIdsOf, decisionLabel, doneResults, outcomesTitle } from '../lib/decisions';
import { useUndoWindow } from './use-undo-window';

export function useDecisions({ onUndone }: { onUndone: (result: UndoResult) => void }) {
  const undoWindow = useUndoWindow();
  const undo = useUndo();
  const toasts = useToasts();
  const react = useErrorReaction();
  const [outcomes, setOutcomes] = useState<Outcomes | null>(null);

  /**
   * After a batch: offers to undo what was done and lists what was refused. `titles` names the
   * items (by id) the user asked about; returns the ids that were done.
   */
  const settle = (
    results: Outcome[],
    options: { past: string; titles: ReadonlyMap<string, string>; asked: number; plural?: string },
  ): Set<string> => {
    const done = doneResults(results);
    if (done.length) undoWindow.offer(decisionLabel(options.past, results, options.titles, options.plural), auditIdsOf(results));
    if (done.length !== results.length) {
      setOutcomes({
        title: outcomesTitle(options.past, results, options.asked),
        results: results.map((r) => ({ ...r, label: options.titles.get(r.id) })),
      });
    }
    return new Set(done.map((r) => r.id));
  };

  const runUndo = () => {
    const u = undoWindow.take();
    if (!u) return;
    undo.mutate(
      { auditIds: u.auditIds },
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
  };

  const view = (
    <>
      <UndoBar current={undoWindow.current} secondsLeft={undoWindow.secondsLeft} onUndo={runUndo} busy={undo.isPending} />
      <OutcomesDialog outcomes={outcomes} onClose={() => setOutcomes(null)} />
    </>
  );
  return { settle, offer: undoWindow.offer, undo: runUndo, react, view };
}
