// Admins manage the rejection-reason templates moderators pick from. Templates are deactivated,
// never deleted, so past audit entries keep their meaning.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { saveReasonSchema, type RejectionReason } from '@contract/moderation';
import { Dialog } from '@/components/dialog';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormAlert, FormField } from '@/components/form-field';
import { useToasts } from '@/components/toasts';
import { useReasons } from '../api/get-options';
import { useSaveReason } from '../api/moderate';

type Values = z.input<typeof saveReasonSchema>;

function ReasonForm({ reason, onDone }: { reason: RejectionReason | null; onDone: () => void }) {
  const toasts = useToasts();
  const react = useErrorReaction();
  const save = useSaveReason();
  const form = useForm<Values>({
    resolver: zodResolver(saveReasonSchema),
    defaultValues: reason
      ? { id: reason.id, label: reason.label, body: reason.body, displayOrder: reason.display_order, isActive: reason.is_active }
      : { label: '', body: '', displayOrder: 10, isActive: true },
  });
  const err = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync(values);
      toasts.push({ kind: 'success', message: 'Template saved.' });
      onDone();
    } catch (e) {
      react(e, { form });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={reason ? 'Edit template' : 'New template'} className="card">
      <FormField id="reason-label" label="Label" error={err.label?.message}>
        {(c) => <input {...c} {...form.register('label')} />}
      </FormField>
      <FormField id="reason-body" label="Text the submitter sees" error={err.body?.message}>
        {(c) => <textarea {...c} rows={3} {...form.register('body')} />}
      </FormField>
      <div className="row">
        <FormField id="reason-order" label="Order" inline error={err.displayOrder?.message}>
          {(c) => <input {...c} type="number" className="narrow" {...form.register('displayOrder', { valueAsNumber: true })} />}
        </FormField>
        <label className="checkbox">
          <input type="checkbox" {...form.register('isActive')} /> Active
        </label>
      </div>
      <FormAlert message={err.root?.message} />
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={form.formState.isSubmitting}>
          Save template
        </button>
      </div>
    </form>
  );
}

export function ReasonsManager({ open, onClose }: { open: boolean; onClose: () => void }) {
  const reasons = useReasons({ includeInactive: true, enabled: open });
  const [editing, setEditing] = useState<RejectionReason | 'new' | null>(null);
  return (
    <Dialog
      open={open}
      title="Rejection templates"
      onClose={() => {
        setEditing(null);
        onClose();
      }}
      wide
    >
      {editing ? (
        <ReasonForm key={editing === 'new' ? 'new' : editing.id} reason={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      ) : (
        <>
          <table className="data">
            <caption className="visually-hidden">Rejection templates</caption>
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Text</th>
                <th scope="col">Edit</th>
              </tr>
            </thead>
            <tbody>
              {(reasons.data ?? []).map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.label}
                    {r.is_active ? '' : ' (inactive)'}
                  </td>
                  <td>{r.body}</td>
                  <td>
                    <button type="button" className="btn small" onClick={() => setEditing(r)} aria-label={`Edit ${r.label}`}>
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="btn" style={{ marginTop: 8 }} onClick={() => setEditing('new')}>
            New template
          </button>
        </>
      )}
    </Dialog>
  );
}
