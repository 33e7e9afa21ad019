// Moderation for the renderer: each call is one admin function, made as the active profile's
// operator, with its output checked against the contract.
import type { z } from 'zod';
import type * as M from '../api/moderation';
import type { ConnectionService } from './connections/connection-service';

type In<T extends z.ZodType> = z.output<T>;

export class ModerationService {
  constructor(private readonly connections: ConnectionService) {}

  private async call(fn: string, args: Record<string, unknown> = {}): Promise<unknown> {
    return (await this.connections.gateway()).call(fn, args);
  }

  private async asOperator(fn: string, args: Record<string, unknown>): Promise<unknown> {
    return this.call(fn, { p_operator: await this.connections.operatorId(), ...args });
  }

  counts(since?: string | null) {
    return this.call('admin_moderation_counts', since ? { p_since: since } : {});
  }

  queue(input: In<typeof M.queueInputSchema>) {
    return this.call('admin_moderation_queue', {
      p_queue: input.queue, p_sort: input.sort, p_limit: input.limit, p_filters: input.filters, ...(input.cursor ? { p_cursor: input.cursor } : {}),
    });
  }

  review(videoId: string) {
    return this.call('admin_video_review', { p_video_id: videoId });
  }

  actOnVideos(input: In<typeof M.actOnVideosSchema>) {
    return this.asOperator('admin_moderate_videos', {
      p_action: input.action, p_items: input.items, ...(input.reason ? { p_reason: input.reason } : {}), ...(input.note ? { p_note: input.note } : {}),
    });
  }

  updateMetadata(input: In<typeof M.updateMetadataSchema>) {
    return this.asOperator('admin_update_video_metadata', {
      p_video_id: input.videoId, p_expected_updated_at: input.expectedUpdatedAt, p_category_id: input.categoryId, p_tag_ids: input.tagIds,
      ...(input.note ? { p_note: input.note } : {}),
    });
  }

  undo(auditIds: number[]) {
    return this.asOperator('admin_undo_moderation', { p_audit_ids: auditIds });
  }

  reports(input: In<typeof M.pageInputSchema>) {
    return this.call('admin_report_queue', { p_limit: input.limit, ...(input.cursor ? { p_cursor: input.cursor } : {}) });
  }

  contexts(input: In<typeof M.pageInputSchema>) {
    return this.call('admin_context_queue', { p_limit: input.limit, ...(input.cursor ? { p_cursor: input.cursor } : {}) });
  }

  dismissReports(input: In<typeof M.dismissReportsSchema>) {
    return this.asOperator('admin_dismiss_reports', { p_target_type: input.targetType, p_target_id: input.targetId, ...(input.note ? { p_note: input.note } : {}) });
  }

  actOnComments(input: In<typeof M.actOnCommentsSchema>) {
    return this.asOperator('admin_moderate_comments', { p_action: input.action, p_items: input.items, ...(input.note ? { p_note: input.note } : {}) });
  }

  actOnContexts(input: In<typeof M.actOnContextsSchema>) {
    return this.asOperator('admin_moderate_contexts', { p_action: input.action, p_items: input.items, ...(input.reason ? { p_reason: input.reason } : {}) });
  }

  setUserActive(input: In<typeof M.setUserActiveSchema>) {
    return this.asOperator('admin_set_user_active', {
      p_user_id: input.userId, p_active: input.active, p_expected_active: input.expectedActive, ...(input.reason ? { p_reason: input.reason } : {}),
    });
  }

  claim(input: In<typeof M.claimInputSchema>) {
    return this.asOperator('admin_claim_item', { p_target_type: input.targetType, p_target_id: input.targetId });
  }

  async release(input: In<typeof M.claimInputSchema>) {
    await this.asOperator('admin_release_claim', { p_target_type: input.targetType, p_target_id: input.targetId });
    return { released: true };
  }

  reasons(includeInactive: boolean) {
    return this.call('admin_list_rejection_reasons', { p_include_inactive: includeInactive });
  }

  saveReason(input: In<typeof M.saveReasonSchema>) {
    return this.call('admin_save_rejection_reason', {
      p_label: input.label, p_body: input.body, p_display_order: input.displayOrder, p_is_active: input.isActive, ...(input.id ? { p_id: input.id } : {}),
    });
  }

  operators(search: string) {
    return this.call('admin_list_operators', { p_search: search, p_limit: 20 });
  }

  taxonomyOptions() {
    return this.call('admin_taxonomy_options', {});
  }
}
