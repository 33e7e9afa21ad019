// The current item of a moderation list: j/k move it and stop at the ends; when items are
// decided and leave, the next one opens (the previous one at the end of the list).
import { describe, expect, it } from 'vitest';
import { followCursor, moveCursor } from '../../../renderer/src/features/moderation/lib/list-cursor';

const LIST = ['a', 'b', 'c', 'd', 'e'];
const without = (...gone: string[]) => LIST.filter((k) => !gone.includes(k));

describe('j/k movement', () => {
  it('j moves down one, k up one', () => {
    expect(moveCursor(LIST, 'b', 1)).toBe('c');
    expect(moveCursor(LIST, 'b', -1)).toBe('a');
  });
  it('stops at either end', () => {
    expect(moveCursor(LIST, 'e', 1)).toBe('e');
    expect(moveCursor(LIST, 'a', -1)).toBe('a');
  });
  it('starts at the first item when none is current, or the current one is gone', () => {
    expect(moveCursor(LIST, null, 1)).toBe('a');
    expect(moveCursor(LIST, 'zz', -1)).toBe('a');
  });
  it('has nowhere to go in an empty list', () => expect(moveCursor([], 'a', 1)).toBeNull());
});

describe('items leaving the list', () => {
  it('keeps the current item while it stays', () => expect(followCursor(LIST, without('a', 'e'), 'c')).toBe('c'));
  it('opens the next item when the current one is decided', () => expect(followCursor(LIST, without('b'), 'b')).toBe('c'));
  it('skips the next items that left with it (a bulk decision)', () => expect(followCursor(LIST, without('b', 'c', 'd'), 'b')).toBe('e'));
  it('goes back to the previous item when the last one is decided', () => expect(followCursor(LIST, without('e'), 'e')).toBe('d'));
  it('goes back past items that left too', () => expect(followCursor(LIST, without('c', 'd', 'e'), 'e')).toBe('b'));
  it('has no current item once the list is empty', () => expect(followCursor(LIST, [], 'c')).toBeNull());
  it('starts at the first item of a new list', () => {
    expect(followCursor([], LIST, null)).toBe('a');
    expect(followCursor(['x', 'y'], LIST, 'x')).toBe('a');
  });
  it('keeps the item when it comes back (undo)', () => expect(followCursor(without('c'), LIST, 'd')).toBe('d'));
});
