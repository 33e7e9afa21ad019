// The 10-second undo: it expires, its countdown never shows more than the window, and its label
// names exactly the items it undoes.
import { describe, expect, it } from 'vitest';
import { auditIdsOf, decisionLabel, outcomesTitle } from '../../../renderer/src/features/moderation/lib/decisions';
import { isExpired, offerUndo, secondsLeft, takeUndo, UNDO_WINDOW_MS } from '../../../renderer/src/features/moderation/lib/undo-window';

const T0 = 1_700_000_000_000;

describe('the undo window', () => {
  it('offers nothing when nothing was done', () => expect(offerUndo('Approved 0 videos.', [], T0)).toBeNull());
  it('is open until the window ends, then expired', () => {
    const u = offerUndo('Approved "A".', [7], T0)!;
    expect(takeUndo(u, T0 + UNDO_WINDOW_MS - 1)).toBe(u);
    expect(isExpired(u, T0 + UNDO_WINDOW_MS)).toBe(true);
    expect(takeUndo(u, T0 + UNDO_WINDOW_MS)).toBeNull();
    expect(takeUndo(null, T0)).toBeNull();
  });
  it('counts down whole seconds from the window to 0', () => {
    const u = offerUndo('x', [1], T0)!;
    expect(secondsLeft(u, T0)).toBe(10);
    expect(secondsLeft(u, T0 + 1)).toBe(10);
    expect(secondsLeft(u, T0 + 1000)).toBe(9);
    expect(secondsLeft(u, T0 + 9_001)).toBe(1);
    expect(secondsLeft(u, T0 + UNDO_WINDOW_MS)).toBe(0);
    expect(secondsLeft(u, T0 + 60_000)).toBe(0);
    expect(secondsLeft(null, T0)).toBe(0);
  });
  it('never shows more than the window, even when the clock goes back', () => {
    const u = offerUndo('x', [1], T0)!;
    for (const back of [1, 500, 5_000, 3_600_000]) expect(secondsLeft(u, T0 - back)).toBeLessThanOrEqual(UNDO_WINDOW_MS / 1000);
  });
  it('keeps its own copy of the audit ids', () => {
    const ids = [1, 2];
    const u = offerUndo('x', ids, T0)!;
    ids.push(3);
    expect(u.auditIds).toEqual([1, 2]);
  });
});

describe('what an undo names', () => {
  const titles = new Map([
    ['v1', 'First'],
    ['v2', 'Second'],
    ['v3', 'Third'],
  ]);
  it('names the one item that was done, not the first one asked for', () => {
    const results = [
      { id: 'v1', outcome: 'conflict' as const },
      { id: 'v2', outcome: 'done' as const, audit_id: 42 },
    ];
    expect(decisionLabel('Approved', results, titles)).toBe('Approved "Second".');
    expect(auditIdsOf(results)).toEqual([42]);
  });
  it('counts several done items, and undoes exactly them', () => {
    const results = [
      { id: 'v1', outcome: 'done' as const, audit_id: 1 },
      { id: 'v2', outcome: 'invalid' as const },
      { id: 'v3', outcome: 'done' as const, audit_id: 3 },
    ];
    expect(decisionLabel('Rejected', results, titles)).toBe('Rejected 2 videos.');
    expect(auditIdsOf(results)).toEqual([1, 3]);
    expect(outcomesTitle('Rejected', results, 3)).toBe('Rejected 2 of 3');
  });
  it('says "Not applied" when a single item was refused', () => {
    expect(outcomesTitle('Flagged', [{ id: 'v1', outcome: 'conflict' }], 1)).toBe('Not applied');
  });
});
