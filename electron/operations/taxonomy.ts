// Taxonomy: the category tree, tags (rename, merge, clean-up, suggestions) and bulk tagging.
import { z } from 'zod';
import * as T from '../api/taxonomy';
import { serviceOperation, snakeArgs, sqlOperation, text } from './define-operation';

const none = z.object({}).strict();
const confirm = z.string().optional();

export const taxonomyOperations = {
  'taxonomy:tree': sqlOperation({
    fn: 'admin_category_tree',
    role: 'curator',
    operator: true,
    input: T.categoryTreeInputSchema,
    output: T.categoryTreeAnswerSchema,
  }),
  'taxonomy:save-category': sqlOperation({
    fn: 'admin_save_category',
    role: 'curator',
    operator: true,
    input: T.categoryInputSchema,
    output: T.categorySchema,
    args: (i) => ({
      p_name: i.name,
      p_slug: text(i.slug) ?? null,
      p_description: text(i.description) ?? null,
      p_icon: text(i.icon) ?? null,
      p_color: text(i.color) ?? null,
      p_parent_id: i.parentId,
      p_id: i.id ?? null,
      p_expected_updated_at: i.expectedUpdatedAt ?? null,
    }),
  }),
  'taxonomy:move-category': sqlOperation({
    fn: 'admin_move_category',
    role: 'curator',
    operator: true,
    input: T.moveCategorySchema,
    output: T.categorySchema,
    args: (i) => ({ ...snakeArgs(i), p_expected_updated_at: i.expectedUpdatedAt ?? null }),
  }),
  'taxonomy:delete-category': sqlOperation({
    fn: 'admin_delete_category',
    role: 'curator',
    operator: true,
    confirm: 'delete a category',
    input: T.deleteCategorySchema,
    output: z.object({ deleted: z.number(), videos_moved: z.number(), children_moved: z.number() }),
    args: (i) => ({ ...snakeArgs(i), p_expected_updated_at: i.expectedUpdatedAt ?? null }),
  }),
  'taxonomy:tags': sqlOperation({ fn: 'admin_tag_page', role: 'curator', operator: true, input: T.tagPageInputSchema, output: T.tagPageSchema }),
  'taxonomy:save-tag': sqlOperation({
    fn: 'admin_save_tag',
    role: 'curator',
    operator: true,
    input: T.tagInputSchema,
    output: T.tagSchema,
    args: (i) => ({
      p_name: i.name,
      p_slug: text(i.slug) ?? null,
      p_description: text(i.description) ?? null,
      p_id: i.id ?? null,
      p_expected_updated_at: i.expectedUpdatedAt ?? null,
    }),
  }),
  'taxonomy:delete-tag': sqlOperation({
    fn: 'admin_delete_tag',
    role: 'curator',
    operator: true,
    confirm: 'delete a tag',
    input: z.object({ id: z.number().int().positive(), expectedUpdatedAt: z.string().optional(), confirm }).strict(),
    output: z.object({ deleted: z.number(), videos: z.number() }),
    args: (i) => ({ p_id: i.id, p_expected_updated_at: i.expectedUpdatedAt ?? null }),
  }),
  'taxonomy:merge-tags': sqlOperation({
    fn: 'admin_merge_tags',
    role: 'curator',
    operator: true,
    confirm: 'merge tags',
    input: z.intersection(T.mergeTagsSchema, z.object({ confirm })),
    output: z.object({ target: z.number(), merged: z.number(), videos_added: z.number(), video_count: z.number() }),
  }),
  'taxonomy:delete-unused': sqlOperation({
    fn: 'admin_delete_unused_tags',
    role: 'curator',
    operator: true,
    confirm: 'delete the unused tags',
    input: z.object({ confirm }).strict(),
    output: z.object({ deleted: z.array(z.object({ id: z.number(), name: z.string() })) }),
  }),
  'taxonomy:suggestions': sqlOperation({
    fn: 'admin_tag_suggestions',
    role: 'curator',
    operator: true,
    input: none,
    output: z.array(T.suggestionSchema),
    args: () => ({ p_limit: 50 }),
  }),
  'taxonomy:semantic-suggestions': sqlOperation({
    fn: 'admin_tag_semantic_suggestions',
    role: 'curator',
    operator: true,
    input: none,
    output: z.array(T.suggestionSchema),
    args: () => ({ p_limit: 50 }),
  }),
  'taxonomy:embed-tags': serviceOperation({
    role: 'curator',
    input: none,
    output: T.tagEmbeddingSchema,
    run: (s) => s.embeddings.embedTagNames(),
  }),
  'taxonomy:videos': sqlOperation({
    fn: 'admin_video_picker',
    role: 'curator',
    operator: true,
    input: T.pickerInputSchema,
    output: T.pickerPageSchema,
  }),
  'taxonomy:bulk-tag': sqlOperation({
    fn: 'admin_bulk_tag_videos',
    role: 'curator',
    operator: true,
    input: T.bulkTagSchema,
    output: T.bulkTagResultSchema,
  }),
  'taxonomy:audit': sqlOperation({
    fn: 'admin_taxonomy_audit',
    role: 'curator',
    operator: true,
    input: z.object({ targetType: z.enum(['category', 'tag']), targetId: z.number().int().positive() }).strict(),
    output: z.array(T.auditEntrySchema),
  }),
};
