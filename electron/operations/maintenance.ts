// Scheduled maintenance: refresh trending_videos now, set its schedule (a pg_cron job where the
// database has pg_cron, else the console's timer), and read when it last ran.
import { z } from 'zod';
import { trendingIntervalSchema, trendingRefreshSchema, trendingStatusSchema } from '../api/maintenance';
import { sqlOperation } from './define-operation';

export const maintenanceOperations = {
  'maintenance:trending-status': sqlOperation({
    fn: 'admin_trending_status',
    role: 'moderator',
    operator: true,
    input: z.object({}).strict(),
    output: trendingStatusSchema,
  }),
  'maintenance:refresh-trending': sqlOperation({
    fn: 'admin_refresh_trending_videos',
    role: 'admin',
    operator: true,
    // schedule: the console's own timer (recorded as such).
    input: z.object({ source: z.enum(['console', 'schedule']).default('console') }).strict(),
    output: trendingRefreshSchema,
  }),
  'maintenance:schedule-trending': sqlOperation({
    fn: 'admin_schedule_trending_refresh',
    role: 'admin',
    operator: true,
    input: z.object({ intervalMinutes: trendingIntervalSchema.nullable() }).strict(),
    output: trendingStatusSchema,
  }),
};
