// The moderation mutations. Decisions refresh the counts and the review pane; the lists are
// refreshed by their views, which take decided items out themselves so the list does not jump.
import { useChannelMutation } from '@/api/queries';

export const useActOnVideos = () => useChannelMutation('moderation:act', { invalidates: ['moderation:counts', 'moderation:review'] });
export const useActOnComments = () => useChannelMutation('moderation:comments', { invalidates: ['moderation:counts'] });
export const useActOnContexts = () => useChannelMutation('moderation:contexts', { invalidates: ['moderation:counts'] });
export const useDismissReports = () => useChannelMutation('moderation:dismiss-reports', { invalidates: ['moderation:counts'] });
export const useUndo = () => useChannelMutation('moderation:undo', { invalidates: ['moderation:'] });
export const useUpdateMetadata = () => useChannelMutation('moderation:update-metadata', { invalidates: ['moderation:review'] });
export const useSetUserActive = () => useChannelMutation('users:set-active', { invalidates: ['moderation:', 'users:'] });
export const useClaim = () => useChannelMutation('moderation:claim');
export const useSaveReason = () => useChannelMutation('moderation:save-reason', { invalidates: ['moderation:reasons'] });
