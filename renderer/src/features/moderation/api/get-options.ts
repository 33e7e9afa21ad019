import { useQuery } from '@tanstack/react-query';
import { channelQuery } from '@/api/queries';

/** Rejection templates (the active ones, or all for the manager). */
export const useReasons = ({ includeInactive = false, enabled = true }: { includeInactive?: boolean; enabled?: boolean } = {}) =>
  useQuery(channelQuery('moderation:reasons', { includeInactive }, { staleTime: 60_000, enabled }));

/** Categories and tags to pick from in the review pane and the filters. */
export const useTaxonomyOptions = () => useQuery(channelQuery('moderation:taxonomy-options', {}, { staleTime: 60_000 }));
