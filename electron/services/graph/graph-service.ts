// The reference graph for the renderer: one admin function per call, as the profile's operator;
// CSV is read and written here, and an import is applied only when every row passes.
import type { z } from 'zod';
import type * as G from '../../api/graph';
import { parseTimestamp } from '../../api/graph';
import type { ConnectionService } from '../connections/connection-service';
import { readLinksCsv, writeLinksCsv } from './links-csv';

type In<S extends z.ZodType> = z.output<S>;
type SqlImport = { applied: boolean; ok: number; failed: number; results: { row: number; outcome: 'ok' | 'error'; message?: string }[] };

export class GraphService {
  constructor(private readonly connections: ConnectionService) {}

  private async call(fn: string, args: Record<string, unknown> = {}): Promise<unknown> {
    return (await this.connections.gateway()).call(fn, args);
  }

  private async asOperator(fn: string, args: Record<string, unknown>): Promise<unknown> {
    return this.call(fn, { p_operator: await this.connections.operatorId(), ...args });
  }

  find(query: string) {
    return this.call('admin_find_videos', { p_query: query, p_limit: 20 });
  }

  neighbourhood(input: In<typeof G.neighbourhoodInputSchema>) {
    return this.call('admin_graph_neighbourhood', {
      p_video_id: input.videoId, p_hops: input.hops, p_types: input.types, p_direction: input.direction, p_limit: input.limit,
    });
  }

  saveLink(input: In<typeof G.saveLinkSchema>) {
    return this.asOperator('admin_save_reference', {
      p_source: input.source, p_target: input.target, p_type: input.type, p_note: input.note || null,
      p_timestamp_seconds: input.timestamp ? parseTimestamp(input.timestamp) : null, p_id: input.id ?? null,
    });
  }

  deleteLink(id: string) {
    return this.asOperator('admin_delete_reference', { p_id: id });
  }

  chain(videoId: string, direction: 'requires' | 'required_by') {
    return this.call('admin_prerequisite_chain', { p_video_id: videoId, p_direction: direction });
  }

  learningPath(videoId: string) {
    return this.call('admin_learning_path', { p_video_id: videoId });
  }

  saveLearningPath(videoId: string, title: string) {
    return this.asOperator('admin_save_learning_path', { p_video_id: videoId, p_title: title });
  }

  async importCsv(input: In<typeof G.importInputSchema>): Promise<G.ImportResult> {
    const { rows, problems } = readLinksCsv(input.csv);
    // Rows with local problems are never sent; the rest are checked by the database (a dry run
    // whenever anything is wrong, so nothing is half-written).
    const dryRun = input.dryRun || problems.length > 0;
    const sql = rows.length
      ? ((await this.asOperator('admin_import_references', { p_rows: rows, p_dry_run: dryRun })) as SqlImport)
      : { applied: false, ok: 0, failed: 0, results: [] };
    const all = [...problems.map((p) => ({ row: p.row, outcome: 'error' as const, message: p.message })), ...sql.results].sort((a, b) => a.row - b.row);
    return { applied: sql.applied && !dryRun, dryRun: input.dryRun, ok: sql.ok, failed: sql.failed + problems.length, rows: all };
  }

  async exportCsv(videoId: string | null): Promise<{ csv: string; rows: number }> {
    const links = (await this.call('admin_export_references', videoId ? { p_video_id: videoId } : {})) as Parameters<typeof writeLinksCsv>[0];
    return { csv: writeLinksCsv(links), rows: links.length };
  }

  suggestions(videoId: string) {
    return this.call('admin_link_suggestions', { p_video_id: videoId, p_limit: 10 });
  }

  history(videoId: string) {
    return this.call('admin_reference_history', { p_video_id: videoId });
  }
}
