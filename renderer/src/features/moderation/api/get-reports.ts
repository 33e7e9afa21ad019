import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/api/client';

export const reportsQuery = () =>
  infiniteQueryOptions({
    queryKey: ['moderation', 'reports'],
    queryFn: ({ pageParam }) => api['moderation:reports']({ limit: 100, cursor: pageParam }),
    initialPageParam: null as Record<string, string | number | null> | null,
    getNextPageParam: (last) => last.next_cursor,
  });
export const useReports = () => useInfiniteQuery({ ...reportsQuery(), staleTime: Infinity });

export const contextsQuery = () =>
  infiniteQueryOptions({
    queryKey: ['moderation', 'contexts'],
    queryFn: ({ pageParam }) => api['moderation:contexts-queue']({ limit: 100, cursor: pageParam }),
    initialPageParam: null as Record<string, string | number | null> | null,
    getNextPageParam: (last) => last.next_cursor,
  });
export const useContexts = () => useInfiniteQuery({ ...contextsQuery(), staleTime: Infinity });
