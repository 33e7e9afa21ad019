// The one error shape every failure reaches the renderer in (PostgREST's), whatever the backend.
import { z } from 'zod';

export const appErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.string().nullable(),
  hint: z.string().nullable(),
  /** For validation errors: field path → message, so forms can show them under the field. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;
