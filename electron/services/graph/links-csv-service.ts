// CSV import and export of links: the file is read and written here, and an import is applied
// only when every row passes (the database checks each row; a dry run whenever any is wrong).
import type { z } from 'zod';
import type * as G from '../../api/graph';
import type { DatabaseSession } from '../session';
import { readLinksCsv, writeLinksCsv } from './links-csv';

type SqlImport = {
  applied: boolean;
  ok: number;
  skipped: number;
  failed: number;
  results: { row: number; outcome: 'ok' | 'skipped' | 'error'; message?: string }[];
};

export class LinksCsvService {
  constructor(private readonly session: DatabaseSession) {}

  async importCsv(input: z.output<typeof G.importInputSchema>): Promise<G.ImportResult> {
    const { rows, problems } = readLinksCsv(input.csv);
    // Rows with local problems are never sent; the rest are checked by the database (a dry run
    // whenever anything is wrong, so nothing is half-written).
    const dryRun = input.dryRun || problems.length > 0;
    const sql = rows.length
      ? ((await (
          await this.session.gateway()
        ).call('admin_import_references', {
          p_operator: await this.session.operatorId(),
          p_rows: rows,
          p_dry_run: dryRun,
          p_skip_existing: input.skipExisting,
        })) as SqlImport)
      : { applied: false, ok: 0, skipped: 0, failed: 0, results: [] };
    const all = [...problems.map((p) => ({ row: p.row, outcome: 'error' as const, message: p.message })), ...sql.results].sort(
      (a, b) => a.row - b.row,
    );
    return {
      applied: sql.applied && !dryRun,
      dryRun: input.dryRun,
      ok: sql.ok,
      skipped: sql.skipped,
      failed: sql.failed + problems.length,
      rows: all,
    };
  }

  async exportCsv(videoId: string | null): Promise<{ csv: string; rows: number }> {
    const links = (await (
      await this.session.gateway()
    ).call('admin_export_references', { p_operator: await this.session.operatorId(), ...(videoId ? { p_video_id: videoId } : {}) })) as Parameters<
      typeof writeLinksCsv
    >[0];
    return { csv: writeLinksCsv(links), rows: links.length };
  }
}
