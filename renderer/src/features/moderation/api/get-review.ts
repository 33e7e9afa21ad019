import { useQuery } from '@tanstack/react-query';
import { channelQuery } from '@/api/queries';
import { shouldFetchReview } from '../lib/review-skim';

export const reviewQuery = (videoId: string) => channelQuery('moderation:review', { videoId });

/**
 * Everything about one video needed to decide on it; fetched once the cursor rests on it
 * (`settledId`), shown at once when cached. A fetch for an item the cursor left is cancelled.
 */
export const useReview = (videoId: string | null, settledId: string | null = videoId) =>
  useQuery({ ...reviewQuery(videoId ?? ''), enabled: shouldFetchReview(videoId, settledId) });
