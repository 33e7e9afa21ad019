import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { Input } from '@contract/contract';

export const useCoverage = () => useQuery({ queryKey: ['embeddings', 'coverage'], queryFn: () => api['embeddings:coverage']({}), refetchInterval: 10_000 });
export const useEmbeddingJobs = () =>
  useQuery({
    queryKey: ['embeddings', 'jobs'],
    queryFn: () => api['embeddings:jobs']({}),
    // Live progress while something runs (the database is the truth across workers).
    refetchInterval: (q) => (q.state.data?.some((j) => j.status === 'running') ? 1000 : 10_000),
  });
export const useFailures = (jobId: string | null) =>
  useQuery({ queryKey: ['embeddings', 'failures', jobId], queryFn: () => api['embeddings:failures']({ jobId: jobId! }), enabled: jobId !== null });

function useEmbeddingsMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: ['embeddings'] }) });
}
export const useEstimate = () => useMutation({ mutationFn: (v: Input<'embeddings:estimate'>) => api['embeddings:estimate'](v) });
export const useStartJob = () => useEmbeddingsMutation((v: Input<'embeddings:start'>) => api['embeddings:start'](v));
export const useControlJob = () => useEmbeddingsMutation((v: Input<'embeddings:control'>) => api['embeddings:control'](v));
export const useWorkJob = () => useEmbeddingsMutation((jobId: string) => api['embeddings:work']({ jobId }));
export const useSemanticSearch = () => useMutation({ mutationFn: (v: Input<'embeddings:search'>) => api['embeddings:search'](v) });
