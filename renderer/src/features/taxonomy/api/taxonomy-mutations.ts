// Taxonomy changes. Each refreshes every taxonomy view (tree, tags, suggestions, pickers) and
// the moderation pane's category and tag options, which show the same data.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { Channel } from '@contract/channels';
import type { Input, Output } from '@contract/contract';

function useTaxonomyMutation<C extends Channel>(channel: C) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<C>) => api[channel](input) as Promise<Output<C>>,
    onSettled: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['taxonomy'] }),
        qc.invalidateQueries({ queryKey: ['moderation', 'taxonomy-options'] }),
      ]);
    },
  });
}

export const useSaveCategory = () => useTaxonomyMutation('taxonomy:save-category');
export const useMoveCategory = () => useTaxonomyMutation('taxonomy:move-category');
export const useDeleteCategory = () => useTaxonomyMutation('taxonomy:delete-category');
export const useSaveTag = () => useTaxonomyMutation('taxonomy:save-tag');
export const useDeleteTag = () => useTaxonomyMutation('taxonomy:delete-tag');
export const useMergeTags = () => useTaxonomyMutation('taxonomy:merge-tags');
export const useDeleteUnusedTags = () => useTaxonomyMutation('taxonomy:delete-unused');
export const useBulkTag = () => useTaxonomyMutation('taxonomy:bulk-tag');
