import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';

export const reasonsQuery = () => queryOptions({ queryKey: ['moderation', 'reasons'], queryFn: () => api['moderation:reasons']({}), staleTime: 60_000 });
export const useReasons = () => useQuery(reasonsQuery());

export const taxonomyOptionsQuery = () =>
  queryOptions({ queryKey: ['moderation', 'taxonomy-options'], queryFn: () => api['moderation:taxonomy-options']({}), staleTime: 60_000 });
export const useTaxonomyOptions = () => useQuery(taxonomyOptionsQuery());
