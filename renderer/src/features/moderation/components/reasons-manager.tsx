// Admins manage the rejection-reason templates moderators pick from. Templates are deactivated,
// never deleted, so past audit entries keep their meaning.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { saveReasonSchema, type RejectionReason } from '@contract/moderation';
import { api, errorText } from '@/api/client';
import { Dialog } from '@/components/dialog';
import { useToasts } from '@/components/toasts';

type Values = z.input<typeof saveReasonSchema>;

function ReasonForm({ reason, onDone }: { reason: RejectionReason | null; onDone: () => void }) {
  const qc = useQueryClient();
  const toasts = useToasts();
  const form = useForm<Values>({
    resolver: zodResolver(saveReasonSchema),
    defaultValues: reason ? { id: reason.id, label: reason.label, body: reason.body, displayOrder: reason.display_order, isActive: reason.is_active } : { label: '', body: '', displayOrder: 10, isActive: true },
  });
  const save = useMutation({
    mutationFn: (v: Values) => api['moderation:save-reason'](v),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['moderation', 'reasons'] });
      toasts.push({ kind: 'success', message: 'Template saved.' });
      onDone();
    },
    onError: (e) => form.setError('root', { message: errorText(e).message }),
  });
  const err = form.formState.errors;
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate aria-label={reason ? 'Edit template' : 'New template'} className="card">
      <div className="field">
        <label htmlFor="reason-label">Label</label>
        <input id="reason-label" {...form.register('label')} aria-invalid={err.label ? true : undefined} />
        {err.label ? <span className="error" role="alert">{err.label.message}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="reason-body">Text the submitter sees</label>
        <textarea id="reason-body" rows={3} {...form.register('body')} aria-invalid={err.body ? true : undefined} />
        {err.body ? <span className="error" role="alert">{err.body.message}</span> : null}
      </div>
      <div className="row">
        <label className="inline">Order <input type="number" className="narrow" {...form.register('displayOrder', { valueAsNumber: true })} /></label>
        <label className="checkbox"><input type="checkbox" {...form.register('isActive')} /> Active</label>
      </div>
      {err.root ? <div className="alert" role="alert">{err.root.message}</div> : null}
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button type="button" className="btn" onClick={onDone}>Cancel</button>
        <button type="submit" className="btn primary" disabled={save.isPending}>Save template</button>
      </div>
    </form>
  );
}

export function ReasonsManager({ open, onClose }: { open: boolean; onClose: () => void }) {
  const reasons = useQuery({ queryKey: ['moderation', 'reasons', 'all'], queryFn: () => api['moderation:reasons']({ includeInactive: true }), enabled: open });
  const [editing, setEditing] = useState<RejectionReason | 'new' | null>(null);
  return (
    <Dialog open={open} title="Rejection templates" onClose={() => { setEditing(null); onClose(); }} wide>
      {editing ? <ReasonForm key={editing === 'new' ? 'new' : editing.id} reason={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : (
        <>
          <table className="data">
            <caption className="visually-hidden">Rejection templates</caption>
            <thead><tr><th scope="col">Label</th><th scope="col">Text</th><th scope="col">Edit</th></tr></thead>
            <tbody>
              {(reasons.data ?? []).map((r) => (
                <tr key={r.id}><td>{r.label}{r.is_active ? '' : ' (inactive)'}</td><td>{r.body}</td><td><button type="button" className="btn small" onClick={() => setEditing(r)} aria-label={`Edit ${r.label}`}>Edit</button></td></tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="btn" style={{ marginTop: 8 }} onClick={() => setEditing('new')}>New template</button>
        </>
      )}
    </Dialog>
  );
}
