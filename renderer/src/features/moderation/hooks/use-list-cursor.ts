import { useCallback, useState } from 'react';
import { followCursor, moveCursor } from '../lib/list-cursor';

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * The current item of a list, moved with j/k, kept sensible as items leave: when the current one
 * is decided, the next one opens. Follows the list during render, so no frame shows a cursor on
 * an item that is gone.
 */
export function useListCursor(keys: readonly string[]) {
  const [state, setState] = useState<{ keys: readonly string[]; current: string | null }>(() => ({ keys, current: keys[0] ?? null }));
  let current = state.current;
  if (!sameKeys(state.keys, keys)) {
    current = followCursor(state.keys, keys, state.current);
    setState({ keys, current });
  }
  const setCurrent = useCallback((key: string | null) => setState((s) => ({ ...s, current: key })), []);
  const move = useCallback((delta: number) => setState((s) => ({ ...s, current: moveCursor(s.keys, s.current, delta) })), []);
  return { current, setCurrent, move };
}
