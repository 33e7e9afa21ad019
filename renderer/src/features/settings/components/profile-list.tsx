import { useState } from 'react';
import type { ConnectionsState, ConnectionTest, Profile } from '@contract/connections';
import type { Input } from '@contract/contract';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { useToasts } from '@/components/toasts';
import { useActivateProfile, useDeleteProfile, useTestProfile } from '../api/mutate-connections';

const KIND_LABEL = { embedded: 'Embedded', supabase: 'Supabase', postgres: 'Postgres' } as const;

function secretLine(label: string, s: Profile['serviceRoleKey']) {
  if (!s) return null;
  const where = s.source === 'session' ? ' · this session only: no keyring protects it on this system, so it is not written to disk' : '';
  return (
    <div className="muted">
      {label}: {s.set ? `set · ${s.hint ?? ''}${where}` : 'not set'}
    </div>
  );
}

export function ProfileList({ state, onEdit }: { state: ConnectionsState; onEdit: (p: Profile) => void }) {
  const activate = useActivateProfile();
  const remove = useDeleteProfile();
  const test = useTestProfile();
  const toasts = useToasts();
  const react = useErrorReaction();
  const [results, setResults] = useState<Record<string, ConnectionTest>>({});
  const [deleting, setDeleting] = useState<Profile | null>(null);

  const runTest = async (p: Profile) => {
    try {
      const r = await test.mutateAsync({ id: p.id });
      setResults((all) => ({ ...all, [p.id]: r }));
    } catch (e) {
      react(e);
    }
  };
  const removeProfile = (p: Profile, input: Input<'connections:delete'>) =>
    remove.mutate(input, {
      onSuccess: () => toasts.push({ kind: 'success', message: `Profile "${p.name}" deleted.` }),
      onError: (e) => react(e, { retry: (confirm) => removeProfile(p, { ...input, confirm }) }),
    });

  return (
    <>
      <table className="data">
        <caption className="visually-hidden">Connection profiles</caption>
        <thead>
          <tr>
            <th scope="col">Profile</th>
            <th scope="col">Connection</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {state.profiles.map((p) => (
            <tr key={p.id}>
              <td>
                <div>
                  <strong>{p.name}</strong> {p.id === state.activeId ? <span className="badge applied">active</span> : null}{' '}
                  {p.production ? <span className="badge modified">production</span> : null}
                </div>
                <div className="muted">
                  {KIND_LABEL[p.kind]}
                  {p.readOnly && p.kind !== 'embedded' ? ' · from environment' : ''}
                </div>
              </td>
              <td>
                {p.supabaseUrl ? <div className="mono">{p.supabaseUrl}</div> : null}
                {p.databaseLabel ? <div className="mono">{p.databaseLabel}</div> : null}
                {secretLine('Service-role key', p.serviceRoleKey)}
                {secretLine('Database URL', p.databaseUrl)}
                {results[p.id] ? (
                  <ul className="checks" aria-label={`Test results for ${p.name}`}>
                    {results[p.id]!.checks.map((c) => (
                      <li key={c.name}>
                        <span className={c.ok ? 'ok' : 'fail'}>{c.ok ? '✓' : '✗'}</span> <strong>{c.name}</strong>: {c.message}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </td>
              <td>
                <div className="row">
                  <button
                    type="button"
                    className="btn small"
                    disabled={p.id === state.activeId || activate.isPending}
                    onClick={() => activate.mutate({ id: p.id }, { onError: (e) => react(e) })}
                  >
                    Use
                  </button>
                  <button
                    type="button"
                    className="btn small"
                    disabled={test.isPending && test.variables?.id === p.id}
                    onClick={() => void runTest(p)}
                  >
                    {test.isPending && test.variables?.id === p.id ? 'Testing…' : 'Test connection'}
                  </button>
                  {!p.readOnly ? (
                    <button type="button" className="btn small" onClick={() => onEdit(p)}>
                      Edit
                    </button>
                  ) : null}
                  {!p.readOnly ? (
                    <button type="button" className="btn small danger" onClick={() => setDeleting(p)}>
                      Delete
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete profile "${deleting?.name ?? ''}"?`}
        confirmLabel="Delete profile"
        danger
        typeToConfirm={deleting?.production ? deleting.name : null}
        onClose={() => setDeleting(null)}
        onConfirm={(typed) => {
          const p = deleting!;
          setDeleting(null);
          removeProfile(p, { id: p.id, confirm: typed || undefined });
        }}
      >
        <p>The profile and its stored secrets are removed from this machine. The database itself is not touched.</p>
      </ConfirmDialog>
    </>
  );
}
