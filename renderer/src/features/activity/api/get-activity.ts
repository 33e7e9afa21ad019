import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ActivityFilters, ActivityRow } from '@contract/activity';
import { callChannel } from '@/api/client';
import { channelQuery, keysetQuery } from '@/api/queries';
import { csvHeader, csvLines } from '../lib/activity-csv';

/** The activity feed under `filters`, newest first (keyset pages of 100). */
export const useActivity = (filters: ActivityFilters) =>
  useInfiniteQuery({ ...keysetQuery('activity:list', { filters }, { limit: 100 }), staleTime: 30_000 });

/** The staff who can be operators: the operator filter's choices. */
export const useStaff = () => useQuery(channelQuery('moderation:operators', { search: '' }, { staleTime: 5 * 60_000 }));

/** Exports stop here: a larger export is better asked of the database itself. */
export const EXPORT_LIMIT = 200_000;

/**
 * Every row under `filters` as CSV, read page by page (1,000 rows a call) from the same feed, so
 * the export is the filtered set, not the rows on screen. Stops at {@link EXPORT_LIMIT}.
 */
export async function exportActivityCsv(
  filters: ActivityFilters,
  onProgress: (rows: number) => void,
  signal?: AbortSignal,
): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const parts = [csvHeader()];
  let rows = 0;
  let cursor: Record<string, string | number | null> | null = null;
  for (;;) {
    const page: { rows: ActivityRow[]; next_cursor: Record<string, string | number | null> | null } = await callChannel(
      'activity:list',
      { filters, limit: 1000, cursor },
      signal,
    );
    parts.push(csvLines(page.rows));
    rows += page.rows.length;
    onProgress(rows);
    if (!page.next_cursor || page.rows.length === 0) return { csv: parts.join(''), rows, truncated: false };
    if (rows >= EXPORT_LIMIT) return { csv: parts.join(''), rows, truncated: true };
    cursor = page.next_cursor;
  }
}
