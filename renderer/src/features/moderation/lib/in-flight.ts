// Which items a decision may act on now: an item whose previous decision is still in flight is
// left alone (a second `a` on it does nothing), while other items can be decided at once — a
// lock per item, not a global one. Pure, so it is unit-tested.

/** The items of `ids` that no decision is in flight for. */
export function startable(inFlight: ReadonlySet<string>, ids: readonly string[]): string[] {
  return ids.filter((id) => !inFlight.has(id));
}

/** The in-flight set once `ids` started. */
export const begin = (inFlight: ReadonlySet<string>, ids: readonly string[]): Set<string> => new Set([...inFlight, ...ids]);

/** The in-flight set once the decision on `ids` settled (done, refused or failed). */
export function settle(inFlight: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  const gone = new Set(ids);
  return new Set([...inFlight].filter((id) => !gone.has(id)));
}
