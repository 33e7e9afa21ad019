// Backfill commands refresh every embeddings view; the estimate and the search tester change nothing.
import { useChannelMutation } from '@/api/queries';

export const useEstimate = () => useChannelMutation('embeddings:estimate');
export const useStartJob = () => useChannelMutation('embeddings:start', { invalidates: ['embeddings:'] });
export const useControlJob = () => useChannelMutation('embeddings:control', { invalidates: ['embeddings:'] });
export const useWorkJob = () => useChannelMutation('embeddings:work', { invalidates: ['embeddings:'] });
export const useSemanticSearch = () => useChannelMutation('embeddings:search');
