// The trending refresh: when it last ran, its schedule, refresh now, change the schedule.
import { useQuery } from '@tanstack/react-query';
import { channelQuery, useChannelMutation } from '@/api/queries';

export const useTrendingStatus = () => useQuery(channelQuery('maintenance:trending-status', {}, { refetchInterval: 30_000 }));
export const useRefreshTrending = () => useChannelMutation('maintenance:refresh-trending', { invalidates: ['maintenance:trending-status'] });
export const useScheduleTrending = () => useChannelMutation('maintenance:schedule-trending', { invalidates: ['maintenance:trending-status'] });
