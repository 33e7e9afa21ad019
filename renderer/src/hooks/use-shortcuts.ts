import { useEffect, useRef } from 'react';

/** Single-key shortcuts for a page, ignored while typing in a field or while a dialog is open. */
export function useShortcuts(handlers: Record<string, (e: KeyboardEvent) => void>, enabled = true): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      if (document.querySelector('dialog[open]')) return;
      const key = `${e.ctrlKey || e.metaKey ? 'mod+' : ''}${e.altKey ? 'alt+' : ''}${e.key.length === 1 ? e.key.toLowerCase() : e.key}`;
      const handler = ref.current[key] ?? (e.key === '?' ? ref.current['?'] : undefined);
      if (handler) {
        e.preventDefault();
        handler(e);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
