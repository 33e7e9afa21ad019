// Moderation: the queues, the review pane, decisions on videos, comments and context notes,
// reports, undo, claims, rejection templates. Every decision is recorded as the operator.
import { z } from 'zod';
import * as M from '../api/moderation';
import { snakeArgs, sqlOperation, text } from './define-operation';

const none = z.object({}).strict();

export const moderationOperations = {
  'moderation:counts': sqlOperation({
    fn: 'admin_moderation_counts', role: 'moderator', operator: true,
    input: z.object({ since: z.string().nullable().optional() }).strict(), output: M.countsSchema,
    args: ({ since }) => (since ? { p_since: since } : {}),
  }),
  'moderation:queue': sqlOperation({ fn: 'admin_moderation_queue', role: 'moderator', operator: true, input: M.queueInputSchema, output: M.queuePageSchema }),
  'moderation:review': sqlOperation({ fn: 'admin_video_review', role: 'moderator', operator: true, input: z.object({ videoId: z.string().uuid() }).strict(), output: M.reviewSchema }),
  'moderation:act': sqlOperation({
    fn: 'admin_moderate_videos', role: 'moderator', operator: true, input: M.actOnVideosSchema, output: M.batchResultSchema,
    args: (i) => snakeArgs({ ...i, reason: text(i.reason), note: text(i.note) }),
  }),
  'moderation:update-metadata': sqlOperation({
    fn: 'admin_update_video_metadata', role: 'moderator', operator: true, input: M.updateMetadataSchema,
    output: z.object({ id: z.string(), updated_at: z.string(), audit_id: z.number() }),
    args: (i) => snakeArgs({ ...i, note: text(i.note) }),
  }),
  'moderation:undo': sqlOperation({ fn: 'admin_undo_moderation', role: 'moderator', operator: true, input: M.undoInputSchema, output: M.undoResultSchema }),
  'moderation:reports': sqlOperation({ fn: 'admin_report_queue', role: 'moderator', operator: true, input: M.pageInputSchema, output: M.reportPageSchema }),
  'moderation:dismiss-reports': sqlOperation({
    fn: 'admin_dismiss_reports', role: 'moderator', operator: true, input: M.dismissReportsSchema,
    output: z.object({ dismissed: z.number(), audit_id: z.number() }),
    args: (i) => snakeArgs({ ...i, note: text(i.note) }),
  }),
  'moderation:comments': sqlOperation({
    fn: 'admin_moderate_comments', role: 'moderator', operator: true, input: M.actOnCommentsSchema, output: M.batchResultSchema,
    args: (i) => snakeArgs({ ...i, note: text(i.note) }),
  }),
  'moderation:contexts-queue': sqlOperation({ fn: 'admin_context_queue', role: 'moderator', operator: true, input: M.pageInputSchema, output: M.contextPageSchema }),
  'moderation:contexts': sqlOperation({
    fn: 'admin_moderate_contexts', role: 'moderator', operator: true, input: M.actOnContextsSchema, output: M.batchResultSchema,
    args: (i) => snakeArgs({ ...i, reason: text(i.reason) }),
  }),
  'moderation:set-user-active': sqlOperation({
    fn: 'admin_set_user_active', role: 'moderator', operator: true, input: M.setUserActiveSchema,
    output: z.object({ id: z.string(), is_active: z.boolean(), audit_id: z.number() }),
    args: (i) => snakeArgs({ ...i, reason: text(i.reason) }),
  }),
  'moderation:claim': sqlOperation({ fn: 'admin_claim_item', role: 'moderator', operator: true, input: M.claimInputSchema, output: M.claimResultSchema }),
  'moderation:release': sqlOperation({
    fn: 'admin_release_claim', role: 'moderator', operator: true, input: M.claimInputSchema, output: z.object({ released: z.boolean() }),
    result: () => ({ released: true }),
  }),
  'moderation:reasons': sqlOperation({
    fn: 'admin_list_rejection_reasons', role: 'moderator', operator: true,
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(), output: z.array(M.rejectionReasonSchema),
  }),
  'moderation:save-reason': sqlOperation({ fn: 'admin_save_rejection_reason', role: 'moderator', operator: true, input: M.saveReasonSchema, output: M.rejectionReasonSchema }),
  'moderation:operators': sqlOperation({
    fn: 'admin_list_operators', role: null,
    input: z.object({ search: z.string().max(100).default('') }).strict(), output: z.array(M.operatorSchema),
    args: ({ search }) => ({ p_search: search, p_limit: 20 }),
  }),
  'moderation:taxonomy-options': sqlOperation({ fn: 'admin_taxonomy_options', role: 'moderator', operator: true, input: none, output: M.taxonomyOptionsSchema }),
};
