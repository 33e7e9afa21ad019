// The activity log's contract: its filters (the page's form reuses them) and its rows.
import { z } from 'zod';

export const ACTIVITY_DOMAINS = ['moderation', 'taxonomy', 'graph', 'staff', 'embeddings', 'migrations'] as const;
export type ActivityDomain = (typeof ACTIVITY_DOMAINS)[number];

export const activityCursorSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable();
const day = z.iso.date().or(z.iso.datetime({ offset: true }));

export const activityFiltersSchema = z
  .object({
    domain: z.enum(ACTIVITY_DOMAINS).optional(),
    action: z.string().trim().min(1).max(40).optional(),
    operatorId: z.uuid().optional(),
    /** Inclusive start and exclusive end: an ISO date (UTC midnight) or date-time. */
    from: day.optional(),
    to: day.optional(),
    q: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type ActivityFilters = z.infer<typeof activityFiltersSchema>;

export const activityRowSchema = z.object({
  at: z.string(),
  domain: z.enum(ACTIVITY_DOMAINS),
  key: z.string(),
  action: z.string(),
  /** Null for an applied migration: its operator is the OS or console user that applied it. */
  operator_id: z.string().nullable(),
  operator: z.string(),
  target_type: z.string(),
  target_id: z.string(),
  /** What the action was on, as a person reads it (a title, a tag, a link); null when it is gone. */
  target: z.string().nullable(),
  /** The console route that opens the item, when it has one. */
  href: z.string().nullable(),
  summary: z.string().nullable(),
});
export type ActivityRow = z.infer<typeof activityRowSchema>;
