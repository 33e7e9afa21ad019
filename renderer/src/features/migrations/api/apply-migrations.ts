import { useChannelMutation } from '@/api/queries';

/** Starts applying the pending migrations as a job (its progress arrives as job events). */
export const useApplyMigrations = () => useChannelMutation('migrations:up');
