import { infiniteQueryOptions, keepPreviousData, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { Input } from '@contract/contract';

export const treeQuery = () => queryOptions({ queryKey: ['taxonomy', 'tree'], queryFn: () => api['taxonomy:tree']({}) });
export const useCategoryTree = () => useQuery(treeQuery());

export const tagsQuery = (p: { search: string; sort: 'name' | 'usage' | 'newest' }) =>
  infiniteQueryOptions({
    queryKey: ['taxonomy', 'tags', p],
    queryFn: ({ pageParam }) => api['taxonomy:tags']({ ...p, limit: 200, cursor: pageParam }),
    initialPageParam: null as Record<string, string | number | null> | null,
    getNextPageParam: (last) => last.next_cursor,
  });
export const useTags = (p: { search: string; sort: 'name' | 'usage' | 'newest' }) => useInfiniteQuery({ ...tagsQuery(p), placeholderData: keepPreviousData });

export const suggestionsQuery = () => queryOptions({ queryKey: ['taxonomy', 'suggestions'], queryFn: () => api['taxonomy:suggestions']({}) });
export const useSuggestions = (enabled: boolean) => useQuery({ ...suggestionsQuery(), enabled });

export const videosQuery = (p: Omit<Input<'taxonomy:videos'>, 'cursor' | 'limit'>) =>
  infiniteQueryOptions({
    queryKey: ['taxonomy', 'videos', p],
    queryFn: ({ pageParam }) => api['taxonomy:videos']({ ...p, limit: 100, cursor: pageParam }),
    initialPageParam: null as Record<string, string | number | null> | null,
    getNextPageParam: (last) => last.next_cursor,
  });
export const useVideoPicker = (p: Omit<Input<'taxonomy:videos'>, 'cursor' | 'limit'>) => useInfiniteQuery({ ...videosQuery(p), placeholderData: keepPreviousData });

export const auditQuery = (targetType: 'category' | 'tag', targetId: number) =>
  queryOptions({ queryKey: ['taxonomy', 'audit', targetType, targetId], queryFn: () => api['taxonomy:audit']({ targetType, targetId }) });
export const useTaxonomyAudit = (target: { type: 'category' | 'tag'; id: number } | null) =>
  useQuery({ ...auditQuery(target?.type ?? 'tag', target?.id ?? 1), enabled: target !== null });
