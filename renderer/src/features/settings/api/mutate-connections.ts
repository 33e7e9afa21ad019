// Profile changes. Switching or deleting the active profile changes what every page reads, so
// those refresh everything.
import { useChannelMutation } from '@/api/queries';

export const useSaveProfile = () => useChannelMutation('connections:save', { invalidates: ['connections:list'] });
export const useSetOperator = () => useChannelMutation('connections:set-operator', { invalidates: ['connections:list'] });
export const useActivateProfile = () => useChannelMutation('connections:activate', { invalidates: 'all' });
export const useDeleteProfile = () => useChannelMutation('connections:delete', { invalidates: 'all' });
export const useTestProfile = () => useChannelMutation('connections:test');
