// Create or edit a Supabase or Postgres profile. The same zod schema validates here, at the
// IPC/HTTP boundary, and in main; secrets typed here go straight to main and never come back.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import type { z } from 'zod';
import { profileInputSchema, type ConnectionTest, type Profile } from '@contract/connections';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormAlert, FormField } from '@/components/form-field';
import { useToasts } from '@/components/toasts';
import { useSaveProfile, useTestDraft } from '../api/mutate-connections';

type FormValues = z.input<typeof profileInputSchema>;
type Field = 'name' | 'supabaseUrl' | 'serviceRoleKey' | 'databaseUrl';

export function ProfileForm(props: {
  kind: 'supabase' | 'postgres';
  profile?: Profile;
  secretsEditable: boolean;
  secretsFile: string | null;
  onDone: () => void;
}) {
  const save = useSaveProfile();
  const testDraft = useTestDraft();
  const [tested, setTested] = useState<ConnectionTest | null>(null);
  const toasts = useToasts();
  const react = useErrorReaction();
  const p = props.profile;
  const form = useForm<FormValues>({
    resolver: zodResolver(profileInputSchema),
    defaultValues:
      props.kind === 'supabase'
        ? { kind: 'supabase', id: p?.id, name: p?.name ?? '', production: p?.production ?? false, supabaseUrl: p?.supabaseUrl ?? '' }
        : { kind: 'postgres', id: p?.id, name: p?.name ?? '', production: p?.production ?? false },
  });
  // The two kinds have different fields: read the errors by name across both.
  const errors = form.formState.errors as FieldErrors<Record<Field, string>>;
  const register = (name: Field) => form.register(name as 'name');

  const withoutEmptySecrets = (values: FormValues): FormValues => {
    const clean = { ...values } as Record<string, unknown>;
    for (const k of ['serviceRoleKey', 'databaseUrl']) if (clean[k] === '' || clean[k] === undefined) delete clean[k];
    return clean as FormValues;
  };

  // Checks what is typed, before anything is saved: the secrets are used for this check only.
  const onTest = form.handleSubmit(async (values) => {
    setTested(null);
    try {
      setTested(await testDraft.mutateAsync(withoutEmptySecrets(values)));
    } catch (e) {
      react(e, { form });
    }
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const clean = withoutEmptySecrets(values);
    try {
      await save.mutateAsync(clean as FormValues);
      toasts.push({ kind: 'success', message: `Profile "${values.name}" saved.` });
      props.onDone();
    } catch (e) {
      react(e, { form });
    }
  });

  const keptWhere = props.secretsFile
    ? `Kept by the console process in ${props.secretsFile} (readable only by you); never shown again.`
    : 'Stored encrypted by the main process; never shown again.';
  const secretHelp = (status: Profile['serviceRoleKey'] | undefined) =>
    status?.set ? `Set · ${status.hint ?? ''} (${status.source}). Leave empty to keep it.` : keptWhere;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`${p ? 'Edit' : 'New'} ${props.kind} profile`}>
      <FormField id="profile-name" label="Profile name" error={errors.name?.message}>
        {(c) => <input {...c} autoComplete="off" {...register('name')} />}
      </FormField>
      {props.kind === 'supabase' ? (
        <FormField id="profile-supabaseUrl" label="Project URL" error={errors.supabaseUrl?.message} help="Project Settings > API > Project URL">
          {(c) => <input {...c} placeholder="https://abcdefgh.supabase.co" autoComplete="off" {...register('supabaseUrl')} />}
        </FormField>
      ) : null}
      {props.kind === 'supabase' ? (
        <FormField id="profile-serviceRoleKey" label="Service-role key" error={errors.serviceRoleKey?.message} help={secretHelp(p?.serviceRoleKey)}>
          {(c) => <input {...c} type="password" autoComplete="off" {...register('serviceRoleKey')} />}
        </FormField>
      ) : null}
      <FormField
        id="profile-databaseUrl"
        label={props.kind === 'supabase' ? 'Database URL (optional, for migrations)' : 'Database URL'}
        error={errors.databaseUrl?.message}
        help={secretHelp(p?.databaseUrl)}
      >
        {(c) => (
          <input
            {...c}
            type="password"
            autoComplete="off"
            placeholder={
              props.kind === 'supabase' ? 'postgresql://postgres:…@db.abcdefgh.supabase.co:5432/postgres' : 'postgresql://user:…@host:5432/database'
            }
            {...register('databaseUrl')}
          />
        )}
      </FormField>
      {props.secretsEditable ? null : (
        <div className="alert info">
          This console cannot store secrets here: add them under the profile&apos;s id in
          <span className="mono"> {props.secretsFile}</span> (chmod 600).
        </div>
      )}
      <label className="checkbox">
        <input type="checkbox" {...form.register('production')} /> Production: red banner, typed confirmation before destructive work
      </label>
      <FormAlert message={form.formState.errors.root?.message} />
      {tested ? (
        <div role="status" className="alert info">
          <strong>{tested.ok ? 'The connection works.' : 'The connection does not work yet.'}</strong>
          <ul className="checks" aria-label="Test results">
            {tested.checks.map((c) => (
              <li key={c.name}>
                <span className={c.ok ? 'ok' : 'fail'}>{c.ok ? '✓' : '✗'}</span> <strong>{c.name}</strong>: {c.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button type="button" className="btn" onClick={props.onDone}>
          Cancel
        </button>
        <button type="button" className="btn" disabled={testDraft.isPending} onClick={() => void onTest()}>
          {testDraft.isPending ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="btn primary" disabled={form.formState.isSubmitting}>
          {p ? 'Save changes' : 'Create profile'}
        </button>
      </div>
    </form>
  );
}
