import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';

export const connectionsQuery = () => queryOptions({ queryKey: ['connections'], queryFn: () => api['connections:list']({}) });
export const useConnections = () => useQuery(connectionsQuery());
