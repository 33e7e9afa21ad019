import { useQuery } from '@tanstack/react-query';
import { channelQuery } from '@/api/queries';

/** The connection profiles and which one is active. */
export const useConnections = () => useQuery(channelQuery('connections:list', {}));

/** Version, shell, platform, data folder. */
export const useAppInfo = () => useQuery(channelQuery('app:info', {}, { staleTime: Infinity }));

/** Users who can be the profile's operator. */
export const useOperators = (search: string) => useQuery(channelQuery('moderation:operators', { search }));
