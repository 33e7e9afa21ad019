import { useQuery } from '@tanstack/react-query';
import { channelQuery } from '@/api/queries';

/** Queue sizes, refreshed on their own every 15 s; `since` also counts the new arrivals. Not asked for when `enabled` is false (no moderator role). */
export const useModerationCounts = (since: string | null = null, enabled = true) =>
  useQuery(channelQuery('moderation:counts', { since }, { refetchInterval: 15_000, refetchIntervalInBackground: false, enabled }));
