// Embedding-backfill channels' schemas.
import { z } from 'zod';

export const providerConfigSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('local') }).strict(),
  z
    .object({
      provider: z.literal('openai'),
      baseUrl: z.string().trim().url('Enter the API base URL, e.g. https://api.openai.com/v1'),
      model: z.string().trim().min(1, 'Name the model, e.g. text-embedding-3-small'),
      dimensions: z.number().int().min(1).max(1536, 'The column holds 1536 dimensions: pick 1536 or fewer.').optional(),
      pricePerMillionTokens: z.number().min(0).default(0),
    })
    .strict(),
]);
export type ProviderConfig = z.input<typeof providerConfigSchema>;

export const jobInputSchema = z
  .object({
    provider: providerConfigSchema,
    scope: z.enum(['missing', 'stale', 'all']),
    statuses: z.array(z.enum(['pending', 'approved', 'rejected', 'flagged'])).min(1, 'Pick at least one moderation status.'),
    batchSize: z.number().int().min(1).max(2048).default(64),
    concurrency: z.number().int().min(1).max(16).default(2),
  })
  .strict();
export type JobInput = z.input<typeof jobInputSchema>;

export const estimateSchema = z.object({ videos: z.number(), estimated_tokens: z.number(), estimated_cost: z.number() });
export const jobSchema = z
  .object({
    id: z.string(),
    provider: z.string(),
    model: z.string(),
    dimensions: z.number(),
    scope: z.string(),
    statuses: z.array(z.string()),
    status: z.enum(['running', 'paused', 'cancelled', 'done']),
    total: z.number(),
    done: z.number(),
    failed: z.number(),
    options: z.record(z.string(), z.unknown()),
    last_error: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    finished_at: z.string().nullable(),
    operator: z.string().optional(),
    leased: z.number().optional(),
    /** Its work items are still being written, a chunk at a time as it is worked: the total is the count at the start. */
    preparing: z.boolean().optional(),
  })
  .passthrough();
export type EmbeddingJob = z.infer<typeof jobSchema>;
export const failureSchema = z.object({ video_id: z.string(), title: z.string(), attempts: z.number(), error: z.string().nullable() });
export const coverageSchema = z.object({
  videos: z.number(),
  embedded: z.number(),
  stale: z.number(),
  by_model: z.array(z.object({ model: z.string(), videos: z.number() })),
  index_present: z.boolean(),
});
export const searchHitSchema = z.object({ id: z.string(), title: z.string(), moderation_status: z.string(), similarity: z.number() });
