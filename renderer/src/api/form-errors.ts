// One place that turns a failed save into form errors: field errors from the contract's
// validation go on their fields, anything else (a conflict, the database's message) on the form.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError, errorText } from './client';

export function showSubmitError<T extends FieldValues>(form: { setError: UseFormSetError<T> }, e: unknown): void {
  if (e instanceof ApiError && e.fields) {
    for (const [field, message] of Object.entries(e.fields)) form.setError(field as Path<T>, { message });
    return;
  }
  const t = errorText(e);
  form.setError('root', { message: t.hint ? `${t.message} ${t.hint}` : t.message });
}
