// Reads, once a minute, what the active profile's notification settings ask about — new urgent
// reports, the oldest pending video, backfills that ended — through the same handlers the page
// calls, and shows what urgent-work.ts decides. A read this profile's operator may not make (the
// backfill list is admins') is logged once and skipped.
import type { Channel } from '../../api/channels';
import type { Output } from '../../api/contract';
import type { ConsoleApp } from '../console-app';
import { handle } from '../handle';
import type { NotificationSettingsStore } from './notification-settings';
import { endedBackfills, isWatching, newUrgentReports, NotificationThrottle, overduePending, type Alert, type Decision } from './urgent-work';

/** At most this many report groups are read per check (10 pages of 500). */
const MAX_REPORT_PAGES = 10;

export type WatcherOptions = {
  app: ConsoleApp;
  settings: NotificationSettingsStore;
  isWindowFocused: () => boolean;
  show: (alert: Alert) => void;
  /** The active profile changed (the menu shows its settings). */
  onProfile?: (profileId: string) => void;
  now?: () => number;
};

export class UrgentWorkWatcher {
  private readonly throttle = new NotificationThrottle();
  private profile: string | null = null;
  private watermark: string | null = null;
  private notifiedPending: string | null = null;
  private jobs = new Map<string, string>();
  private readonly failing = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: WatcherOptions) {}

  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => void this.check(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One check (checks never overlap); returns what was decided for each alert. */
  check(): Promise<{ alert: Alert; decision: Decision }[]> {
    const next = this.running.catch(() => undefined).then(() => this.checkNow());
    this.running = next;
    return next;
  }

  private async call<C extends Channel>(channel: C, input: unknown): Promise<Output<C> | null> {
    const { app } = this.options;
    const result = await handle(app.handlers, channel, input, (s) => app.redactor.redact(s));
    if (result.ok) {
      this.failing.delete(channel);
      return result.data as Output<C>;
    }
    if (!this.failing.has(channel)) app.logger.warn(`notifications: cannot read ${channel} on this profile: ${result.error.message}`);
    this.failing.add(channel);
    return null;
  }

  private async checkNow(): Promise<{ alert: Alert; decision: Decision }[]> {
    const { app, settings, now = Date.now } = this.options;
    const { activeId } = await app.connections.list();
    if (activeId !== this.profile) {
      this.profile = activeId;
      this.watermark = null;
      this.notifiedPending = null;
      this.jobs = new Map();
      this.failing.clear();
      this.options.onProfile?.(activeId);
    }
    const wanted = settings.get(activeId);
    if (!isWatching(wanted)) return [];
    const alerts: Alert[] = [];

    if (wanted.urgentReports) {
      const groups: Output<'moderation:reports'>['rows'] = [];
      let cursor: unknown = undefined;
      let complete = true;
      for (let page = 0; page < MAX_REPORT_PAGES; page++) {
        const read: Output<'moderation:reports'> | null = await this.call('moderation:reports', { limit: 500, ...(cursor ? { cursor } : {}) });
        if (!read) {
          complete = false;
          break;
        }
        groups.push(...read.rows);
        cursor = read.next_cursor;
        if (!cursor) break;
      }
      if (complete) {
        const found = newUrgentReports(groups, this.watermark, activeId);
        this.watermark = found.watermark;
        if (found.alert) alerts.push(found.alert);
      }
    }
    if (wanted.oldestPendingHours !== null) {
      const page = await this.call('moderation:queue', { queue: 'pending', sort: 'oldest', limit: 1 });
      const oldest = page?.rows[0];
      const alert = overduePending(
        oldest ? { id: oldest.id, title: oldest.title, created_at: oldest.created_at } : null,
        wanted.oldestPendingHours,
        now(),
        this.notifiedPending,
        activeId,
      );
      if (alert) alerts.push(alert);
    }
    if (wanted.backfills) {
      const jobs = await this.call('embeddings:jobs', {});
      if (jobs) {
        alerts.push(...endedBackfills(this.jobs, jobs, activeId));
        this.jobs = new Map(jobs.map((j) => [j.id, j.status]));
      }
    }

    return alerts.map((alert) => {
      const decision = this.throttle.decide(alert.kind, { now: now(), windowFocused: this.options.isWindowFocused() });
      // A throttled pending alert comes again next minute; shown or quiet, it is told.
      if (alert.kind === 'oldest-pending' && decision !== 'throttled')
        this.notifiedPending = /\/video\/([0-9a-f-]{36})/.exec(alert.route)?.[1] ?? null;
      if (decision === 'show') this.options.show(alert);
      app.logger.info(`notification ${alert.kind}: ${decision}`);
      return { alert, decision };
    });
  }
}
