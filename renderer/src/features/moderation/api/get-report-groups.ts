import { useInfiniteQuery } from '@tanstack/react-query';
import { keysetQuery } from '@/api/queries';

/** Open reports grouped per reported item, most reported first (keyset pages). */
export const useReportGroups = () => useInfiniteQuery({ ...keysetQuery('moderation:reports', {}, { limit: 100 }), staleTime: Infinity });
