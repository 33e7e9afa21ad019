import { useQuery } from '@tanstack/react-query';
import type { Input } from '@contract/contract';
import { channelQuery } from '@/api/queries';

const NO_VIDEO = '00000000-0000-4000-8000-000000000000';

/** A video's neighbourhood: the videos within `hops` links and the links between them. */
export const useNeighbourhood = (p: Input<'graph:neighbourhood'> | null) =>
  useQuery(channelQuery('graph:neighbourhood', p ?? { videoId: NO_VIDEO }, { enabled: p !== null }));

/** Videos by title, URL or id (from 2 characters). */
export const useFindVideos = (query: string) => useQuery(channelQuery('graph:find', { query }, { enabled: query.trim().length >= 2 }));

/** The complete prerequisite chain (or the videos that require this one). */
export const useChain = (videoId: string, direction: 'requires' | 'required_by') => useQuery(channelQuery('graph:chain', { videoId, direction }));

/** Every prerequisite in the order to watch them. */
export const useLearningPath = (videoId: string) => useQuery(channelQuery('graph:learning-path', { videoId }));

/** Unlinked videos similar by embedding, with a proposed link type. */
export const useLinkSuggestions = (videoId: string) => useQuery(channelQuery('graph:suggestions', { videoId }));

/** The recorded link changes of a video. */
export const useLinkHistory = (videoId: string) => useQuery(channelQuery('graph:history', { videoId }));
