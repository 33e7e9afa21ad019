import { useState } from 'react';
import type { Profile } from '@contract/connections';
import { Dialog } from '@/components/dialog';
import { ErrorAlert } from '@/components/error-alert';
import type { Theme } from '@/lib/theme';
import { useAppInfo, useConnections } from './api/get-connections';
import { ProfileForm } from './components/profile-form';
import { OperatorPicker } from './components/operator-picker';
import { NotificationSettings } from './components/notification-settings';
import { OperatorSignIn } from './components/operator-sign-in';
import { ProfileList } from './components/profile-list';
import { WorkspaceBackup } from './components/workspace-backup';

export function SettingsPage({ theme, onTheme }: { theme: Theme; onTheme: (t: Theme) => void }) {
  const connections = useConnections();
  const info = useAppInfo();
  const [editing, setEditing] = useState<{ kind: 'supabase' | 'postgres'; profile?: Profile } | null>(null);

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <h2>Connections</h2>
      {connections.error ? <ErrorAlert error={connections.error} title="Could not load the profiles" /> : null}
      {connections.data ? (
        <>
          <ProfileList state={connections.data} onEdit={(p) => setEditing({ kind: p.kind === 'postgres' ? 'postgres' : 'supabase', profile: p })} />
          <div className="row" style={{ marginTop: 10 }}>
            <button type="button" className="btn" onClick={() => setEditing({ kind: 'supabase' })}>
              Add Supabase project
            </button>
            <button type="button" className="btn" onClick={() => setEditing({ kind: 'postgres' })}>
              Add Postgres database
            </button>
          </div>
          <Dialog
            open={editing !== null}
            title={editing?.profile ? `Edit ${editing.profile.name}` : editing?.kind === 'supabase' ? 'New Supabase profile' : 'New Postgres profile'}
            onClose={() => setEditing(null)}
          >
            {editing ? (
              <ProfileForm
                key={editing.profile?.id ?? editing.kind}
                kind={editing.kind}
                profile={editing.profile}
                secretsEditable={connections.data.secretsEditable}
                secretsFile={connections.data.secretsFile}
                onDone={() => setEditing(null)}
              />
            ) : null}
          </Dialog>
        </>
      ) : null}

      <h2>Operator</h2>
      {connections.data
        ? (() => {
            const active = connections.data.profiles.find((p) => p.id === connections.data.activeId);
            if (!active) return null;
            return active.kind === 'supabase' ? <OperatorSignIn profile={active} /> : <OperatorPicker profile={active} />;
          })()
        : null}

      <h2>Notifications</h2>
      <NotificationSettings />
      <h2>Local workspace backup</h2>
      <WorkspaceBackup dataDir={info.data?.dataDir ?? null} shell={info.data?.shell ?? null} />

      <h2>Appearance</h2>
      <div className="row" role="radiogroup" aria-label="Theme">
        {(['light', 'dark'] as const).map((t) => (
          <label key={t} className="checkbox">
            <input type="radio" name="theme" checked={theme === t} onChange={() => onTheme(t)} /> {t === 'light' ? 'Light' : 'Dark'}
          </label>
        ))}
      </div>

      <h2>About</h2>
      {info.data ? (
        <div className="muted">
          Version {info.data.version} · {info.data.shell === 'electron' ? 'desktop app' : 'browser shell'} on {info.data.platform} · data in{' '}
          <span className="mono">{info.data.dataDir}</span>
        </div>
      ) : null}
    </section>
  );
}
