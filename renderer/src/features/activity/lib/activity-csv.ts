// The activity log as CSV (RFC 4180: comma, CRLF, quotes doubled), safe to open in a spreadsheet:
// a cell that would start a formula (= + - @, tab, CR) is prefixed with an apostrophe, so an
// audit reason such as "=HYPERLINK(…)" stays text. Pure, so it is unit-tested on its own.
import type { ActivityRow } from '@contract/activity';

export const CSV_COLUMNS = ['at', 'domain', 'action', 'operator', 'operator_id', 'target_type', 'target_id', 'target', 'summary'] as const;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvHeader = () => `${CSV_COLUMNS.join(',')}\r\n`;

export const csvLines = (rows: readonly ActivityRow[]) => rows.map((r) => `${CSV_COLUMNS.map((c) => csvCell(r[c])).join(',')}\r\n`).join('');
