import { useQuery } from '@tanstack/react-query';
import { channelQuery } from '@/api/queries';

/**
 * Ctrl-K's search across videos, users, tags and categories. Keyed by the text, so only the
 * answer to the latest text is shown; a call for text the user has typed past is cancelled.
 */
export const useConsoleSearch = (query: string) => {
  const q = query.trim();
  return useQuery({ ...channelQuery('moderation:search', { query: q, limit: 6 }, { staleTime: 30_000 }), enabled: q.length > 0 });
};
