import type { Undoable } from '../lib/undo-window';

export function UndoBar({
  current,
  secondsLeft,
  onUndo,
  busy,
}: {
  current: Undoable | null;
  secondsLeft: number;
  onUndo: () => void;
  busy: boolean;
}) {
  if (!current) return null;
  return (
    <div className="undo-bar" role="status" aria-live="polite">
      <span>{current.label}</span>
      <button type="button" className="btn small" onClick={onUndo} disabled={busy} aria-keyshortcuts="Control+Z">
        Undo <kbd>Ctrl Z</kbd> · {secondsLeft}s
      </button>
    </div>
  );
}
