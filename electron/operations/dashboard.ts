// The dashboard, the console's home page: queue depth (today and per day), the oldest pending
// video, decisions per moderator per day, the decision mix, open reports by reason, embedding
// coverage — one set-based call. Any staff role reads it.
import { z } from 'zod';
import { dashboardSchema } from '../api/dashboard';
import { sqlOperation } from './define-operation';

export const dashboardOperations = {
  'dashboard:summary': sqlOperation({
    fn: 'admin_dashboard',
    role: 'moderator',
    operator: true,
    input: z.object({ days: z.number().int().min(1).max(366).default(30) }).strict(),
    output: dashboardSchema,
  }),
};
