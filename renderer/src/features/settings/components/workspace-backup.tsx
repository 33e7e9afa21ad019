// The embedded workspace's backup and restore: a file the admin names (a path on the machine the
// console runs on, in either shell) or, in the desktop app, chooses in the native Save / Open
// dialog. A restore asks first; it refuses a backup from a newer console and, failing, leaves
// the workspace as it was.
import { useId, useState } from 'react';
import { suggestedBackupName } from '@contract/workspace-backup';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { useToasts } from '@/components/toasts';
import { formatNumber } from '@/lib/format';
import { useBackupWorkspace, useChooseBackupFile, useRestoreWorkspace } from '../api/workspace-backup';

export function WorkspaceBackup({ dataDir, shell }: { dataDir: string | null; shell: 'electron' | 'browser' | null }) {
  const sep = dataDir?.includes('\\') && !dataDir.includes('/') ? '\\' : '/';
  // Typed by the admin, else a file in the data folder (known once app:info has answered).
  const [typedPath, setBackupPath] = useState<string | null>(null);
  const [suggested] = useState(() => suggestedBackupName());
  const backupPath = typedPath ?? (dataDir ? `${dataDir}${sep}backups${sep}${suggested}` : '');
  const [restorePath, setRestorePath] = useState('');
  const [confirming, setConfirming] = useState(false);
  const backup = useBackupWorkspace();
  const restore = useRestoreWorkspace();
  const choose = useChooseBackupFile();
  const desktop = shell === 'electron';
  const toasts = useToasts();
  const react = useErrorReaction();
  const backupId = useId();
  const restoreId = useId();

  // Awaited rather than mutate()'s callbacks: a restore resets every query, which may remount this
  // section before the callbacks would run.
  const onBackup = async (file = backupPath) => {
    try {
      const r = await backup.mutateAsync({ file });
      toasts.push({ kind: 'success', message: `Workspace backed up to ${r.file} (${formatNumber(Math.round(r.bytes / 1024))} KB).` });
    } catch (e) {
      react(e);
    }
  };
  // The native dialog's answer: a backup is written there at once (Save is the last step, as in
  // any desktop app); a backup to restore fills the field and asks as a typed one does.
  // Cancelled: nothing changes.
  const onChoose = async (purpose: 'backup' | 'restore') => {
    try {
      const { file } = await choose.mutateAsync({ purpose });
      if (file === null) return;
      if (purpose === 'backup') {
        setBackupPath(file);
        await onBackup(file);
      } else {
        setRestorePath(file);
        setConfirming(true);
      }
    } catch (e) {
      react(e);
    }
  };
  const onRestore = async () => {
    setConfirming(false);
    try {
      const r = await restore.mutateAsync({ file: restorePath });
      toasts.push({
        kind: 'success',
        message: `Workspace restored from ${r.file}${r.migrated ? `; ${r.migrated} migration(s) applied to it` : ''}.`,
      });
    } catch (e) {
      react(e);
    }
  };

  return (
    <div className="card">
      <p>
        The local workspace (the embedded database) can be saved to a file and restored from one. Paths are on this machine
        {desktop ? ': type one, or choose it in a dialog.' : '.'}
      </p>
      {shell === 'browser' && (
        <p className="muted">
          The browser shell has no file dialog (a page may not learn this machine&apos;s paths): type the file&apos;s full path. The desktop app opens
          one.
        </p>
      )}
      <div className="row">
        <label htmlFor={backupId}>Back up to</label>
        <input
          id={backupId}
          className="mono"
          style={{ flex: 1 }}
          value={backupPath}
          onChange={(e) => setBackupPath(e.target.value)}
          autoComplete="off"
        />
        <button type="button" className="btn" disabled={backup.isPending || backupPath.trim() === ''} onClick={() => void onBackup()}>
          {backup.isPending ? 'Backing up…' : 'Back up'}
        </button>
        {desktop && (
          <button type="button" className="btn" disabled={choose.isPending || backup.isPending} onClick={() => void onChoose('backup')}>
            Back up to file…
          </button>
        )}
      </div>
      <div className="row" style={{ marginTop: 8 }}>
        <label htmlFor={restoreId}>Restore from</label>
        <input
          id={restoreId}
          className="mono"
          style={{ flex: 1 }}
          value={restorePath}
          placeholder="full path of a backup file (.tar.gz)"
          onChange={(e) => setRestorePath(e.target.value)}
          autoComplete="off"
        />
        <button type="button" className="btn danger" disabled={restore.isPending || restorePath.trim() === ''} onClick={() => setConfirming(true)}>
          {restore.isPending ? 'Restoring…' : 'Restore…'}
        </button>
        {desktop && (
          <button type="button" className="btn" disabled={choose.isPending || restore.isPending} onClick={() => void onChoose('restore')}>
            Choose backup…
          </button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title="Replace the local workspace with this backup?"
        confirmLabel="Restore workspace"
        danger
        onClose={() => setConfirming(false)}
        onConfirm={() => void onRestore()}
      >
        <p>
          Everything in the local workspace is replaced by the backup <span className="mono">{restorePath}</span>. Back it up first if you may want it
          again. If the restore fails, the workspace stays as it is.
        </p>
      </ConfirmDialog>
    </div>
  );
}
