import { useQuery } from '@tanstack/react-query';
import { channelQuery } from '@/api/queries';

/** The dashboard's figures for the last `days` UTC days, refreshed every minute while shown. */
export const useDashboard = (days: number) => useQuery(channelQuery('dashboard:summary', { days }, { refetchInterval: 60_000 }));
