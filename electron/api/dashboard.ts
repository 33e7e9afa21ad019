// The dashboard's contract: the one call's figures.
import { z } from 'zod';

const count = z.coerce.number().int();

export const dashboardSchema = z.object({
  days: z.number().int(),
  since: z.string(),
  pending: count,
  flagged: count,
  oldest_pending_at: z.string().nullable(),
  depth: z.array(z.object({ day: z.string(), pending: count, flagged: count })),
  decisions: z.array(z.object({ day: z.string(), operator: z.string(), operator_id: z.string(), n: count })),
  mix: z.record(z.string(), count),
  reports_by_reason: z.array(z.object({ reason: z.string(), n: count })),
  videos: count,
  embedded: count,
  trending_refreshed_at: z.string().nullable(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
