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
