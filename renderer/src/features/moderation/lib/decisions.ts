// What a moderation decision did, from its per-item results: which items are done (they leave
// the list and can be undone, under a label naming exactly them) and which were refused (shown
// with why). Pure, so it is unit-tested.
import { approveClosesReports } from './report-summary';

type Result = {
  id: string;
  outcome: 'done' | 'conflict' | 'invalid';
  audit_id?: number | undefined;
  closed_reports?: Record<string, number> | undefined;
};

export function doneResults<R extends Result>(results: readonly R[]): R[] {
  return results.filter((r) => r.outcome === 'done');
}

/** The audit entries to undo: one per done item that recorded one. */
export const auditIdsOf = (results: readonly Result[]): number[] =>
  doneResults(results).flatMap((r) => (r.audit_id === undefined ? [] : [r.audit_id]));

/**
 * The undo bar's label: `Approved "Title".` when one item was done (that item, not the first
 * one asked for), `Approved 3 videos.` for several.
 */
export function decisionLabel(past: string, results: readonly Result[], titles: ReadonlyMap<string, string>, plural = 'videos'): string {
  const done = doneResults(results);
  const closed = closedReports(done);
  const what = done.length === 1 ? `${past} "${titles.get(done[0]!.id) ?? 'item'}".` : `${past} ${done.length} ${plural}.`;
  return closed ? `${what} ${closed}` : what;
}

/** The reports the done items closed, as recorded: `Closed 4 open reports: 3 spam, 1 copyright.` */
function closedReports(done: readonly Result[]): string | null {
  const kinds = done.flatMap((r) => Object.entries(r.closed_reports ?? {}).flatMap(([reason, n]) => Array.from({ length: n }, () => ({ reason }))));
  return approveClosesReports(kinds)?.replace('Approving closes', 'Closed') ?? null;
}

/** The outcomes dialog's title when some items were refused. */
export function outcomesTitle(past: string, results: readonly Result[], asked: number): string {
  return asked > 1 ? `${past} ${doneResults(results).length} of ${asked}` : 'Not applied';
}

type UndoneResult = { audit_id?: number; id?: string | null | undefined; outcome: string };

/** The items an undo put back, in order: the first one reopens as current. */
export const restoredIds = (results: readonly UndoneResult[]): string[] => results.flatMap((r) => (r.outcome === 'done' && r.id ? [r.id] : []));
