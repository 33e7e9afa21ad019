// Skimming the queue (holding j): only the item the cursor rests on is reviewed. A review is
// fetched once the cursor stayed on an item for a moment (or at once when it is cached), a fetch
// for an item the cursor left is cancelled (react-query's signal), and the item after the one
// resting is prefetched so a decision opens the next one without waiting. Pure, so it is unit-tested.

/** How long the cursor rests on an item before its review is fetched. */
export const REVIEW_SETTLE_MS = 150;

/** Whether to fetch the review of `id` now (a cached one is shown meanwhile, without a fetch). */
export function shouldFetchReview(id: string | null, settledId: string | null): boolean {
  return id !== null && id === settledId;
}

/** The item whose review to prefetch: the one after the resting item, none while skimming. */
export function prefetchTarget(keys: readonly string[], current: string | null, settledId: string | null): string | null {
  if (current === null || current !== settledId) return null;
  const i = keys.indexOf(current);
  return i >= 0 ? (keys[i + 1] ?? null) : null;
}
