// Carries out the reactions of api/error-reactions.ts: toasts (with a button to the page that
// fixes the problem), the conflict dialog, the typed confirmation followed by a retry, and
// messages on form fields. Every failed call in the renderer goes through useErrorReaction().
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { reactionFor } from '@/api/error-reactions';
import { channelQuery } from '@/api/queries';
import { navigate } from '@/lib/use-hash-route';
import { ConfirmDialog } from './confirm-dialog';
import { OutcomesDialog, type Outcomes } from './outcomes-dialog';
import { useToasts } from './toasts';

export type ReactOptions<T extends FieldValues> = {
  /** A form to put field and form-level messages on (react-hook-form's, or anything with setError). */
  form?: { setError: UseFormSetError<T> };
  /** Runs the call again with the typed confirmation, when a production profile asks for one. */
  retry?: (confirm: string) => void;
};
export type ReactToError = <T extends FieldValues = FieldValues>(error: unknown, options?: ReactOptions<T>) => void;

const ErrorReactionContext = createContext<ReactToError>(() => undefined);

export function ErrorReactionProvider({ children }: { children: ReactNode }) {
  const toasts = useToasts();
  const qc = useQueryClient();
  const [conflict, setConflict] = useState<Outcomes | null>(null);
  const [confirming, setConfirming] = useState<{ message: string; name: string | null; retry: (confirm: string) => void } | null>(null);

  const react = useCallback<ReactToError>(
    (error, options = {}) => {
      const r = reactionFor(error, { form: options.form !== undefined, retry: options.retry !== undefined });
      switch (r.kind) {
        case 'toast': {
          const open = r.open;
          // What is shown may be out of date (a call may have been applied without an answer).
          if (r.reload) void qc.invalidateQueries();
          toasts.push({
            kind: 'error',
            message: r.message,
            hint: r.hint,
            ...(open ? { action: { label: open.label, run: () => navigate(open.route) } } : {}),
          });
          return;
        }
        case 'conflict':
          setConflict({
            title: 'Not applied',
            results: [
              {
                id: 'conflict',
                outcome: 'conflict',
                label: 'This item',
                message: r.details ? `${r.message} ${r.details}` : r.message,
                last_change: r.lastChange,
              },
            ],
            hint: r.hint,
          });
          return;
        case 'confirm': {
          // The name to type: the one the refusal quotes, else the active profile's.
          const state = qc.getQueryData(channelQuery('connections:list', {}).queryKey);
          const active = state?.profiles.find((p) => p.id === state.activeId)?.name ?? null;
          setConfirming({ message: r.message, name: r.name ?? active, retry: options.retry! });
          return;
        }
        case 'fields':
          // The contract names fields by their path in the input, which is the form's field name.
          for (const [field, message] of Object.entries(r.fields)) options.form!.setError(field as never, { message });
          return;
        case 'form':
          options.form!.setError('root', { message: r.message });
          return;
      }
    },
    [toasts, qc],
  );

  return (
    <ErrorReactionContext.Provider value={react}>
      {children}
      <OutcomesDialog outcomes={conflict} onClose={() => setConflict(null)} />
      <ConfirmDialog
        open={confirming !== null}
        title="Confirm on a production profile"
        confirmLabel="Confirm"
        danger
        typeToConfirm={confirming?.name ?? null}
        onClose={() => setConfirming(null)}
        onConfirm={(typed) => {
          const c = confirming;
          setConfirming(null);
          c?.retry(typed);
        }}
      >
        <p>{confirming?.message}</p>
      </ConfirmDialog>
    </ErrorReactionContext.Provider>
  );
}

/** The one way the renderer reacts to a failed call: `onError: react` or `react(e, { form, retry })`. */
export const useErrorReaction = () => useContext(ErrorReactionContext);
