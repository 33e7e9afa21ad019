// The last action stays undoable for 10 seconds; the server reverts it through the audit log
// only where nothing changed since. Pure, so it is unit-tested: expiry and the countdown.

export const UNDO_WINDOW_MS = 10_000;

export type Undoable = { label: string; auditIds: number[]; offeredAt: number; expiresAt: number };

/** An undo for the actions recorded as `auditIds`; null when nothing was done (nothing to undo). */
export function offerUndo(label: string, auditIds: readonly number[], now: number, windowMs = UNDO_WINDOW_MS): Undoable | null {
  return auditIds.length ? { label, auditIds: [...auditIds], offeredAt: now, expiresAt: now + windowMs } : null;
}

export const isExpired = (u: Undoable, now: number) => now >= u.expiresAt;

/** Whole seconds left, for the countdown: never above the window, never below 0 (clocks move). */
export function secondsLeft(u: Undoable | null, now: number): number {
  if (!u) return 0;
  const windowSeconds = Math.ceil((u.expiresAt - u.offeredAt) / 1000);
  return Math.min(windowSeconds, Math.max(0, Math.ceil((u.expiresAt - now) / 1000)));
}

/** The undo to run now, or null when it expired. */
export const takeUndo = (u: Undoable | null, now: number): Undoable | null => (u && !isExpired(u, now) ? u : null);
