import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';

export const overviewQuery = () => queryOptions({ queryKey: ['database', 'overview'], queryFn: () => api['database:overview']({}) });
export const useOverview = () => useQuery(overviewQuery());
