import { useCallback, useEffect, useState } from 'react';

/** The current item of a list: kept valid as items leave, moved with j/k. */
export function useListCursor(keys: string[]) {
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    if ((!current || !keys.includes(current)) && keys[0]) setCurrent(keys[0]);
    if (!keys.length) setCurrent(null);
  }, [keys, current]);
  const move = useCallback((delta: number) => {
    if (!keys.length) return;
    const i = Math.max(0, current ? keys.indexOf(current) : 0);
    setCurrent(keys[Math.min(keys.length - 1, Math.max(0, i + delta))]!);
  }, [keys, current]);
  /** The key to open after `key` leaves the list. */
  const nextAfter = useCallback((key: string) => {
    const i = keys.indexOf(key);
    return keys[i + 1] ?? keys[i - 1] ?? null;
  }, [keys]);
  return { current, setCurrent, move, nextAfter };
}
