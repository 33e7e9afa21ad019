import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { Input } from '@contract/contract';
import { keysetQuery } from '@/api/queries';

export type QueueParams = Omit<Input<'moderation:queue'>, 'cursor' | 'limit'>;

/** Server-side keyset pages; no background refetch, so the list never reorders under the cursor. */
export const useQueue = (p: QueueParams) =>
  useInfiniteQuery({
    ...keysetQuery('moderation:queue', p, { limit: 100 }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
