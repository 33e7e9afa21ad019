import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Input } from '@contract/contract';
import { categoryRows } from '@contract/taxonomy';
import { channelQuery, keysetQuery } from '@/api/queries';

/** Every category with its usage counts, for the tree and the pickers (sent as columns, used as rows). */
export const useCategoryTree = () => useQuery({ ...channelQuery('taxonomy:tree', {}), select: categoryRows });

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
