import { useInfiniteQuery } from '@tanstack/react-query';
import { keysetQuery } from '@/api/queries';
import type { ReportFilters } from '../lib/report-filters';

/** Open reports grouped per reported item, most reported first (keyset pages), filtered. */
export const useReportGroups = (filters: ReportFilters = {}) =>
  useInfiniteQuery({ ...keysetQuery('moderation:reports', filters, { limit: 100 }), staleTime: Infinity });
