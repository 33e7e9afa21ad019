// Profile changes. Switching or deleting the active profile changes what every page reads, so
// those refresh everything.
import { useChannelMutation } from '@/api/queries';

export const useSaveProfile = () => useChannelMutation('connections:save', { invalidates: ['connections:list'] });
// Another operator may hold other roles: every view (and the pages the roles allow) reads again.
export const useSetOperator = () => useChannelMutation('connections:set-operator', { invalidates: 'all' });
export const useActivateProfile = () => useChannelMutation('connections:activate', { invalidates: 'reset' });
export const useDeleteProfile = () => useChannelMutation('connections:delete', { invalidates: 'reset' });
export const useTestProfile = () => useChannelMutation('connections:test');
export const useTestDraft = () => useChannelMutation('connections:test-draft');
// Signing in or out changes who acts: every view that shows the operator reads it again.
export const useSignIn = () => useChannelMutation('connections:sign-in', { invalidates: 'all' });
export const useSignOut = () => useChannelMutation('connections:sign-out', { invalidates: 'all' });
