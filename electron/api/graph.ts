// Reference-graph channels' schemas and the timestamp format shared by the editor and CSV
// import ("mm:ss" or "h:mm:ss", or plain seconds).
import { z } from 'zod';

export const LINK_TYPES = ['prerequisite', 'sequel', 'related', 'response', 'cited', 'contradicts'] as const;
export const linkTypeSchema = z.enum(LINK_TYPES, { message: `Use one of: ${LINK_TYPES.join(', ')}.` });
export type LinkType = z.infer<typeof linkTypeSchema>;

/** "1:02:03" → 3723, "2:05" → 125, "90" → 90; null when it is not a timestamp. */
export function parseTimestamp(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/.exec(t);
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

export function formatTimestamp(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
}

export const timestampTextSchema = z
  .string()
  .trim()
  .max(12)
  .refine((v) => v === '' || parseTimestamp(v) !== null, 'Write the moment as mm:ss or h:mm:ss.');

const uuid = z.string().uuid();
export const graphNodeSchema = z.object({
  id: z.string(),
  title: z.string(),
  thumbnail_url: z.string().nullable(),
  moderation_status: z.string(),
  duration_seconds: z.number().nullable(),
  url: z.string(),
  depth: z.number(),
});
export type GraphNode = z.infer<typeof graphNodeSchema>;
export const graphEdgeSchema = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  type: linkTypeSchema,
  note: z.string().nullable(),
  timestamp_seconds: z.number().nullable(),
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
export const neighbourhoodInputSchema = z
  .object({
    videoId: uuid,
    hops: z.number().int().min(1).max(3).default(1),
    types: z.array(linkTypeSchema).nullable().default(null),
    direction: z.enum(['out', 'in', 'both']).default('both'),
    limit: z.number().int().min(1).max(1000).default(150),
  })
  .strict();
export const neighbourhoodSchema = z.object({
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
  total: z.number(),
  truncated: z.boolean(),
});
export type Neighbourhood = z.infer<typeof neighbourhoodSchema>;

export const foundVideoSchema = z.object({
  id: z.string(),
  title: z.string(),
  moderation_status: z.string(),
  url: z.string(),
  duration_seconds: z.number().nullable(),
});
export type FoundVideo = z.infer<typeof foundVideoSchema>;

export const saveLinkSchema = z
  .object({
    id: uuid.optional(),
    source: uuid,
    target: uuid,
    type: linkTypeSchema,
    note: z.string().max(2000, 'Keep the note under 2,000 characters.').default(''),
    timestamp: timestampTextSchema.default(''),
  })
  .strict()
  .refine((v) => v.source !== v.target, { message: 'A video cannot link to itself.', path: ['target'] });
export type SaveLinkInput = z.input<typeof saveLinkSchema>;
export const linkRowSchema = z
  .object({
    id: z.string(),
    source_video_id: z.string(),
    target_video_id: z.string(),
    reference_type: z.string(),
    note: z.string().nullable(),
    timestamp_seconds: z.number().nullable(),
  })
  .passthrough();

export const chainEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  moderation_status: z.string(),
  duration_seconds: z.number().nullable(),
  depth: z.number(),
  longest: z.number(),
});
export const pathEntrySchema = z.object({ id: z.string(), title: z.string(), longest: z.number() });

export const importInputSchema = z
  .object({
    // 10 MB: larger files are split by the user (the message says so) rather than half-read.
    csv: z.string().max(10_000_000, 'The CSV is larger than 10 MB: split it into smaller files.'),
    dryRun: z.boolean().default(true),
    // Re-importing a file: links that already exist (same ends and type) count as skipped, not failed.
    skipExisting: z.boolean().default(false),
  })
  .strict();
export const importRowResultSchema = z.object({ row: z.number(), outcome: z.enum(['ok', 'skipped', 'error']), message: z.string().optional() });
export type ImportRowResult = z.infer<typeof importRowResultSchema>;
export const importResultSchema = z.object({
  applied: z.boolean(),
  dryRun: z.boolean(),
  ok: z.number(),
  skipped: z.number(),
  failed: z.number(),
  rows: z.array(importRowResultSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const suggestionsSchema = z.object({
  available: z.boolean(),
  rows: z.array(z.object({ id: z.string(), title: z.string(), similarity: z.number(), proposed_type: linkTypeSchema })),
});
export const historySchema = z.array(
  z.object({ id: z.number(), at: z.string(), operator: z.string(), action: z.string(), before: z.unknown(), after: z.unknown() }),
);
