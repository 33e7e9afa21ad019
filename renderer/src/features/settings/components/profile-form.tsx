// Create or edit a Supabase or Postgres profile. The same zod schema validates here, at the
// IPC/HTTP boundary, and in main; secrets typed here go straight to main and never come back.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type FieldErrors } from 'react-hook-form';
import type { z } from 'zod';
import { profileInputSchema, type Profile } from '@contract/connections';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormAlert, FormField } from '@/components/form-field';
import { useToasts } from '@/components/toasts';
import { useSaveProfile } from '../api/mutate-connections';

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

  const onSubmit = form.handleSubmit(async (values) => {
    const clean = { ...values } as Record<string, unknown>;
    for (const k of ['serviceRoleKey', 'databaseUrl']) if (clean[k] === '' || clean[k] === undefined) delete clean[k];
    try {
      await save.mutateAsync(clean as FormValues);
      toasts.push({ kind: 'success', message: `Profile "${values.name}" saved.` });
      props.onDone();
    } catch (e) {
      react(e, { form });
    }
  });

  const secretHelp = (status: Profile['serviceRoleKey'] | undefined) =>
    status?.set
      ? `Set · ${status.hint ?? ''} (${status.source}). Leave empty to keep it.`
      : 'Stored encrypted in the main process; never shown again.';

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
      {props.secretsEditable ? (
        <>
          {props.kind === 'supabase' ? (
            <FormField
              id="profile-serviceRoleKey"
              label="Service-role key"
              error={errors.serviceRoleKey?.message}
              help={secretHelp(p?.serviceRoleKey)}
            >
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
                placeholder="postgresql://postgres:…@db.abcdefgh.supabase.co:5432/postgres"
                {...register('databaseUrl')}
              />
            )}
          </FormField>
        </>
      ) : (
        <div className="alert info">
          The browser shell never takes secrets from the page. After saving, add this profile's
          {props.kind === 'supabase' ? ' "serviceRoleKey" (and optional "databaseUrl")' : ' "databaseUrl"'} under its id in
          <span className="mono"> {props.secretsFile}</span> (chmod 600) and restart the shell, or start it with MAGNA_SUPABASE_URL and
          MAGNA_SUPABASE_SERVICE_ROLE_KEY.
        </div>
      )}
      <label className="checkbox">
        <input type="checkbox" {...form.register('production')} /> Production: red banner, typed confirmation before destructive work
      </label>
      <FormAlert message={form.formState.errors.root?.message} />
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button type="button" className="btn" onClick={props.onDone}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={form.formState.isSubmitting}>
          {p ? 'Save changes' : 'Create profile'}
        </button>
      </div>
    </form>
  );
}
