import { useQuery } from '@tanstack/react-query';
import { channelQuery } from '@/api/queries';

/** Embedded / total, stale, per model, index: refreshed every 10 s. */
export const useCoverage = () => useQuery(channelQuery('embeddings:coverage', {}, { refetchInterval: 10_000 }));

/**
 * Backfills, with live progress while one runs (the database is the truth across workers).
 * Re-renders on new data only, not on a poll that changed nothing: `dataUpdatedAt` is then the
 * time the shown counts were read (the samples of the rate).
 */
export const useEmbeddingJobs = () =>
  useQuery(
    channelQuery(
      'embeddings:jobs',
      {},
      {
        refetchInterval: (q) => (q.state.data?.some((j) => j.status === 'running') ? 1000 : 10_000),
        notifyOnChangeProps: ['data'],
      },
    ),
  );

/** A backfill's failed items with their errors. */
export const useFailures = (jobId: string | null) =>
  useQuery(channelQuery('embeddings:failures', { jobId: jobId ?? '' }, { enabled: jobId !== null }));
