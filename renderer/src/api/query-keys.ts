// Every query key is [channel, input] (see queries.ts); this says which keys an invalidation
// reaches. Pure, so it is unit-tested on its own.

/** A channel ('taxonomy:tags') or a whole domain ('taxonomy:'). */
export type KeyTarget = string;

/** Whether a query key belongs to one of `targets`; no targets means every query. */
export function keyMatches(key: readonly unknown[], targets: readonly KeyTarget[]): boolean {
  const channel = key[0];
  if (typeof channel !== 'string') return false;
  if (targets.length === 0) return true;
  return targets.some((t) => (t.endsWith(':') ? channel.startsWith(t) : channel === t));
}
