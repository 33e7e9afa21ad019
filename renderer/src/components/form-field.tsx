// One labelled form control: its label, its error (announced, and tied to the control with
// aria-describedby and aria-invalid) or else its help text. The control itself is the caller's:
//   <FormField id="tag-name" label="Name" error={errors.name?.message}>{(c) => <input {...c} {...register('name')} />}</FormField>
import type { ReactNode } from 'react';

export type FieldControlProps = { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };

export function FormField(props: {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  help?: ReactNode;
  /** Label and control on one line (toolbars and compact forms). */
  inline?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const errorId = `${props.id}-error`;
  const helpId = `${props.id}-help`;
  const hasHelp = props.help !== undefined && props.help !== null && props.help !== '';
  const control: FieldControlProps = {
    id: props.id,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': props.error ? errorId : hasHelp ? helpId : undefined,
  };
  return (
    <div className={['field', props.inline ? 'inline' : '', props.className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children(control)}
      {props.error ? (
        <span className="error" id={errorId} role="alert">
          {props.error}
        </span>
      ) : hasHelp ? (
        <span className="help" id={helpId}>
          {props.help}
        </span>
      ) : null}
    </div>
  );
}

/** The form-level message (a refusal that belongs to no single field). */
export function FormAlert({ message }: { message: string | undefined }) {
  return message ? (
    <div className="alert" role="alert">
      {message}
    </div>
  ) : null;
}
