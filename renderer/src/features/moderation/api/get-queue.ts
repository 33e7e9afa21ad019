import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { QueueFilters } from '@contract/moderation';
import { api } from '@/api/client';

export type QueueParams = { queue: 'pending' | 'flagged'; sort: 'oldest' | 'newest' | 'most_reported'; filters: QueueFilters };

export const queueQuery = (p: QueueParams) =>
  infiniteQueryOptions({
    queryKey: ['moderation', 'queue', p],
    queryFn: ({ pageParam }) => api['moderation:queue']({ ...p, limit: 100, cursor: pageParam }),
    initialPageParam: null as Record<string, string | number | null> | null,
    getNextPageParam: (last) => last.next_cursor,
  });

/** Server-side keyset pages; no background refetch, so the list never reorders under the cursor. */
export const useQueue = (p: QueueParams) =>
  useInfiniteQuery({ ...queueQuery(p), placeholderData: keepPreviousData, staleTime: Infinity, refetchOnWindowFocus: false });
