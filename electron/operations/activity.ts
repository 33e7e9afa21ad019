// The activity log: every audit log (moderation, taxonomy, graph, staff, embedding backfills, the
// migrations the console applied) as one keyset-paged feed, newest first. Any staff role reads it;
// the SQL narrows the logs to the operator's roles (admin: all; moderator: moderation; curator:
// taxonomy and graph).
import { z } from 'zod';
import { activityCursorSchema, activityFiltersSchema, activityRowSchema } from '../api/activity';
import { sqlOperation } from './define-operation';

export const activityOperations = {
  'activity:list': sqlOperation({
    fn: 'admin_activity',
    role: 'moderator',
    operator: true,
    input: z
      .object({
        filters: activityFiltersSchema.default({}),
        limit: z.number().int().min(1).max(1000).default(100),
        cursor: activityCursorSchema.optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(activityRowSchema), next_cursor: activityCursorSchema }),
    // The SQL's filter keys are snake_case, like its columns.
    args: ({ filters: { operatorId, ...rest }, limit, cursor }) => ({
      p_filters: { ...rest, ...(operatorId ? { operator_id: operatorId } : {}) },
      p_limit: limit,
      p_cursor: cursor ?? null,
    }),
  }),
};
