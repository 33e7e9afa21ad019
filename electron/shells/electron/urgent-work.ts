// When the desktop app tells its user about urgent work — pure decisions, no Electron, no clock:
// the watcher (urgent-work-watcher.ts) feeds it what it read and shows what it returns.
//   - a report with an urgent reason arrives (the reasons of public.reports: spam, abuse,
//     misinformation, copyright, off_topic, duplicate, other — of these only `copyright` has a
//     legal deadline; there is no separate "legal" reason);
//   - the oldest pending video passes an age the admin set (once per video);
//   - a backfill finishes (with or without failures) or is cancelled.
// Quiet while the console window is focused; at most one notification per minute per kind.
import { toLinkRoute } from '../../api/deep-links';
import type { NotificationSettings } from '../../api/notifications';

export const URGENT_REPORT_REASONS: readonly string[] = ['copyright'];
export const MIN_INTERVAL_MS = 60_000;
// The choices' schema is the contract's: the Settings page edits them through the notifications channels.
export { NOTIFICATIONS_OFF, PENDING_AGE_CHOICES_HOURS, notificationSettingsSchema, type NotificationSettings } from '../../api/notifications';

export const isWatching = (s: NotificationSettings) => s.urgentReports || s.backfills || s.oldestPendingHours !== null;

export type AlertKind = 'urgent-report' | 'oldest-pending' | 'backfill';
/** A notification to show: what, and the console route a click opens. */
export type Alert = { kind: AlertKind; title: string; body: string; route: string };
export type Decision = 'show' | 'quiet' | 'throttled';

/** Quiet while the window is focused; one per kind per minute (what is not shown is dropped: the console shows it). */
export class NotificationThrottle {
  private readonly last = new Map<AlertKind, number>();
  constructor(private readonly minIntervalMs = MIN_INTERVAL_MS) {}

  decide(kind: AlertKind, { now, windowFocused }: { now: number; windowFocused: boolean }): Decision {
    if (windowFocused) return 'quiet';
    const last = this.last.get(kind);
    if (last !== undefined && now - last < this.minIntervalMs) return 'throttled';
    this.last.set(kind, now);
    return 'show';
  }
}

const route = (kind: 'video' | 'report' | 'job', id: string, profile: string) => toLinkRoute({ kind, id, profile });
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export type ReportGroupSnapshot = {
  target_type: string;
  target_id: string;
  target?: Record<string, unknown> | null;
  reports: { reason: string; at: string }[];
};

/**
 * Urgent reports filed after `watermark` (the newest report time seen so far). The first read
 * (watermark null) only sets the watermark: reports already waiting did not just arrive.
 */
export function newUrgentReports(
  groups: readonly ReportGroupSnapshot[],
  watermark: string | null,
  profile: string,
): { alert: Alert | null; watermark: string | null } {
  let newest = watermark;
  const fresh: { group: ReportGroupSnapshot; reason: string }[] = [];
  for (const group of groups) {
    for (const report of group.reports) {
      if (newest === null || report.at > newest) newest = report.at;
      if (watermark !== null && report.at > watermark && URGENT_REPORT_REASONS.includes(report.reason)) fresh.push({ group, reason: report.reason });
    }
  }
  if (!fresh.length) return { alert: null, watermark: newest };
  const first = fresh[0]!;
  const items = new Set(fresh.map((f) => f.group.target_id)).size;
  const title = typeof first.group.target?.title === 'string' ? first.group.target.title : first.group.target_type;
  return {
    watermark: newest,
    alert: {
      kind: 'urgent-report',
      title:
        fresh.length === 1
          ? `Urgent report: ${first.reason}`
          : `${plural(fresh.length, 'urgent report')} (${[...new Set(fresh.map((f) => f.reason))].join(', ')})`,
      body: items === 1 ? `On "${title}".` : `On ${plural(items, 'item')}, first "${title}".`,
      route: route('report', first.group.target_id, profile),
    },
  };
}

export type PendingSnapshot = { id: string; title: string; created_at: string };

/** The oldest pending video once it is older than the threshold; `notified` is the last one told about. */
export function overduePending(
  oldest: PendingSnapshot | null,
  hours: number | null,
  now: number,
  notified: string | null,
  profile: string,
): Alert | null {
  if (!oldest || hours === null || oldest.id === notified) return null;
  const ageMs = now - Date.parse(oldest.created_at);
  if (!(ageMs > hours * 3_600_000)) return null;
  const ageHours = Math.floor(ageMs / 3_600_000);
  const age = ageHours >= 48 ? plural(Math.floor(ageHours / 24), 'day') : plural(ageHours, 'hour');
  return {
    kind: 'oldest-pending',
    title: `A submission has waited ${age}`,
    body: `"${oldest.title}" is the oldest pending video.`,
    route: route('video', oldest.id, profile),
  };
}

export type JobSnapshot = { id: string; model: string; status: string; done: number; failed: number; total: number };

/** Backfills that ended since the last read (running or paused before, done or cancelled now). */
export function endedBackfills(previous: ReadonlyMap<string, string>, jobs: readonly JobSnapshot[], profile: string): Alert[] {
  const alerts: Alert[] = [];
  for (const job of jobs) {
    const before = previous.get(job.id);
    if (before !== 'running' && before !== 'paused') continue;
    if (job.status === 'done') {
      alerts.push({
        kind: 'backfill',
        title: job.failed > 0 ? `Backfill finished with ${plural(job.failed, 'failure')}` : 'Backfill finished',
        body: `${job.model}: ${job.done.toLocaleString('en')} of ${job.total.toLocaleString('en')} embedded.`,
        route: route('job', job.id, profile),
      });
    } else if (job.status === 'cancelled') {
      alerts.push({
        kind: 'backfill',
        title: 'Backfill cancelled',
        body: `${job.model}: ${job.done.toLocaleString('en')} of ${job.total.toLocaleString('en')} embedded.`,
        route: route('job', job.id, profile),
      });
    }
  }
  return alerts;
}
