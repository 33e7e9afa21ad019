// A modal on the native <dialog>: focus is trapped and Escape closes it, with no library.
import type { ReactNode } from 'react';
import { useModalDialog } from './use-modal-dialog';

export function Dialog(props: { open: boolean; title: string; onClose: () => void; children: ReactNode; footer?: ReactNode; wide?: boolean }) {
  const { ref, onNativeClose } = useModalDialog(props.open, props.onClose, (d) =>
    // Start in the content, not on the close button (Enter there would just close).
    d
      .querySelector<HTMLElement>(
        '.dialog-body input, .dialog-body textarea, .dialog-body select, .dialog-body button, .dialog-body [tabindex], .dialog-foot button',
      )
      ?.focus(),
  );
  return (
    <dialog ref={ref} className={props.wide ? 'wide' : undefined} onClose={onNativeClose} aria-label={props.title}>
      {props.open ? (
        <>
          <div className="dialog-head">
            <h2>{props.title}</h2>
            <button type="button" className="btn small" onClick={props.onClose} aria-label="Close">
              ✕
            </button>
          </div>
          <div className="dialog-body">{props.children}</div>
          {props.footer ? <div className="dialog-foot">{props.footer}</div> : null}
        </>
      ) : null}
    </dialog>
  );
}
