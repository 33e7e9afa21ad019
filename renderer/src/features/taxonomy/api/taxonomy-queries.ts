import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '@contract/contract';
import { categoryRows, currentTree, type CategoryTree } from '@contract/taxonomy';
import { callChannel } from '@/api/client';
import { channelQuery, keysetQuery, type ChannelKey } from '@/api/queries';

const TREE_KEY: ChannelKey<'taxonomy:tree'> = ['taxonomy:tree', {}];

/**
 * Every category with its usage counts, for the tree and the pickers (sent as columns, used as
 * rows). A reload says which version of the tree it holds: unless a category changed since, only
 * the usage comes back and is merged into the held structure.
 */
export const useCategoryTree = () => {
  const qc = useQueryClient();
  return useQuery({
    queryKey: TREE_KEY,
    queryFn: async ({ signal }): Promise<CategoryTree> => {
      const held = qc.getQueryData<CategoryTree>(TREE_KEY);
      const tree = currentTree(held, await callChannel('taxonomy:tree', held ? { knownVersion: held.version } : {}, signal));
      if (tree) return tree;
      // The held tree was replaced while the answer was on its way: the whole tree, then.
      const whole = currentTree(undefined, await callChannel('taxonomy:tree', {}, signal));
      if (!whole) throw new Error('The category tree came without its categories.');
      return whole;
    },
    select: categoryRows,
  });
};

/** Tags by name, usage or age (keyset pages of 200); the previous list stays while a search loads. */
export const useTags = (p: { search: string; sort: 'name' | 'usage' | 'newest' }) =>
  useInfiniteQuery({ ...keysetQuery('taxonomy:tags', p, { limit: 200 }), placeholderData: keepPreviousData });

/** Likely duplicate tags. */
export const useTagSuggestions = (enabled: boolean) => useQuery(channelQuery('taxonomy:suggestions', {}, { enabled }));

/** Tags whose names mean nearly the same (their name embeddings, the videos' model). */
export const useSemanticSuggestions = (enabled: boolean) => useQuery(channelQuery('taxonomy:semantic-suggestions', {}, { enabled }));

/** Videos to bulk-tag, filtered (keyset pages of 100). */
export const useVideoPicker = (p: Omit<Input<'taxonomy:videos'>, 'cursor' | 'limit'>) =>
  useInfiniteQuery({ ...keysetQuery('taxonomy:videos', p, { limit: 100 }), placeholderData: keepPreviousData });

/** The recorded changes of a category or tag. */
export const useTaxonomyAudit = (target: { type: 'category' | 'tag'; id: number } | null) =>
  useQuery(channelQuery('taxonomy:audit', { targetType: target?.type ?? 'tag', targetId: target?.id ?? 1 }, { enabled: target !== null }));
