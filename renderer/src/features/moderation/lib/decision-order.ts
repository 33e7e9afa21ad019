// The order of the decisions sent from one list, for the undo: Ctrl-Z undoes the latest decision
// sent — when it is still in flight, once it settles (at typing speed the undo bar may still hold
// the one before) — and a decision that settles after a later one never takes the bar back.
// Pure, so it is unit-tested.

export type DecisionOrder = {
  /** The latest ticket handed out (tickets count up from 1). */
  sent: number;
  inFlight: ReadonlySet<number>;
  /** The ticket whose undo the bar holds (0: none yet). */
  offered: number;
  /** The ticket a Ctrl-Z pressed while it was in flight waits for. */
  undoAwaits: number | null;
};

export const NO_DECISIONS: DecisionOrder = { sent: 0, inFlight: new Set(), offered: 0, undoAwaits: null };

/** A decision is sent: its ticket is the new `sent`. */
export function sendDecision(o: DecisionOrder): DecisionOrder {
  const ticket = o.sent + 1;
  return { ...o, sent: ticket, inFlight: new Set([...o.inFlight, ticket]) };
}

/** Ctrl-Z: undo what the bar holds now, or wait for the latest decision when it is in flight. */
export function askUndo(o: DecisionOrder): { order: DecisionOrder; now: boolean } {
  return o.inFlight.has(o.sent) ? { order: { ...o, undoAwaits: o.sent }, now: false } : { order: o, now: true };
}

/**
 * Decision `ticket` settled (`done`: it changed something): undo it at once (a Ctrl-Z waited for
 * it), offer its undo in the bar, or neither (nothing done, or a later decision holds the bar).
 */
export function settleDecision(o: DecisionOrder, ticket: number, done: boolean): { order: DecisionOrder; then: 'undo' | 'offer' | 'none' } {
  const inFlight = new Set(o.inFlight);
  inFlight.delete(ticket);
  const awaited = o.undoAwaits === ticket;
  const order = { ...o, inFlight, undoAwaits: awaited ? null : o.undoAwaits };
  if (!done) return { order, then: 'none' };
  if (awaited) return { order: { ...order, offered: ticket }, then: 'undo' };
  if (ticket > o.offered) return { order: { ...order, offered: ticket }, then: 'offer' };
  return { order, then: 'none' };
}
