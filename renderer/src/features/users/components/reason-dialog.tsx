// A decision about a person (suspend, reinstate, grant or revoke a role) with its reason, which the
// audit log keeps; on a production profile the profile's name is typed as well.
import { useState, type ReactNode } from 'react';
import { Dialog } from '@/components/dialog';
import { FormField } from '@/components/form-field';

export function ReasonDialog(props: {
  open: boolean;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  /** The reason must be given (a suspension, a role change). */
  reasonRequired: boolean;
  typeToConfirm: string | null;
  children?: ReactNode;
  onConfirm: (reason: string, typed: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const close = () => {
    setReason('');
    setTyped('');
    setError(undefined);
    props.onClose();
  };
  const submit = () => {
    if (props.reasonRequired && reason.trim() === '') return setError('Say why: the reason is kept in the audit log.');
    if (reason.length > 2000) return setError('Keep the reason under 2,000 characters.');
    props.onConfirm(reason.trim(), typed);
    setReason('');
    setTyped('');
    setError(undefined);
  };
  const needs = props.typeToConfirm;
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
            onClick={submit}
          >
            {props.confirmLabel}
          </button>
        </>
      }
    >
      {props.children}
      <FormField id="decision-reason" label={props.reasonRequired ? 'Reason' : 'Reason (optional)'} error={error} help="Kept in the audit log.">
        {(c) => <textarea {...c} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
      {needs !== null ? (
        <FormField
          id="decision-confirm"
          label={
            <>
              Type <strong>{needs}</strong> to confirm — this is a production profile.
            </>
          }
        >
          {(c) => <input {...c} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />}
        </FormField>
      ) : null}
    </Dialog>
  );
}
