// A required free-text reason (suspensions, note rejections).
import { useState } from 'react';
import { Dialog } from '@/components/dialog';
import { FormField } from '@/components/form-field';
import { formatNumber } from '@/lib/format';

export function ReasonDialog(props: {
  open: boolean;
  title: string;
  label: string;
  confirmLabel: string;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  // Each opening starts with an empty reason (adjusted while rendering the change of `open`).
  const [wasOpen, setWasOpen] = useState(props.open);
  if (props.open !== wasOpen) {
    setWasOpen(props.open);
    if (props.open) setReason('');
  }
  const tooLong = reason.length > 2000;
  const ok = reason.trim() !== '' && !tooLong;
  return (
    <Dialog
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" className="btn danger" disabled={!ok} onClick={() => props.onSubmit(reason.trim())}>
            {props.confirmLabel}
          </button>
        </>
      }
    >
      <FormField
        id="reason-text"
        label={props.label}
        help="Required. Ctrl+Enter to confirm."
        error={tooLong ? `Keep it under 2,000 characters (${formatNumber(reason.length)}).` : undefined}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={reason}
            autoFocus
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && ok) props.onSubmit(reason.trim());
            }}
          />
        )}
      </FormField>
    </Dialog>
  );
}
