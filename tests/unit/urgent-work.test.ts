import { describe, expect, it } from 'vitest';
import {
  endedBackfills,
  MIN_INTERVAL_MS,
  newUrgentReports,
  NotificationThrottle,
  overduePending,
  URGENT_REPORT_REASONS,
  type ReportGroupSnapshot,
} from '../../electron/shells/electron/urgent-work';
import { parseLinkRoute } from '../../electron/api/deep-links';

const V1 = '11111111-1111-4111-8111-111111111111';
const V2 = '22222222-2222-4222-8222-222222222222';
const JOB = '33333333-3333-4333-8333-333333333333';
const T0 = Date.parse('2026-11-20T10:00:00Z');

describe('NotificationThrottle', () => {
  it('shows at most one notification per minute per kind', () => {
    const t = new NotificationThrottle();
    expect(t.decide('urgent-report', { now: T0, windowFocused: false })).toBe('show');
    expect(t.decide('urgent-report', { now: T0 + 1_000, windowFocused: false })).toBe('throttled');
    expect(t.decide('urgent-report', { now: T0 + MIN_INTERVAL_MS - 1, windowFocused: false })).toBe('throttled');
    // Other kinds have their own minute.
    expect(t.decide('backfill', { now: T0 + 1_000, windowFocused: false })).toBe('show');
    expect(t.decide('oldest-pending', { now: T0 + 2_000, windowFocused: false })).toBe('show');
    expect(t.decide('urgent-report', { now: T0 + MIN_INTERVAL_MS, windowFocused: false })).toBe('show');
  });

  it('stays quiet while the window is focused, and quiet does not use up the minute', () => {
    const t = new NotificationThrottle();
    expect(t.decide('backfill', { now: T0, windowFocused: true })).toBe('quiet');
    expect(t.decide('backfill', { now: T0 + 1, windowFocused: false })).toBe('show');
    expect(t.decide('backfill', { now: T0 + 2, windowFocused: true })).toBe('quiet');
  });
});

const group = (id: string, reports: [string, string][], title = 'A video'): ReportGroupSnapshot => ({
  target_type: 'video',
  target_id: id,
  target: { title },
  reports: reports.map(([reason, at]) => ({ reason, at })),
});

describe('newUrgentReports', () => {
  it('knows the urgent reasons the database has', () => {
    expect(URGENT_REPORT_REASONS).toEqual(['copyright']);
  });

  it('the first read only sets the watermark: waiting reports did not just arrive', () => {
    const r = newUrgentReports([group(V1, [['copyright', '2026-11-20T09:00:00Z']])], null, 'embedded');
    expect(r).toEqual({ alert: null, watermark: '2026-11-20T09:00:00Z' });
  });

  it('tells about a copyright report filed since, opening that item', () => {
    const groups = [
      group(
        V1,
        [
          ['spam', '2026-11-20T09:00:00Z'],
          ['copyright', '2026-11-20T09:30:00Z'],
        ],
        'Lecture 1',
      ),
      group(V2, [['abuse', '2026-11-20T09:40:00Z']]),
    ];
    const r = newUrgentReports(groups, '2026-11-20T09:10:00Z', 'embedded');
    expect(r.watermark).toBe('2026-11-20T09:40:00Z');
    expect(r.alert).toEqual({
      kind: 'urgent-report',
      title: 'Urgent report: copyright',
      body: 'On "Lecture 1".',
      route: `#/report/${V1}?profile=embedded`,
    });
    expect(parseLinkRoute(r.alert!.route)).toEqual({ kind: 'report', id: V1, profile: 'embedded' });
  });

  it('ignores reasons that are not urgent and reports already seen', () => {
    const groups = [
      group(V1, [
        ['copyright', '2026-11-20T09:00:00Z'],
        ['spam', '2026-11-20T09:30:00Z'],
        ['other', '2026-11-20T09:31:00Z'],
      ]),
    ];
    expect(newUrgentReports(groups, '2026-11-20T09:00:00Z', 'p').alert).toBeNull();
  });

  it('groups several urgent reports into one notification', () => {
    const groups = [group(V1, [['copyright', '2026-11-20T09:30:00Z']], 'Lecture 1'), group(V2, [['copyright', '2026-11-20T09:31:00Z']])];
    expect(newUrgentReports(groups, '2026-11-20T09:00:00Z', 'p').alert).toMatchObject({
      title: '2 urgent reports (copyright)',
      body: 'On 2 items, first "Lecture 1".',
    });
  });
});

describe('overduePending', () => {
  const oldest = { id: V1, title: 'Old one', created_at: '2026-11-18T10:00:00Z' };
  it('tells once the oldest pending video passes the age the admin set', () => {
    expect(overduePending(oldest, 24, T0, null, 'embedded')).toEqual({
      kind: 'oldest-pending',
      title: 'A submission has waited 2 days',
      body: '"Old one" is the oldest pending video.',
      route: `#/video/${V1}?profile=embedded`,
    });
    expect(overduePending(oldest, 72, T0, null, 'embedded')).toBeNull();
  });
  it('not again for the same video, nor when off or the queue is empty', () => {
    expect(overduePending(oldest, 24, T0, V1, 'p')).toBeNull();
    expect(overduePending({ ...oldest, id: V2 }, 24, T0, V1, 'p')).not.toBeNull();
    expect(overduePending(oldest, null, T0, null, 'p')).toBeNull();
    expect(overduePending(null, 1, T0, null, 'p')).toBeNull();
  });
});

describe('endedBackfills', () => {
  const job = { id: JOB, model: 'glove-50k', total: 320, done: 318, failed: 2 };
  it('tells when a running backfill finishes, with its failures, or is cancelled', () => {
    expect(endedBackfills(new Map([[JOB, 'running']]), [{ ...job, status: 'done' }], 'embedded')).toEqual([
      {
        kind: 'backfill',
        title: 'Backfill finished with 2 failures',
        body: 'glove-50k: 318 of 320 embedded.',
        route: `#/job/${JOB}?profile=embedded`,
      },
    ]);
    expect(endedBackfills(new Map([[JOB, 'paused']]), [{ ...job, failed: 0, status: 'done' }], 'p')[0]!.title).toBe('Backfill finished');
    expect(endedBackfills(new Map([[JOB, 'running']]), [{ ...job, status: 'cancelled' }], 'p')[0]!.title).toBe('Backfill cancelled');
  });
  it('says nothing of jobs that had ended before or were never seen running', () => {
    expect(endedBackfills(new Map(), [{ ...job, status: 'done' }], 'p')).toEqual([]);
    expect(endedBackfills(new Map([[JOB, 'done']]), [{ ...job, status: 'done' }], 'p')).toEqual([]);
    expect(endedBackfills(new Map([[JOB, 'running']]), [{ ...job, status: 'running' }], 'p')).toEqual([]);
  });
});
