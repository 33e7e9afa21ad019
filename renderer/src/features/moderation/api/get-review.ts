import { useQuery } from '@tanstack/react-query';
import { channelQuery } from '@/api/queries';

/** Everything about one video needed to decide on it. */
export const useReview = (videoId: string | null) => useQuery(channelQuery('moderation:review', { videoId: videoId ?? '' }, { enabled: videoId !== null }));
