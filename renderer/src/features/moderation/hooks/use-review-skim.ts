import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { reviewQuery } from '../api/get-review';
import { prefetchTarget, REVIEW_SETTLE_MS } from '../lib/review-skim';

/** `value` once it stayed the same for `ms` (the item the cursor rests on while skimming). */
function useSettledValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The item the cursor rests on (its review is fetched; see lib/review-skim.ts), with the next
 * item's review prefetched once it rests.
 */
export function useReviewSkim(keys: readonly string[], current: string | null): string | null {
  const settled = useSettledValue(current, REVIEW_SETTLE_MS);
  const qc = useQueryClient();
  const next = prefetchTarget(keys, current, settled);
  useEffect(() => {
    if (next) void qc.prefetchQuery(reviewQuery(next));
  }, [next, qc]);
  return settled;
}
