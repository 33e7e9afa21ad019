// Suspending and reinstating change what the moderation pages show of the user too; a role change
// changes the staff list, the history, and (for oneself) the operator's own roles.
import { useChannelMutation } from '@/api/queries';

export const useSetUserActive = () => useChannelMutation('users:set-active', { invalidates: ['users:', 'moderation:'] });
export const useGrantRole = () => useChannelMutation('staff:grant', { invalidates: ['users:', 'staff:'] });
export const useRevokeRole = () => useChannelMutation('staff:revoke', { invalidates: ['users:', 'staff:'] });
