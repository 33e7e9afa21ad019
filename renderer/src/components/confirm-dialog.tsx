// Confirmation before destructive or production work. On a production profile the user must
// type the profile's name.
import { useState, type ReactNode } from 'react';
import { Dialog } from './dialog';
import { FormField } from './form-field';

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** When set, the button stays disabled until this exact text is typed. */
  typeToConfirm?: string | null;
  danger?: boolean;
  onConfirm: (typed: string) => void;
  onClose: () => void;
}) {
  const [typed, setTyped] = useState('');
  const needs = props.typeToConfirm ?? null;
  const close = () => {
    setTyped('');
    props.onClose();
  };
  return (
    <Dialog
      open={props.open}
      title={props.title}
      onClose={close}
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className={`btn ${props.danger ? 'danger' : 'primary'}`}
            disabled={needs !== null && typed !== needs}
            onClick={() => {
              props.onConfirm(typed);
              setTyped('');
            }}
          >
            {props.confirmLabel}
          </button>
        </>
      }
    >
      {props.children}
      {needs !== null ? (
        <FormField
          id="confirm-typed"
          label={
            <>
              Type <strong>{needs}</strong> to confirm — this is a production profile.
            </>
          }
        >
          {(c) => <input {...c} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus />}
        </FormField>
      ) : null}
    </Dialog>
  );
}
