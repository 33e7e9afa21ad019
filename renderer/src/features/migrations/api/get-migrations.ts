import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';

export const migrationStatusQuery = () => queryOptions({ queryKey: ['migrations', 'status'], queryFn: () => api['migrations:status']({}) });
export const useMigrationStatus = () => useQuery(migrationStatusQuery());

export const migrationSqlQuery = (version: string) =>
  queryOptions({ queryKey: ['migrations', 'sql', version], queryFn: () => api['migrations:sql']({ version }), staleTime: Infinity });
export const useMigrationSql = (version: string | null) => useQuery({ ...migrationSqlQuery(version ?? ''), enabled: version !== null });
