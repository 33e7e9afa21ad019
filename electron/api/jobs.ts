// Long work (migrations now; backfills and bulk operations later) runs as jobs in the main
// process and reports through one typed event channel.
import { z } from 'zod';
import { appErrorSchema } from './app-error';

export const jobEventSchema = z.object({
  jobId: z.string(),
  kind: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  done: z.number(),
  total: z.number(),
  message: z.string(),
  log: z.array(z.string()),
  startedAt: z.number(),
  error: appErrorSchema.nullable(),
});
export type JobEvent = z.infer<typeof jobEventSchema>;

export const jobStartedSchema = z.object({ jobId: z.string() });
