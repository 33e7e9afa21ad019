// Taxonomy changes. Each refreshes every taxonomy view (tree, tags, suggestions, pickers) and
// the moderation pane's category and tag options, which show the same data.
import { useChannelMutation, type QueryTarget } from '@/api/queries';

const SAME_DATA: QueryTarget[] = ['taxonomy:', 'moderation:taxonomy-options'];

export const useSaveCategory = () => useChannelMutation('taxonomy:save-category', { invalidates: SAME_DATA });
export const useMoveCategory = () => useChannelMutation('taxonomy:move-category', { invalidates: SAME_DATA });
export const useDeleteCategory = () => useChannelMutation('taxonomy:delete-category', { invalidates: SAME_DATA });
export const useSaveTag = () => useChannelMutation('taxonomy:save-tag', { invalidates: SAME_DATA });
export const useDeleteTag = () => useChannelMutation('taxonomy:delete-tag', { invalidates: SAME_DATA });
export const useMergeTags = () => useChannelMutation('taxonomy:merge-tags', { invalidates: SAME_DATA });
export const useDeleteUnusedTags = () => useChannelMutation('taxonomy:delete-unused', { invalidates: SAME_DATA });
export const useBulkTag = () => useChannelMutation('taxonomy:bulk-tag', { invalidates: SAME_DATA });
export const useEmbedTagNames = () => useChannelMutation('taxonomy:embed-tags', { invalidates: SAME_DATA });
