// A backfill batch on the embedded workspace holds its one session while it is written, and the
// console's calls wait for it: batches are sized so a write stays within a budget, whatever one
// item costs (the HNSW index makes each insert dearer as it grows; a busy machine makes all slower).
import { describe, expect, it } from 'vitest';
import { batchSizer } from '../../electron/services/embeddings/backfill-runner';

/** Feeds the sizer writes that cost `perItemMs` an item, as many times as asked; the last size. */
function settle(sizer: ReturnType<typeof batchSizer>, perItemMs: number, writes = 20): number {
  for (let i = 0; i < writes; i++) sizer.measured(perItemMs * sizer.size(), sizer.size());
  return sizer.size();
}

describe('backfill batch sizes under a write budget', () => {
  it('starts small, so the first write cannot hold the session for a whole large batch', () => {
    expect(batchSizer(64, 50).size()).toBeLessThanOrEqual(4);
  });

  it('grows to the largest batch when items are cheap, and shrinks as they get dearer', () => {
    const sizer = batchSizer(64, 50);
    expect(settle(sizer, 0.5)).toBe(64);
    expect(settle(sizer, 5)).toBe(10);
    expect(settle(sizer, 25)).toBe(2);
  });

  it('writes one item at a time when a single item costs more than the budget (it cannot be split)', () => {
    expect(settle(batchSizer(16, 50), 400)).toBe(1);
  });

  it('keeps the configured batch size where there is no budget (a real server: every call has its own connection)', () => {
    const sizer = batchSizer(64);
    sizer.measured(10_000, 64);
    expect(sizer.size()).toBe(64);
  });
});
