// Create or edit a Supabase or Postgres profile. The same zod schema validates here, at the
// IPC/HTTP boundary, and in main; secrets typed here go straight to main and never come back.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { profileInputSchema, type Profile } from '@contract/connections';
import { showSubmitError } from '@/api/form-errors';
import { useToasts } from '@/components/toasts';
import { useSaveProfile } from '../api/mutate-connections';

type FormValues = z.input<typeof profileInputSchema>;

export function ProfileForm(props: { kind: 'supabase' | 'postgres'; profile?: Profile; secretsEditable: boolean; secretsFile: string | null; onDone: () => void }) {
  const save = useSaveProfile();
  const toasts = useToasts();
  const p = props.profile;
  const form = useForm<FormValues>({
    resolver: zodResolver(profileInputSchema),
    defaultValues: props.kind === 'supabase'
      ? { kind: 'supabase', id: p?.id, name: p?.name ?? '', production: p?.production ?? false, supabaseUrl: p?.supabaseUrl ?? '' }
      : { kind: 'postgres', id: p?.id, name: p?.name ?? '', production: p?.production ?? false },
  });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;

  const onSubmit = form.handleSubmit(async (values) => {
    const clean = { ...values } as Record<string, unknown>;
    for (const k of ['serviceRoleKey', 'databaseUrl']) if (clean[k] === '' || clean[k] === undefined) delete clean[k];
    try {
      await save.mutateAsync(clean as FormValues);
      toasts.push({ kind: 'success', message: `Profile "${values.name}" saved.` });
      props.onDone();
    } catch (e) {
      showSubmitError(form, e);
    }
  });

  const field = (name: string, label: string, input: React.ReactNode, help?: string) => (
    <div className="field">
      <label htmlFor={`profile-${name}`}>{label}</label>
      {input}
      {errors[name]?.message ? <span className="error" id={`profile-${name}-error`} role="alert">{errors[name]?.message}</span> : help ? <span className="help">{help}</span> : null}
    </div>
  );
  const invalid = (name: string) => ({ 'aria-invalid': errors[name] ? true : undefined, 'aria-describedby': errors[name] ? `profile-${name}-error` : undefined });
  const secretHelp = (status: Profile['serviceRoleKey'] | undefined) =>
    status?.set ? `Set · ${status.hint ?? ''} (${status.source}). Leave empty to keep it.` : 'Stored encrypted in the main process; never shown again.';

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`${p ? 'Edit' : 'New'} ${props.kind} profile`}>
      {field('name', 'Profile name', <input id="profile-name" autoComplete="off" {...form.register('name')} {...invalid('name')} />)}
      {props.kind === 'supabase'
        ? field('supabaseUrl', 'Project URL', <input id="profile-supabaseUrl" placeholder="https://abcdefgh.supabase.co" autoComplete="off" {...form.register('supabaseUrl')} {...invalid('supabaseUrl')} />, 'Project Settings > API > Project URL')
        : null}
      {props.secretsEditable ? (
        <>
          {props.kind === 'supabase'
            ? field('serviceRoleKey', 'Service-role key', <input id="profile-serviceRoleKey" type="password" autoComplete="off" {...form.register('serviceRoleKey')} {...invalid('serviceRoleKey')} />, secretHelp(p?.serviceRoleKey))
            : null}
          {field('databaseUrl', props.kind === 'supabase' ? 'Database URL (optional, for migrations)' : 'Database URL',
            <input id="profile-databaseUrl" type="password" autoComplete="off" placeholder="postgresql://postgres:…@db.abcdefgh.supabase.co:5432/postgres" {...form.register('databaseUrl')} {...invalid('databaseUrl')} />,
            secretHelp(p?.databaseUrl))}
        </>
      ) : (
        <div className="alert info">
          The browser shell never takes secrets from the page. After saving, add this profile's
          {props.kind === 'supabase' ? ' "serviceRoleKey" (and optional "databaseUrl")' : ' "databaseUrl"'} under its id in
          <span className="mono"> {props.secretsFile}</span> (chmod 600) and restart the shell, or start it with MAGNA_SUPABASE_URL and MAGNA_SUPABASE_SERVICE_ROLE_KEY.
        </div>
      )}
      <label className="checkbox">
        <input type="checkbox" {...form.register('production')} /> Production: red banner, typed confirmation before destructive work
      </label>
      {form.formState.errors.root?.message ? <div className="alert" role="alert">{form.formState.errors.root.message}</div> : null}
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button type="button" className="btn" onClick={props.onDone}>Cancel</button>
        <button type="submit" className="btn primary" disabled={form.formState.isSubmitting}>{p ? 'Save changes' : 'Create profile'}</button>
      </div>
    </form>
  );
}
