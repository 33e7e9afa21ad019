// How numbers, times and durations read everywhere in the console: one set of Intl formatters
// (the user's locale), so a count never shows as "45163" on one page and "45,163" on another.
// Pure (no DOM), so it is unit-tested on its own.

const numbers = new Intl.NumberFormat();
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'always' });

/** 45163 → "45,163" (in the user's locale). */
export const formatNumber = (n: number) => numbers.format(n);

const decimals = new Map<number, Intl.NumberFormat>();
/** 1234.5678 with 2 digits → "1,234.57"; for similarity scores, rates and costs. */
export function formatDecimal(n: number, digits: number): string {
  let f = decimals.get(digits);
  if (!f) decimals.set(digits, (f = new Intl.NumberFormat(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(n);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/**
 * "5 minutes ago", "3 days ago", "2 years ago": the largest unit that fits, rounded, and never
 * "12 months" or "24 hours" (those read as the next unit).
 */
export function formatRelativeTime(iso: string, now = Date.now()): string {
  const ms = Date.parse(iso) - now;
  const abs = Math.abs(ms);
  const sign = ms < 0 ? -1 : 1;
  const pick = (unit: Intl.RelativeTimeFormatUnit, size: number, max: number) => relative.format(sign * Math.min(max, Math.round(abs / size)), unit);
  if (abs < MINUTE) return pick('second', SECOND, 59);
  if (abs < HOUR) return pick('minute', MINUTE, 59);
  if (abs < DAY) return pick('hour', HOUR, 23);
  if (abs < MONTH) return pick('day', DAY, 29);
  if (abs < YEAR) return pick('month', MONTH, 11);
  return pick('year', YEAR, Number.MAX_SAFE_INTEGER);
}

/** A moment in full, in the user's locale: for tooltips and audit entries. */
export const formatDateTime = (iso: string | number) => new Date(iso).toLocaleString();
export const formatDate = (iso: string) => new Date(iso).toLocaleDateString();
export const formatTime = (iso: string) => new Date(iso).toLocaleTimeString();

/** A video's length: 754 → "12:34", 3754 → "1:02:34". */
export function formatClock(seconds: number | null): string {
  if (seconds === null) return '—';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
}

/** How long work will take: "45s", "3m 20s", "1h 5m". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m ${s % 60}s` : `${Math.floor(m / 60)}h ${m % 60}m`;
}

/** 20251117000001 → 2025-11-17 00:00:01 */
export function formatVersion(version: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(version);
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` : version;
}
