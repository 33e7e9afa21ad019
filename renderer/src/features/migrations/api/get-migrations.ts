import { useQuery } from '@tanstack/react-query';
import { channelQuery } from '@/api/queries';

/** Every shipped migration with its state in the database. */
export const useMigrationStatus = () => useQuery(channelQuery('migrations:status', {}));

/** One migration's SQL (files are immutable once released: never stale). */
export const useMigrationSql = (version: string | null) =>
  useQuery(channelQuery('migrations:sql', { version: version ?? '0' }, { staleTime: Infinity, enabled: version !== null }));

/** Rows per table, schema version, pgvector. */
export const useDatabaseOverview = () => useQuery(channelQuery('database:overview', {}));
