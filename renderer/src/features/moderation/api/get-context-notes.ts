import { useInfiniteQuery } from '@tanstack/react-query';
import { keysetQuery } from '@/api/queries';
import type { ContextFilters } from '../lib/report-filters';

/** Context notes waiting for approval (keyset pages), filtered by kind and age. */
export const useContextNotes = (filters: ContextFilters = {}) =>
  useInfiniteQuery({ ...keysetQuery('moderation:contexts-queue', filters, { limit: 100 }), staleTime: Infinity });
