// CSV of links: parsing (RFC 4180 quoting) with a message per bad row, and writing.
// Columns: source, target (video id or URL), type, note, timestamp (mm:ss, h:mm:ss or seconds).
import { formatTimestamp, LINK_TYPES, linkTypeSchema, parseTimestamp } from '../../api/graph';
import { AdminError } from '../../db/admin-error';

export type CsvLinkRow = { row: number; source: string; target: string; type: string; note: string | null; timestamp_seconds: number | null };
export type CsvProblem = { row: number; message: string };

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new AdminError({ code: 'csv_unterminated_quote', message: 'The CSV ends inside a quoted field.', hint: 'Check for a missing closing quote (").' });
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Reads the links of a CSV; rows with problems are reported (numbered as in a spreadsheet) and left out. */
export function readLinksCsv(text: string): { rows: CsvLinkRow[]; problems: CsvProblem[] } {
  const table = parseCsv(text.replace(/^\uFEFF/, ''));
  if (table.length === 0) throw new AdminError({ code: 'csv_empty', message: 'The CSV is empty.', hint: 'The first line names the columns: source,target,type,note,timestamp' });
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
    if (!linkTypeSchema.safeParse(type).success) return problems.push({ row, message: `Unknown type "${get(iType)}": use ${LINK_TYPES.join(', ')}.` });
    const seconds = timeText === '' ? null : parseTimestamp(timeText);
    if (timeText !== '' && seconds === null) return problems.push({ row, message: `"${timeText}" is not a timestamp: write mm:ss or h:mm:ss.` });
    const note = get(iNote);
    if (note.length > 2000) return problems.push({ row, message: 'The note is longer than 2,000 characters.' });
    rows.push({ row, source, target, type, note: note || null, timestamp_seconds: seconds });
  });
  return { rows, problems };
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function writeLinksCsv(links: { source_url: string; target_url: string; type: string; note: string | null; timestamp_seconds: number | null }[]): string {
  const lines = ['source,target,type,note,timestamp'];
  for (const l of links) lines.push([l.source_url, l.target_url, l.type, l.note ?? '', formatTimestamp(l.timestamp_seconds)].map(quote).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
