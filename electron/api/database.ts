import { z } from 'zod';

export const databaseOverviewSchema = z.object({
  tables: z.array(z.object({ name: z.string(), rows: z.number(), exact: z.boolean() })),
  latest_migration: z.string().nullable(),
  applied_migrations: z.number(),
  pgvector_version: z.string().nullable(),
  postgres_version: z.string(),
  database: z.string(),
});
export type DatabaseOverview = z.infer<typeof databaseOverviewSchema>;

export const migrationStateSchema = z.enum(['applied', 'pending', 'modified', 'unknown']);
export const migrationStatusSchema = z.object({
  migrations: z.array(
    z.object({
      version: z.string(),
      name: z.string(),
      state: migrationStateSchema,
      fileName: z.string().nullable(),
      /** ISO time and who, where this console applied it; null where another tool did. */
      appliedAt: z.string().nullable(),
      appliedBy: z.string().nullable(),
    }),
  ),
  latestShipped: z.string().nullable(),
  latestApplied: z.string().nullable(),
  pending: z.number(),
  newerInDatabase: z.array(z.string()),
  /** Why migrations cannot run on this profile (e.g. a Supabase profile without a database URL). */
  unavailable: z.string().nullable(),
});
export type MigrationStatusView = z.infer<typeof migrationStatusSchema>;
