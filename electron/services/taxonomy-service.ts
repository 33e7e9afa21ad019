// Taxonomy for the renderer: each call is one admin function, made as the active profile's
// operator. Destructive calls on a production profile need the profile's name typed.
import type { z } from 'zod';
import type * as T from '../api/taxonomy';
import { AdminError } from '../db/admin-error';
import type { ConnectionService } from './connections/connection-service';

type In<S extends z.ZodType> = z.output<S>;

export class TaxonomyService {
  constructor(private readonly connections: ConnectionService) {}

  private async call(fn: string, args: Record<string, unknown> = {}): Promise<unknown> {
    return (await this.connections.gateway()).call(fn, args);
  }

  private async asOperator(fn: string, args: Record<string, unknown>): Promise<unknown> {
    return this.call(fn, { p_operator: await this.connections.operatorId(), ...args });
  }

  private confirmDestructive(confirm: string | undefined, what: string): void {
    const p = this.connections.activeProfile();
    if (p.production && confirm !== p.name) {
      throw new AdminError({ code: 'confirmation_required', message: `"${p.name}" is a production profile: type its name to ${what}.` });
    }
  }

  tree() {
    return this.call('admin_category_tree');
  }

  saveCategory(input: In<typeof T.categoryInputSchema>) {
    return this.asOperator('admin_save_category', {
      p_name: input.name, p_slug: input.slug || null, p_description: input.description || null, p_icon: input.icon || null,
      p_color: input.color || null, p_parent_id: input.parentId, p_id: input.id ?? null, p_expected_updated_at: input.expectedUpdatedAt ?? null,
    });
  }

  moveCategory(input: In<typeof T.moveCategorySchema>) {
    return this.asOperator('admin_move_category', {
      p_id: input.id, p_parent_id: input.parentId, p_position: input.position, p_expected_updated_at: input.expectedUpdatedAt ?? null,
    });
  }

  deleteCategory(input: In<typeof T.deleteCategorySchema>) {
    this.confirmDestructive(input.confirm, 'delete a category');
    return this.asOperator('admin_delete_category', {
      p_id: input.id, p_videos_to: input.videosTo, p_children_to: input.childrenTo, p_expected_updated_at: input.expectedUpdatedAt ?? null,
    });
  }

  tags(input: In<typeof T.tagPageInputSchema>) {
    return this.call('admin_tag_page', { p_search: input.search, p_sort: input.sort, p_limit: input.limit, ...(input.cursor ? { p_cursor: input.cursor } : {}) });
  }

  saveTag(input: In<typeof T.tagInputSchema>) {
    return this.asOperator('admin_save_tag', {
      p_name: input.name, p_slug: input.slug || null, p_description: input.description || null, p_id: input.id ?? null,
      p_expected_updated_at: input.expectedUpdatedAt ?? null,
    });
  }

  deleteTag(input: { id: number; expectedUpdatedAt?: string; confirm?: string }) {
    this.confirmDestructive(input.confirm, 'delete a tag');
    return this.asOperator('admin_delete_tag', { p_id: input.id, p_expected_updated_at: input.expectedUpdatedAt ?? null });
  }

  mergeTags(input: In<typeof T.mergeTagsSchema> & { confirm?: string }) {
    this.confirmDestructive(input.confirm, 'merge tags');
    return this.asOperator('admin_merge_tags', { p_source_ids: input.sourceIds, p_target_id: input.targetId });
  }

  deleteUnused(confirm?: string) {
    this.confirmDestructive(confirm, 'delete the unused tags');
    return this.asOperator('admin_delete_unused_tags', {});
  }

  suggestions() {
    return this.call('admin_tag_suggestions', { p_limit: 50 });
  }

  videos(input: In<typeof T.pickerInputSchema>) {
    return this.call('admin_video_picker', {
      p_search: input.search, p_category_id: input.categoryId, p_tag_id: input.tagId, p_status: input.status, p_limit: input.limit,
      ...(input.cursor ? { p_cursor: input.cursor } : {}),
    });
  }

  bulkTag(input: In<typeof T.bulkTagSchema>) {
    return this.asOperator('admin_bulk_tag_videos', {
      p_video_ids: input.videoIds, p_add_tag_ids: input.addTagIds, p_remove_tag_ids: input.removeTagIds,
      p_set_category: input.setCategory, p_category_id: input.categoryId,
    });
  }

  audit(targetType: 'category' | 'tag', targetId: number) {
    return this.call('admin_taxonomy_audit', { p_target_type: targetType, p_target_id: targetId });
  }
}
