// Keyboard safety in the moderation queue: a second key press on an item whose decision is in
// flight does nothing (other items can be decided at once), Ctrl-Z undoes the latest decision
// sent even while it is in flight, an undo reopens exactly the items it put back, and skimming
// with j fetches only the review the cursor rests on.
import { describe, expect, it } from 'vitest';
import { askUndo, NO_DECISIONS, sendDecision, settleDecision } from '../../../renderer/src/features/moderation/lib/decision-order';
import { restoredIds } from '../../../renderer/src/features/moderation/lib/decisions';
import { begin, settle, startable } from '../../../renderer/src/features/moderation/lib/in-flight';
import { prefetchTarget, shouldFetchReview } from '../../../renderer/src/features/moderation/lib/review-skim';

describe('one decision per item at a time', () => {
  it('ignores a second decision on an item while its first is in flight', () => {
    const inFlight = begin(new Set(), ['v1']);
    expect(startable(inFlight, ['v1'])).toEqual([]);
  });
  it('lets the next item be decided at once (a lock per item, not a global one)', () => {
    const inFlight = begin(new Set(), ['v1']);
    expect(startable(inFlight, ['v2'])).toEqual(['v2']);
    expect(startable(inFlight, ['v1', 'v2', 'v3'])).toEqual(['v2', 'v3']);
  });
  it('frees the item once its decision settled, and only that item', () => {
    const inFlight = begin(begin(new Set(), ['v1']), ['v2']);
    const after = settle(inFlight, ['v1']);
    expect(startable(after, ['v1', 'v2'])).toEqual(['v1']);
    expect(settle(after, ['v2']).size).toBe(0);
  });
  it('does not change the set it was given', () => {
    const inFlight = new Set(['v1']);
    begin(inFlight, ['v2']);
    settle(inFlight, ['v1']);
    expect([...inFlight]).toEqual(['v1']);
  });
});

describe('which decision Ctrl-Z undoes', () => {
  it('the one the bar holds when nothing is in flight', () => {
    const settled = settleDecision(sendDecision(NO_DECISIONS), 1, true);
    expect(settled.then).toBe('offer');
    expect(askUndo(settled.order).now).toBe(true);
  });
  it('the latest one sent, once it settles, when it is still in flight (the bar holds the one before)', () => {
    const first = settleDecision(sendDecision(NO_DECISIONS), 1, true).order;
    const asked = askUndo(sendDecision(first));
    expect(asked.now).toBe(false);
    const settled = settleDecision(asked.order, 2, true);
    expect(settled.then).toBe('undo');
    expect(settled.order.undoAwaits).toBeNull();
  });
  it('nothing when the awaited decision changed nothing (refused or failed)', () => {
    const asked = askUndo(sendDecision(NO_DECISIONS));
    const settled = settleDecision(asked.order, 1, false);
    expect(settled.then).toBe('none');
    expect(settled.order.undoAwaits).toBeNull();
  });
  it('never lets a decision that settles after a later one take the bar back', () => {
    const two = sendDecision(sendDecision(NO_DECISIONS));
    const second = settleDecision(two, 2, true);
    expect(second.then).toBe('offer');
    const first = settleDecision(second.order, 1, true);
    expect(first.then).toBe('none');
    expect(first.order.offered).toBe(2);
    expect(first.order.inFlight.size).toBe(0);
  });
  it('offers an earlier decision when the later one did nothing', () => {
    const two = sendDecision(sendDecision(NO_DECISIONS));
    const second = settleDecision(two, 2, false);
    expect(settleDecision(second.order, 1, true).then).toBe('offer');
  });
});

describe('what an undo reopens', () => {
  it('names the items it put back, in order, skipping the refused ones', () => {
    expect(
      restoredIds([
        { audit_id: 1, id: 'v2', outcome: 'done' },
        { audit_id: 2, id: 'v3', outcome: 'conflict' },
        { audit_id: 3, id: 'v4', outcome: 'done' },
      ]),
    ).toEqual(['v2', 'v4']);
  });
  it('reopens nothing when nothing came back', () => expect(restoredIds([{ audit_id: 1, outcome: 'invalid' }])).toEqual([]));
});

describe('skimming the queue', () => {
  const KEYS = ['a', 'b', 'c'];
  it('fetches the review only once the cursor rests on the item', () => {
    expect(shouldFetchReview('b', 'a')).toBe(false);
    expect(shouldFetchReview('b', 'b')).toBe(true);
    expect(shouldFetchReview(null, null)).toBe(false);
  });
  it('prefetches the next item once the cursor rests, nothing while it moves', () => {
    expect(prefetchTarget(KEYS, 'a', 'a')).toBe('b');
    expect(prefetchTarget(KEYS, 'b', 'a')).toBeNull();
    expect(prefetchTarget(KEYS, 'c', 'c')).toBeNull();
    expect(prefetchTarget(KEYS, null, null)).toBeNull();
  });
});
