// Backup and restore of the embedded workspace. A restore replaces what every page reads: all of it is read again.
import { useChannelMutation } from '@/api/queries';

export const useBackupWorkspace = () => useChannelMutation('workspace:backup');
export const useRestoreWorkspace = () => useChannelMutation('workspace:restore', { invalidates: 'reset' });
/** The desktop app's native Save / Open dialog (the browser shell has none): the chosen path, or null. */
export const useChooseBackupFile = () => useChannelMutation('workspace:choose-file');
