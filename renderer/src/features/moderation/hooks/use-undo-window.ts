import { useCallback, useEffect, useState } from 'react';
import { isExpired, offerUndo, secondsLeft, takeUndo, type Undoable } from '../lib/undo-window';

/** The last action, undoable for 10 seconds (Ctrl/Cmd-Z or the Undo button), with its countdown. */
export function useUndoWindow() {
  const [current, setCurrent] = useState<Undoable | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!current) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (isExpired(current, t)) setCurrent(null);
    }, 250);
    return () => clearInterval(timer);
  }, [current]);

  const offer = useCallback((label: string, auditIds: readonly number[]) => {
    const t = Date.now();
    const u = offerUndo(label, auditIds, t);
    if (u) {
      setNow(t);
      setCurrent(u);
    }
  }, []);
  const take = useCallback(() => {
    const u = takeUndo(current, Date.now());
    setCurrent(null);
    return u;
  }, [current]);

  return { current, secondsLeft: secondsLeft(current, now), offer, take };
}
