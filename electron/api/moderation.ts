// The moderation channels' schemas: queues, the review pane, actions and their outcomes.
// Field limits mirror the database's (reason 2,000, note 5,000 characters; 1,000 items a call).
import { z } from 'zod';

const uuid = z.string().uuid('Not a valid id.');
const iso = z.string();

export const reasonSchema = z.string().trim().max(2000, 'Keep the reason under 2,000 characters.');
export const noteSchema = z.string().max(5000, 'Keep the note under 5,000 characters.');

export const queueNameSchema = z.enum(['pending', 'flagged']);
export const queueSortSchema = z.enum(['oldest', 'newest', 'most_reported']);
export const queueFiltersSchema = z
  .object({
    category_id: z.number().int().positive().optional(),
    platform: z.enum(['youtube', 'vimeo', 'dailymotion', 'other']).optional(),
    submitter: uuid.optional(),
    min_age_days: z.number().int().min(0).max(36500).optional(),
    max_age_days: z.number().int().min(0).max(36500).optional(),
    q: z.string().trim().max(200).optional(),
    has_duplicates: z.boolean().optional(),
  })
  .strict();
export type QueueFilters = z.infer<typeof queueFiltersSchema>;

const cursorSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable();

export const queueInputSchema = z
  .object({
    queue: queueNameSchema,
    sort: queueSortSchema.default('oldest'),
    limit: z.number().int().min(1).max(500).default(100),
    cursor: cursorSchema.optional(),
    filters: queueFiltersSchema.default({}),
  })
  .strict();

const claimSchema = z.object({ operator_id: z.string(), operator: z.string(), expires_at: iso }).nullable();

export const queueRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  platform: z.string(),
  platform_id: z.string(),
  url: z.string(),
  thumbnail_url: z.string().nullable(),
  channel_name: z.string().nullable(),
  duration_seconds: z.number().nullable(),
  category_id: z.number().nullable(),
  category_name: z.string().nullable(),
  submitted_by: z.string().nullable(),
  submitter_username: z.string().nullable(),
  created_at: iso,
  updated_at: iso,
  moderation_status: z.string(),
  is_featured: z.boolean().nullable(),
  open_report_count: z.number(),
  claim: claimSchema,
  possible_duplicates: z.boolean(),
});
export type QueueRow = z.infer<typeof queueRowSchema>;
export const queuePageSchema = z.object({ rows: z.array(queueRowSchema), next_cursor: cursorSchema });
export type QueuePage = z.infer<typeof queuePageSchema>;

export const countsSchema = z.object({
  pending: z.number(),
  flagged: z.number(),
  reports: z.number(),
  contexts: z.number(),
  new_pending: z.number(),
  new_flagged: z.number(),
  at: iso,
});
export type ModerationCounts = z.infer<typeof countsSchema>;

const lastChangeSchema = z
  .object({
    audit_id: z.number(),
    action: z.string(),
    operator_id: z.string(),
    operator: z.string(),
    from_state: z.string().nullable(),
    to_state: z.string().nullable(),
    at: iso,
  })
  .nullable();

export const itemResultSchema = z
  .object({
    id: z.string(),
    outcome: z.enum(['done', 'conflict', 'invalid']),
    message: z.string().optional(),
    status: z.string().optional(),
    updated_at: iso.optional(),
    audit_id: z.number().optional(),
    last_change: lastChangeSchema.optional(),
    /** A done approve or reject: the open reports it closed, counted per reason. */
    closed_reports: z.record(z.string(), z.number()).optional(),
  })
  .passthrough();
export type ItemResult = z.infer<typeof itemResultSchema>;
export const batchResultSchema = z.object({ batch_id: z.string(), done: z.number(), results: z.array(itemResultSchema) });
export type BatchResult = z.infer<typeof batchResultSchema>;

export const videoActionSchema = z.enum(['approve', 'reject', 'flag', 'reopen', 'feature', 'unfeature']);
export type VideoAction = z.infer<typeof videoActionSchema>;
const itemsSchema = <T extends z.ZodRawShape>(shape: T) =>
  z
    .array(z.object({ id: uuid, ...shape }).strict())
    .min(1, 'Select at least one item.')
    .max(1000, 'At most 1,000 items at once.');

export const actOnVideosSchema = z
  .object({
    action: videoActionSchema,
    items: itemsSchema({ expected_status: z.enum(['pending', 'approved', 'rejected', 'flagged']).optional(), expected_updated_at: iso.optional() }),
    reason: reasonSchema.optional(),
    note: noteSchema.optional(),
  })
  .strict()
  .refine((v) => v.action !== 'reject' || (v.reason ?? '').trim() !== '', { message: 'A rejection needs a reason.', path: ['reason'] });

export const reviewSchema = z.object({
  video: z
    .object({
      id: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      url: z.string(),
      platform: z.string(),
      platform_id: z.string(),
      thumbnail_url: z.string().nullable(),
      duration_seconds: z.number().nullable(),
      channel_name: z.string().nullable(),
      channel_url: z.string().nullable(),
      category_id: z.number().nullable(),
      category_name: z.string().nullable(),
      moderation_status: z.string(),
      moderation_notes: z.string().nullable(),
      is_featured: z.boolean().nullable(),
      created_at: iso,
      updated_at: iso,
      published_at: iso.nullable(),
      open_report_count: z.number(),
      tags: z.array(z.object({ id: z.number(), name: z.string() })),
    })
    .passthrough(),
  submitter: z
    .object({
      id: z.string(),
      username: z.string(),
      display_name: z.string().nullable(),
      created_at: iso.nullable(),
      is_active: z.boolean().nullable(),
      approved: z.number(),
      rejected: z.number(),
      pending: z.number(),
      flagged: z.number(),
    })
    .nullable(),
  timeline: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      operator: z.string(),
      from_state: z.string().nullable(),
      to_state: z.string().nullable(),
      reason: z.string().nullable(),
      note: z.string().nullable(),
      at: iso,
      undo_of: z.number().nullable(),
    }),
  ),
  reports: z.array(z.object({ reason: z.string(), details: z.string().nullable(), reporter: z.string(), at: iso })),
  duplicates: z.object({
    same_platform_id: z.array(z.object({ id: z.string(), title: z.string(), url: z.string(), platform: z.string(), status: z.string() })),
    similar_titles: z.array(z.object({ id: z.string(), title: z.string(), url: z.string(), status: z.string(), similarity: z.number() })),
    nearest: z.array(z.object({ id: z.string(), title: z.string(), url: z.string(), similarity: z.number() })).nullable(),
  }),
  claim: claimSchema,
});
export type VideoReview = z.infer<typeof reviewSchema>;

export const updateMetadataSchema = z
  .object({
    videoId: uuid,
    expectedUpdatedAt: iso,
    categoryId: z.number().int().positive().nullable(),
    tagIds: z.array(z.number().int().positive()).max(50, 'At most 50 tags on a video.'),
    note: noteSchema.optional(),
  })
  .strict();

export const undoInputSchema = z.object({ auditIds: z.array(z.number().int().positive()).min(1).max(1000) }).strict();
export const undoResultSchema = z.object({
  done: z.number(),
  results: z.array(
    z
      .object({
        audit_id: z.number(),
        id: z.string().optional(),
        outcome: z.enum(['done', 'conflict', 'invalid']),
        message: z.string().optional(),
        last_change: lastChangeSchema.optional(),
      })
      .passthrough(),
  ),
});
export type UndoResult = z.infer<typeof undoResultSchema>;

export const pageInputSchema = z.object({ limit: z.number().int().min(1).max(500).default(100), cursor: cursorSchema.optional() }).strict();
export const CONTEXT_KINDS = ['summary', 'timeline', 'quote', 'reference', 'note', 'keypoint'] as const;
export const contextQueueInputSchema = pageInputSchema
  .extend({ kind: z.enum(CONTEXT_KINDS).optional(), minAgeDays: z.number().int().min(0).max(36500).optional() })
  .strict();
export const REPORT_REASONS = ['spam', 'abuse', 'misinformation', 'copyright', 'off_topic', 'duplicate', 'other'] as const;
export const reportQueueInputSchema = pageInputSchema
  .extend({
    kind: z.enum(['video', 'comment', 'context']).optional(),
    reason: z.enum(REPORT_REASONS).optional(),
    minAgeDays: z.number().int().min(0).max(36500).optional(),
  })
  .strict();

export const reportGroupSchema = z.object({
  target_type: z.enum(['video', 'comment', 'context']),
  target_id: z.string(),
  report_count: z.number(),
  reasons: z.array(z.string()),
  first_reported_at: iso,
  last_reported_at: iso,
  reports: z.array(z.object({ reason: z.string(), details: z.string().nullable(), reporter: z.string(), at: iso })),
  target: z.record(z.string(), z.unknown()).nullable(),
});
export type ReportGroup = z.infer<typeof reportGroupSchema>;
export const reportPageSchema = z.object({ rows: z.array(reportGroupSchema), next_cursor: cursorSchema });

export const contextRowSchema = z.object({
  id: z.string(),
  video_id: z.string(),
  video_title: z.string(),
  context_type: z.string(),
  title: z.string().nullable(),
  content: z.string(),
  timestamp_seconds: z.number().nullable(),
  end_timestamp_seconds: z.number().nullable(),
  source_url: z.string().nullable(),
  is_ai_generated: z.boolean().nullable(),
  is_approved: z.boolean().nullable(),
  author_id: z.string().nullable(),
  author: z.string().nullable(),
  created_at: iso,
  updated_at: iso,
});
export type ContextRow = z.infer<typeof contextRowSchema>;
export const contextPageSchema = z.object({ rows: z.array(contextRowSchema), next_cursor: cursorSchema });

export const dismissReportsSchema = z
  .object({ targetType: z.enum(['video', 'comment', 'context']), targetId: uuid, note: noteSchema.optional() })
  .strict();
export const actOnCommentsSchema = z
  .object({
    action: z.enum(['remove', 'keep']),
    items: itemsSchema({ expected_is_deleted: z.boolean().optional() }),
    note: noteSchema.optional(),
  })
  .strict();
export const actOnContextsSchema = z
  .object({
    action: z.enum(['approve', 'reject']),
    items: itemsSchema({ expected_is_approved: z.boolean().optional(), expected_updated_at: iso.optional() }),
    reason: reasonSchema.optional(),
  })
  .strict()
  .refine((v) => v.action !== 'reject' || (v.reason ?? '').trim() !== '', { message: 'A rejection needs a reason.', path: ['reason'] });
export const claimInputSchema = z.object({ targetType: z.enum(['video', 'comment', 'context']), targetId: uuid }).strict();
export const claimResultSchema = z.object({ claimed: z.boolean(), operator_id: z.string(), operator: z.string().optional(), expires_at: iso });

export const rejectionReasonSchema = z
  .object({ id: z.number(), label: z.string(), body: z.string(), display_order: z.number(), is_active: z.boolean() })
  .passthrough();
export type RejectionReason = z.infer<typeof rejectionReasonSchema>;
export const saveReasonSchema = z
  .object({
    id: z.number().int().positive().optional(),
    label: z.string().trim().min(1, 'Give the template a label.').max(80, 'Keep the label under 80 characters.'),
    body: z.string().trim().min(1, 'Write the text the submitter sees.').max(2000, 'Keep the text under 2,000 characters.'),
    displayOrder: z.number().int().default(0),
    isActive: z.boolean().default(true),
  })
  .strict();

export const operatorSchema = z.object({ id: z.string(), username: z.string(), display_name: z.string().nullable() });
export type Operator = z.infer<typeof operatorSchema>;

export const taxonomyOptionsSchema = z.object({
  categories: z.array(z.object({ id: z.number(), name: z.string(), parent_id: z.number().nullable() })),
  tags: z.array(z.object({ id: z.number(), name: z.string() })),
});
export type TaxonomyOptions = z.infer<typeof taxonomyOptionsSchema>;

/** Ctrl-K's search across the console (admin_console_search): up to `limit` hits per kind. */
export const consoleSearchInputSchema = z
  .object({ query: z.string().trim().max(200, 'A search is at most 200 characters.'), limit: z.number().int().min(1).max(50).default(8) })
  .strict();
export const consoleSearchSchema = z.object({
  videos: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      platform: z.string(),
      platform_id: z.string(),
      status: z.string(),
      matched: z.enum(['id', 'url', 'platform_id', 'title']),
    }),
  ),
  users: z.array(z.object({ id: z.string(), username: z.string(), display_name: z.string().nullable(), is_active: z.boolean().nullable() })),
  tags: z.array(z.object({ id: z.number(), name: z.string(), video_count: z.number() })),
  categories: z.array(z.object({ id: z.number(), name: z.string(), parent: z.string().nullable() })),
});
export type ConsoleSearch = z.infer<typeof consoleSearchSchema>;
