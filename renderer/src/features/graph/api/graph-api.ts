import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { Input } from '@contract/contract';

export const neighbourhoodQuery = (p: Input<'graph:neighbourhood'>) =>
  queryOptions({ queryKey: ['graph', 'neighbourhood', p], queryFn: () => api['graph:neighbourhood'](p) });
export const useNeighbourhood = (p: Input<'graph:neighbourhood'> | null) =>
  useQuery({ ...neighbourhoodQuery(p ?? { videoId: '00000000-0000-4000-8000-000000000000' }), enabled: p !== null });

export const useFindVideos = (query: string) =>
  useQuery({ queryKey: ['graph', 'find', query], queryFn: () => api['graph:find']({ query }), enabled: query.trim().length >= 2 });

export const useChain = (videoId: string | null, direction: 'requires' | 'required_by') =>
  useQuery({ queryKey: ['graph', 'chain', videoId, direction], queryFn: () => api['graph:chain']({ videoId: videoId!, direction }), enabled: videoId !== null });
export const useLearningPath = (videoId: string | null) =>
  useQuery({ queryKey: ['graph', 'path', videoId], queryFn: () => api['graph:learning-path']({ videoId: videoId! }), enabled: videoId !== null });
export const useLinkSuggestions = (videoId: string | null) =>
  useQuery({ queryKey: ['graph', 'suggestions', videoId], queryFn: () => api['graph:suggestions']({ videoId: videoId! }), enabled: videoId !== null });
export const useLinkHistory = (videoId: string | null) =>
  useQuery({ queryKey: ['graph', 'history', videoId], queryFn: () => api['graph:history']({ videoId: videoId! }), enabled: videoId !== null });

function useGraphMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: ['graph'] }) });
}
export const useSaveLink = () => useGraphMutation((v: Input<'graph:save-link'>) => api['graph:save-link'](v));
export const useDeleteLink = () => useGraphMutation((id: string) => api['graph:delete-link']({ id }));
export const useImportLinks = () => useGraphMutation((v: Input<'graph:import'>) => api['graph:import'](v));
export const useSaveLearningPath = () => useGraphMutation((v: Input<'graph:save-learning-path'>) => api['graph:save-learning-path'](v));
