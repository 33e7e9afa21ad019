// Numbers and times read the same everywhere: grouped digits, and the largest unit of time that
// fits ("2 years ago", never "24 mo ago").
import { describe, expect, it } from 'vitest';
import { formatClock, formatNumber, formatRelativeTime } from '../../../renderer/src/lib/format';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const S = 1000,
  M = 60 * S,
  H = 60 * M,
  D = 24 * H;

describe('formatNumber', () => {
  it('groups digits as the locale does', () => expect(formatNumber(45163)).toBe(new Intl.NumberFormat().format(45163)));
  it('is the same formatter everywhere (no raw digits for big counts)', () => expect(formatNumber(1_000_000)).not.toBe('1000000'));
});

describe('formatRelativeTime', () => {
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'always' });
  it.each([
    [30 * S, rtf.format(-30, 'second')],
    [5 * M, rtf.format(-5, 'minute')],
    [3 * H, rtf.format(-3, 'hour')],
    [3 * D, rtf.format(-3, 'day')],
    [45 * D, rtf.format(-2, 'month')],
    [730 * D, rtf.format(-2, 'year')],
  ])('%i ms ago', (ms, text) => expect(formatRelativeTime(ago(ms), NOW)).toBe(text));

  it('never says 24 months or 12 months', () => {
    expect(formatRelativeTime(ago(730 * D), NOW)).not.toMatch(/month/);
    expect(formatRelativeTime(ago(364 * D), NOW)).toBe(rtf.format(-11, 'month'));
  });
  it('never says 60 minutes or 24 hours', () => {
    expect(formatRelativeTime(ago(59 * M + 50 * S), NOW)).toBe(rtf.format(-59, 'minute'));
    expect(formatRelativeTime(ago(23 * H + 50 * M), NOW)).toBe(rtf.format(-23, 'hour'));
  });
  it('says the future as the future', () => expect(formatRelativeTime(new Date(NOW + 2 * H).toISOString(), NOW)).toBe(rtf.format(2, 'hour')));
});

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [75, '1:15'],
    [3754, '1:02:34'],
  ])('%i s is %s', (s, text) => expect(formatClock(s)).toBe(text));
  it('shows a dash for an unknown length', () => expect(formatClock(null)).toBe('—'));
});
