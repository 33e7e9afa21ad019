import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';

export const reviewQuery = (videoId: string) =>
  queryOptions({ queryKey: ['moderation', 'review', videoId], queryFn: () => api['moderation:review']({ videoId }) });
export const useReview = (videoId: string | null) => useQuery({ ...reviewQuery(videoId ?? ''), enabled: videoId !== null });
