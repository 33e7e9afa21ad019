// Background work (a backfill's leases and batches) marks itself, so the embedded workspace's one
// session serves the console's own calls first: everything `fn` sends to the database, however
// deep in its awaits, is background work. On a real server, where each call has its own
// connection, the mark changes nothing.
import { AsyncLocalStorage } from 'node:async_hooks';

const background = new AsyncLocalStorage<true>();

export function inBackground<T>(fn: () => Promise<T>): Promise<T> {
  return background.run(true, fn);
}

/** Whether the caller runs inside `inBackground`. */
export const isBackground = (): boolean => background.getStore() === true;

type Meter = { heldMs: number; measured: boolean };
const meters = new AsyncLocalStorage<Meter>();

/**
 * Runs `fn` and says how long its calls held the embedded workspace's one session (`heldMs`, the
 * sum the worker reported for each unit `fn` ran), or null where nothing reports it (a real server,
 * whose calls do not share a session). The time spent queued behind the console's calls is not in
 * it: a backfill sizes its batches by what they cost the session, not by how busy the console was.
 */
export async function timeOnSession<T>(fn: () => Promise<T>): Promise<{ value: T; heldMs: number | null }> {
  const meter: Meter = { heldMs: 0, measured: false };
  const value = await meters.run(meter, fn);
  return { value, heldMs: meter.measured ? meter.heldMs : null };
}

/** Adds a unit's hold time to the meter of the caller's `timeOnSession`, if any. */
export function chargeSessionTime(ms: number): void {
  const meter = meters.getStore();
  if (!meter) return;
  meter.heldMs += ms;
  meter.measured = true;
}
