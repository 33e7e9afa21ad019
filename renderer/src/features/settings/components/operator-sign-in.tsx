// Who a Supabase profile acts as: the operator signs in with Supabase Auth, and every decision
// is recorded as that verified user. The password goes to the main process once and is not kept.
import { useId } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { signInSchema, type Profile } from '@contract/connections';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormAlert, FormField } from '@/components/form-field';
import { useToasts } from '@/components/toasts';
import { useSignIn, useSignOut } from '../api/mutate-connections';

type Values = z.input<typeof signInSchema>;

export function OperatorSignIn({ profile }: { profile: Profile }) {
  // Unique ids: the form appears on the Settings page and in the first-load prompt at once.
  const uid = useId();
  const signIn = useSignIn();
  const signOut = useSignOut();
  const toasts = useToasts();
  const react = useErrorReaction();
  const form = useForm<Values>({ resolver: zodResolver(signInSchema), defaultValues: { id: profile.id, email: '', password: '' } });
  const errors = form.formState.errors;

  if (profile.signedInAs) {
    return (
      <div className="card">
        <p>
          Decisions on <strong>{profile.name}</strong> are recorded as <strong>{profile.signedInAs}</strong>, signed in with Supabase Auth.
        </p>
        <button
          type="button"
          className="btn"
          disabled={signOut.isPending}
          onClick={() =>
            signOut.mutate(
              { id: profile.id },
              { onSuccess: () => toasts.push({ kind: 'success', message: 'Signed out.' }), onError: (e) => react(e) },
            )
          }
        >
          Sign out
        </button>
      </div>
    );
  }

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await signIn.mutateAsync(values);
      form.reset({ id: profile.id, email: '', password: '' });
      toasts.push({ kind: 'success', message: `Signed in as ${values.email}.` });
    } catch (e) {
      form.setValue('password', '');
      react(e, { form });
    }
  });

  return (
    <form className="card" onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${uid}-title`}>
      <p id={`${uid}-title`}>
        Nobody is signed in on <strong>{profile.name}</strong>: sign in as yourself (your user in this project) before the first decision.
      </p>
      <FormAlert message={errors.root?.message} />
      <FormField id={`${uid}-email`} label="E-mail" error={errors.email?.message}>
        {(c) => <input {...c} type="email" autoComplete="username" {...form.register('email')} />}
      </FormField>
      <FormField id={`${uid}-password`} label="Password" error={errors.password?.message}>
        {(c) => <input {...c} type="password" autoComplete="current-password" {...form.register('password')} />}
      </FormField>
      <button type="submit" className="btn primary" disabled={signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
