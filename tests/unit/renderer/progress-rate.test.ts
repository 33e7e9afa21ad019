// A backfill's rate: samples when the count moves, a window of about 15 s (two samples kept),
// and the ETA from that rate.
import { describe, expect, it } from 'vitest';
import { addSample, rateOf } from '../../../renderer/src/features/embeddings/lib/progress-rate';

describe('addSample', () => {
  it('starts with the first count seen', () => {
    expect(addSample([], 5, 1000)).toEqual([{ at: 1000, n: 5 }]);
  });

  it('adds a sample only when the count moved, and returns the same array otherwise', () => {
    const s = addSample([], 5, 1000);
    expect(addSample(s, 5, 2000)).toBe(s);
    expect(addSample(s, 9, 2000)).toEqual([
      { at: 1000, n: 5 },
      { at: 2000, n: 9 },
    ]);
  });

  it('drops samples older than 15 s but always keeps two', () => {
    let s = addSample([], 0, 0);
    s = addSample(s, 10, 10_000);
    expect(addSample(s, 10, 60_000)).toBe(s);
    s = addSample(s, 20, 20_000);
    expect(s.map((x) => x.n)).toEqual([10, 20]);
    const stable = addSample(s, 20, 20_000);
    expect(stable).toBe(s);
  });

  it('is idempotent for the same count and time (safe to keep in state)', () => {
    const s = addSample(addSample(addSample([], 1, 0), 2, 1000), 3, 20_000);
    expect(addSample(s, 3, 20_000)).toBe(s);
  });
});

describe('rateOf', () => {
  it('has no rate (and no ETA) from a single sample', () => {
    const r = rateOf([{ at: 0, n: 0 }], 0, 100, 5000);
    expect(r.rate).toBe(0);
    expect(r.eta).toBeNaN();
  });

  it('is items per second from the oldest sample to now, with the time left for the rest', () => {
    const r = rateOf(
      [
        { at: 0, n: 0 },
        { at: 4000, n: 40 },
      ],
      40,
      100,
      4000,
    );
    expect(r.rate).toBe(10);
    expect(r.eta).toBe(6000);
  });

  it('slows down as time passes without progress', () => {
    expect(
      rateOf(
        [
          { at: 0, n: 0 },
          { at: 4000, n: 40 },
        ],
        40,
        100,
        8000,
      ).rate,
    ).toBe(5);
  });
});
