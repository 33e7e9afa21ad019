import { useEffect, useEffectEvent } from 'react';

// Inputs that take no typed text: a shortcut pressed on them is still a shortcut.
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Whether keys pressed on `t` are typed into it (a text field, a select, an editable element). */
export function takesTyping(t: HTMLElement | null): boolean {
  if (!t) return false;
  if (t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') return true;
  return t instanceof HTMLInputElement && !NOT_TYPED.has(t.type);
}

/**
 * Single-key shortcuts for a page, ignored while typing in a field or while a dialog is open.
 * `onLeaveField`: Escape in a field leaves it (the page returns focus to its list).
 */
export function useShortcuts(handlers: Record<string, (e: KeyboardEvent) => void>, enabled = true, onLeaveField?: () => void): void {
  // An Effect Event: the listener below always calls this render's handlers without re-subscribing.
  const onShortcut = useEffectEvent((key: string, e: KeyboardEvent) => {
    const handler = handlers[key] ?? (e.key === '?' ? handlers['?'] : undefined);
    if (handler) {
      e.preventDefault();
      handler(e);
    }
  });
  const leaveField = useEffectEvent((field: HTMLElement) => {
    if (!onLeaveField) return;
    field.blur();
    onLeaveField();
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (document.querySelector('dialog[open]')) return;
      if (takesTyping(t)) {
        if (t && e.key === 'Escape' && !e.defaultPrevented) leaveField(t);
        return;
      }
      onShortcut(`${e.ctrlKey || e.metaKey ? 'mod+' : ''}${e.altKey ? 'alt+' : ''}${e.key.length === 1 ? e.key.toLowerCase() : e.key}`, e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
