// A backfill's rate: items per second over about the last 15 seconds, from samples of its count
// (done + failed) taken as the job list is read. Pure: the time of each sample is given.

export type RateSample = { at: number; n: number };

const WINDOW_MS = 15_000;

/**
 * `samples` after seeing the count `n` at `at` (ms): a new sample when the count moved, and the
 * oldest dropped once older than the window (two are always kept). The same array when nothing
 * changed, so it can be kept in state and compared.
 */
export function addSample(samples: readonly RateSample[], n: number, at: number): readonly RateSample[] {
  const next = samples.length && samples.at(-1)!.n === n ? samples : [...samples, { at, n }];
  let drop = 0;
  while (next.length - drop > 2 && at - next[drop]!.at > WINDOW_MS) drop++;
  return drop ? next.slice(drop) : next;
}

/** Items per second from the oldest sample to the count `n` at `at`, and the ms left for `total` at that rate (NaN without a rate). */
export function rateOf(samples: readonly RateSample[], n: number, total: number, at: number): { rate: number; eta: number } {
  const first = samples[0];
  const rate = first && samples.length > 1 ? (n - first.n) / Math.max(0.001, (at - first.at) / 1000) : 0;
  return { rate, eta: rate > 0 ? ((total - n) / rate) * 1000 : Number.NaN };
}
