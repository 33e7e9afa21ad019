// A native <dialog> shown as a modal while `open` is true. Its close event is reported only when
// the dialog is closed at that moment: the event comes a task after close() is called, so the echo
// of our own close() can arrive after a quick reopen (Escape then Ctrl-K) and would shut the new one.
import { useEffect, useRef, type RefObject } from 'react';

export function useModalDialog(
  open: boolean,
  onClose: () => void,
  onShown?: (dialog: HTMLDialogElement) => void,
): { ref: RefObject<HTMLDialogElement | null>; onNativeClose: () => void } {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      onShown?.(d);
    }
    if (!open && d.open) d.close();
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps -- shown once per opening
  return {
    ref,
    onNativeClose: () => {
      if (!ref.current?.open) onClose();
    },
  };
}
