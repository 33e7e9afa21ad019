// CSV of links (csv-parse / csv-stringify): reading with a message per bad row, and writing.
// Columns: source, target (video id or URL), type, note, timestamp (mm:ss, h:mm:ss or seconds).
import { formatTimestamp, LINK_TYPES, linkTypeSchema, parseTimestamp } from '../../api/graph';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AdminError } from '../../db/admin-error';

export type CsvLinkRow = { row: number; source: string; target: string; type: string; note: string | null; timestamp_seconds: number | null };
export type CsvProblem = { row: number; message: string };

/** RFC 4180 records (csv-parse), without blank lines; a BOM is dropped. */
export function parseCsv(text: string): string[][] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new AdminError({
        code: 'csv_unterminated_quote',
        message: 'The CSV ends inside a quoted field.',
        hint: 'Check for a missing closing quote (").',
      });
    }
    throw new AdminError({ code: 'csv_malformed', message: `The CSV cannot be read: ${e instanceof Error ? e.message : String(e)}` });
  }
  return records.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Reads the links of a CSV; rows with problems are reported (numbered as in a spreadsheet) and left out. */
export function readLinksCsv(text: string): { rows: CsvLinkRow[]; problems: CsvProblem[] } {
  const table = parseCsv(text);
  if (table.length === 0)
    throw new AdminError({
      code: 'csv_empty',
      message: 'The CSV is empty.',
      hint: 'The first line names the columns: source,target,type,note,timestamp',
    });
  const header = table[0]!.map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [iSource, iTarget, iType, iNote, iTime] = [col('source'), col('target'), col('type'), col('note'), col('timestamp')];
  if (iSource < 0 || iTarget < 0 || iType < 0) {
    throw new AdminError({
      code: 'csv_header',
      message: `The CSV header must name the columns source, target and type (found: ${header.join(', ') || 'nothing'}).`,
      hint: 'Optional columns: note, timestamp (mm:ss). Source and target are video ids or URLs.',
    });
  }
  const rows: CsvLinkRow[] = [];
  const problems: CsvProblem[] = [];
  table.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const get = (j: number) => (j >= 0 ? (cells[j] ?? '').trim() : '');
    const source = get(iSource);
    const target = get(iTarget);
    const type = get(iType).toLowerCase();
    const timeText = get(iTime);
    if (!source || !target) return problems.push({ row, message: 'Source and target are required (a video id or URL).' });
    if (!linkTypeSchema.safeParse(type).success)
      return problems.push({ row, message: `Unknown type "${get(iType)}": use ${LINK_TYPES.join(', ')}.` });
    const seconds = timeText === '' ? null : parseTimestamp(timeText);
    if (timeText !== '' && seconds === null) return problems.push({ row, message: `"${timeText}" is not a timestamp: write mm:ss or h:mm:ss.` });
    const note = get(iNote);
    if (note.length > 2000) return problems.push({ row, message: 'The note is longer than 2,000 characters.' });
    rows.push({ row, source, target, type, note: note || null, timestamp_seconds: seconds });
  });
  return { rows, problems };
}

export function writeLinksCsv(
  links: { source_url: string; target_url: string; type: string; note: string | null; timestamp_seconds: number | null }[],
): string {
  const records = links.map((l) => [l.source_url, l.target_url, l.type, l.note ?? '', formatTimestamp(l.timestamp_seconds)]);
  return stringify([['source', 'target', 'type', 'note', 'timestamp'], ...records], { record_delimiter: 'windows' });
}
