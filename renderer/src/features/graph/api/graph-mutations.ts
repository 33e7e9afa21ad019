// Link changes; each refreshes every graph view (neighbourhood, chains, path, suggestions, history).
import { useQueryClient } from '@tanstack/react-query';
import { channelQuery, useChannelMutation } from '@/api/queries';

export const useSaveLink = () => useChannelMutation('graph:save-link', { invalidates: ['graph:'] });
export const useDeleteLink = () => useChannelMutation('graph:delete-link', { invalidates: ['graph:'] });
export const useImportLinks = () => useChannelMutation('graph:import', { invalidates: ['graph:'] });
export const useSaveLearningPath = () => useChannelMutation('graph:save-learning-path', { invalidates: ['graph:'] });

/** The links as CSV (one video's, or all), read fresh for each download. */
export function useExportLinks() {
  const qc = useQueryClient();
  return (videoId: string | null) => qc.fetchQuery(channelQuery('graph:export', { videoId }, { staleTime: 0, gcTime: 0 }));
}
