// Backup and restore of the embedded workspace. A restore replaces what every page reads: all of it is read again.
import { useChannelMutation } from '@/api/queries';

export const useBackupWorkspace = () => useChannelMutation('workspace:backup');
export const useRestoreWorkspace = () => useChannelMutation('workspace:restore', { invalidates: 'reset' });
