// A required free-text reason (suspensions, note rejections).
import { useEffect, useState } from 'react';
import { Dialog } from '@/components/dialog';

export function ReasonDialog(props: { open: boolean; title: string; label: string; confirmLabel: string; onClose: () => void; onSubmit: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (props.open) setReason('');
  }, [props.open]);
  const tooLong = reason.length > 2000;
  const ok = reason.trim() !== '' && !tooLong;
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onClose} footer={
      <>
        <button type="button" className="btn" onClick={props.onClose}>Cancel</button>
        <button type="button" className="btn danger" disabled={!ok} onClick={() => props.onSubmit(reason.trim())}>{props.confirmLabel}</button>
      </>
    }>
      <div className="field">
        <label htmlFor="reason-text">{props.label}</label>
        <textarea id="reason-text" rows={3} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} aria-invalid={tooLong || undefined}
          onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && ok) props.onSubmit(reason.trim()); }} />
        {tooLong ? <span className="error" role="alert">Keep it under 2,000 characters ({reason.length}).</span> : <span className="help">Required. Ctrl+Enter to confirm.</span>}
      </div>
    </Dialog>
  );
}
