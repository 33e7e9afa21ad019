import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';

export const moderationCountsQuery = (since: string | null = null) =>
  queryOptions({ queryKey: ['moderation', 'counts', since], queryFn: () => api['moderation:counts']({ since }) });

/** Queue sizes, refreshed on their own every 15 s; `since` also counts the new arrivals. */
export const useModerationCounts = (since: string | null = null) =>
  useQuery({ ...moderationCountsQuery(since), refetchInterval: 15_000, refetchIntervalInBackground: false });
