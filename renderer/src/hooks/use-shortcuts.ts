import { useEffect, useEffectEvent } from 'react';

/** Single-key shortcuts for a page, ignored while typing in a field or while a dialog is open. */
export function useShortcuts(handlers: Record<string, (e: KeyboardEvent) => void>, enabled = true): void {
  // An Effect Event: the listener below always calls this render's handlers without re-subscribing.
  const onShortcut = useEffectEvent((key: string, e: KeyboardEvent) => {
    const handler = handlers[key] ?? (e.key === '?' ? handlers['?'] : undefined);
    if (handler) {
      e.preventDefault();
      handler(e);
    }
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      if (document.querySelector('dialog[open]')) return;
      onShortcut(`${e.ctrlKey || e.metaKey ? 'mod+' : ''}${e.altKey ? 'alt+' : ''}${e.key.length === 1 ? e.key.toLowerCase() : e.key}`, e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
