// The last action stays undoable for 10 seconds (Ctrl/Cmd-Z or the Undo button); the server
// reverts it through the audit log only where nothing changed since.
import { useCallback, useEffect, useRef, useState } from 'react';

export const UNDO_WINDOW_MS = 10_000;

export type Undoable = { label: string; auditIds: number[]; expiresAt: number };

export function useUndoWindow() {
  const [current, setCurrent] = useState<Undoable | null>(null);
  const [now, setNow] = useState(Date.now());
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(() => {
    if (!current) return;
    timer.current = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= current.expiresAt) setCurrent(null);
    }, 250);
    return () => {
      if (timer.current) clearInterval(timer.current);
    };
  }, [current]);

  const offer = useCallback((label: string, auditIds: number[]) => {
    if (auditIds.length) setCurrent({ label, auditIds, expiresAt: Date.now() + UNDO_WINDOW_MS });
  }, []);
  const take = useCallback(() => {
    const c = current;
    setCurrent(null);
    return c && Date.now() < c.expiresAt ? c : null;
  }, [current]);

  return { current, secondsLeft: current ? Math.max(0, Math.ceil((current.expiresAt - now) / 1000)) : 0, offer, take };
}
