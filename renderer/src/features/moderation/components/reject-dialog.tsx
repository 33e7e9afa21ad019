// Pick a rejection template (1–9) or write the reason; the submitter sees it.
import { useEffect, useEffectEvent, useState } from 'react';
import { Dialog } from '@/components/dialog';
import { FormField } from '@/components/form-field';
import { formatNumber } from '@/lib/format';
import { useReasons } from '../api/get-options';

export function RejectDialog(props: { open: boolean; count: number; onClose: () => void; onReject: (reason: string) => void; title?: string }) {
  const reasons = useReasons();
  const [choice, setChoice] = useState<number | 'custom' | null>(null);
  const [custom, setCustom] = useState('');
  // Each opening starts with no reason picked (adjusted while rendering the change of `open`).
  const [wasOpen, setWasOpen] = useState(props.open);
  if (props.open !== wasOpen) {
    setWasOpen(props.open);
    if (props.open) {
      setChoice(null);
      setCustom('');
    }
  }

  const active = reasons.data ?? [];
  const text = choice === 'custom' ? custom.trim() : (active.find((r) => r.id === choice)?.body ?? '');
  const tooLong = custom.length > 2000;
  const submit = () => {
    if (text && !tooLong) props.onReject(text);
  };
  // 1–9 pick a template and Enter rejects, wherever focus is in the dialog (not while typing).
  // An Effect Event, so the listener sees this render's templates and reason without re-subscribing.
  const onDialogKey = useEffectEvent((e: KeyboardEvent) => {
    const typing = e.target instanceof HTMLTextAreaElement;
    if (/^[1-9]$/.test(e.key) && !typing) {
      const r = active[Number(e.key) - 1];
      if (r) {
        e.preventDefault();
        setChoice(r.id);
      }
    }
    if (e.key === 'Enter' && (!typing || e.ctrlKey || e.metaKey) && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      submit();
    }
  });
  useEffect(() => {
    if (!props.open) return;
    const onKey = (e: KeyboardEvent) => onDialogKey(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props.open]);

  return (
    <Dialog
      open={props.open}
      title={props.title ?? (props.count > 1 ? `Reject ${props.count} videos` : 'Reject video')}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" className="btn danger" disabled={!text || tooLong} onClick={submit}>
            Reject
          </button>
        </>
      }
    >
      <fieldset className="reasons">
        <legend>Reason (required) — press 1–{Math.min(9, active.length)} to pick, Enter to reject</legend>
        {active.map((r, i) => (
          <label key={r.id} className="reason-option">
            <input type="radio" name="reason" checked={choice === r.id} onChange={() => setChoice(r.id)} autoFocus={i === 0} />
            <span>
              <kbd>{i + 1}</kbd> <strong>{r.label}</strong> <span className="muted">{r.body}</span>
            </span>
          </label>
        ))}
        <label className="reason-option">
          <input type="radio" name="reason" checked={choice === 'custom'} onChange={() => setChoice('custom')} />
          <span>Write a reason</span>
        </label>
        {choice === 'custom' ? (
          <FormField
            id="reject-custom"
            label="Reason the submitter will see"
            error={tooLong ? `Keep the reason under 2,000 characters (${formatNumber(custom.length)}).` : undefined}
          >
            {(control) => <textarea {...control} rows={3} value={custom} onChange={(e) => setCustom(e.target.value)} autoFocus />}
          </FormField>
        ) : null}
      </fieldset>
    </Dialog>
  );
}
