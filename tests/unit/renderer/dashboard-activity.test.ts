// The pure parts of the dashboard and the activity log: chart series aligned to the period's days,
// CSV that a spreadsheet cannot turn into a formula, and filters from a hash that may be tampered with.
import { describe, expect, it } from 'vitest';
import type { ActivityRow } from '@contract/activity';
import { csvCell, csvHeader, csvLines } from '@/features/activity/lib/activity-csv';
import { filtersFromParams } from '@/features/activity/lib/activity-filters';
import { decisionSeries, depthSeries, percent, periodDays } from '@/features/dashboard/lib/dashboard-series';

describe('dashboard series', () => {
  it('lists every UTC day of the period, across a month end, today included', () => {
    expect(periodDays('2026-01-30T00:00:00+00:00', '2026-02-02T18:00:00Z')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
  });

  it('leaves a gap on a day with no queue reading instead of inventing a number', () => {
    const days = ['2026-03-01', '2026-03-02', '2026-03-03'];
    expect(
      depthSeries(days, [
        { day: '2026-03-01', pending: 5, flagged: 1 },
        { day: '2026-03-03', pending: 7, flagged: 0 },
      ]),
    ).toEqual({
      pending: [5, null, 7],
      flagged: [1, null, 0],
    });
  });

  it('gives each moderator one series, zero on days without decisions, and drops days outside the period', () => {
    const days = ['2026-03-01', '2026-03-02'];
    const series = decisionSeries(days, [
      { day: '2026-03-02', operator: 'grace', n: 3 },
      { day: '2026-03-01', operator: 'ada', n: 2 },
      { day: '2026-02-28', operator: 'ada', n: 9 },
    ]);
    expect(series).toEqual([
      { operator: 'ada', values: [2, 0] },
      { operator: 'grace', values: [0, 3] },
    ]);
  });

  it('gives 0% of nothing rather than NaN', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
  });
});

describe('activity CSV', () => {
  it('keeps a formula in an audit reason as text, and quotes commas, quotes and line breaks', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(null)).toBe('');
  });

  it('writes one CRLF line per row in the header order', () => {
    const row: ActivityRow = {
      at: '2026-11-26T10:00:00+00:00',
      domain: 'moderation',
      key: '0000000000000000001',
      action: 'reject',
      operator_id: 'u1',
      operator: 'grace',
      target_type: 'video',
      target_id: 'v1',
      target: 'A "title"',
      href: '#/video/v1',
      summary: 'Spam',
    };
    expect(csvHeader()).toBe('at,domain,action,operator,operator_id,target_type,target_id,target,summary\r\n');
    expect(csvLines([row])).toBe('2026-11-26T10:00:00+00:00,moderation,reject,grace,u1,video,v1,"A ""title""",Spam\r\n');
  });
});

describe('activity filters from the hash', () => {
  it('keeps the valid filters, drops a tampered one, and makes the last day inclusive', () => {
    const params = new URLSearchParams('domain=staff&operator=not-a-uuid&from=2026-11-01&to=2026-11-30&q=%20spam%20&action=grant');
    expect(filtersFromParams(params)).toEqual({ domain: 'staff', from: '2026-11-01', to: '2026-12-01', q: 'spam', action: 'grant' });
    expect(filtersFromParams(new URLSearchParams('domain=payments'))).toEqual({});
  });
});
