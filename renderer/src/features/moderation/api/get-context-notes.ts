import { useInfiniteQuery } from '@tanstack/react-query';
import { keysetQuery } from '@/api/queries';

/** Context notes waiting for approval (keyset pages). */
export const useContextNotes = () => useInfiniteQuery({ ...keysetQuery('moderation:contexts-queue', {}, { limit: 100 }), staleTime: Infinity });
