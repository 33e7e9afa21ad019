// Scheduled maintenance as the renderer sees it: refreshes of trending_videos and their schedule.
import { z } from 'zod';

export const TRENDING_INTERVALS = [5, 10, 15, 30, 60, 120, 360, 720, 1440] as const;

export const trendingIntervalSchema = z
  .number()
  .int()
  .refine((n) => (TRENDING_INTERVALS as readonly number[]).includes(n), `Choose one of ${TRENDING_INTERVALS.join(', ')} minutes.`);

export const trendingRefreshSchema = z.object({
  refreshed_at: z.string(),
  duration_ms: z.number(),
  source: z.enum(['console', 'schedule', 'pg_cron']),
  operator: z.string().nullable().optional(),
});

export const trendingStatusSchema = z.object({
  interval_minutes: z.number().nullable(),
  /** Who keeps the schedule: the database's pg_cron, or this console while it runs. */
  runner: z.enum(['pg_cron', 'console']),
  cron_job: z.object({ jobid: z.number(), schedule: z.string(), command: z.string(), active: z.boolean() }).nullable(),
  cron_runs: z.array(
    z.object({
      start_time: z.string().nullable(),
      end_time: z.string().nullable(),
      status: z.string().nullable(),
      return_message: z.string().nullable(),
    }),
  ),
  recent: z.array(trendingRefreshSchema),
});
export type TrendingStatus = z.infer<typeof trendingStatusSchema>;
