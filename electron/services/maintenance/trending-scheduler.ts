// The console's timer for the trending refresh, where the database has no pg_cron (the embedded
// workspace, plain Postgres): while the console runs it checks the stored schedule of the active
// profile and refreshes when the last refresh is older than the interval. One per console
// process, composed in console-app.ts for both shells. With pg_cron the database keeps the
// schedule and this timer does nothing.
import { invokeSql } from '../../operations/run-operation';
import type { Logger } from '../logger';
import type { DatabaseSession } from '../session';

export type TickOutcome = 'refreshed' | 'not-due' | 'off' | 'pg_cron' | 'busy' | 'failed';

/** How often the timer checks; MAGNA_SCHEDULER_TICK_MS shortens it (tests). */
export function schedulerTickMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.MAGNA_SCHEDULER_TICK_MS);
  return Number.isInteger(ms) && ms >= 50 ? ms : 60_000;
}

export class TrendingScheduler {
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  private lastFailure: string | null = null;

  constructor(
    private readonly session: DatabaseSession,
    private readonly logger: Logger,
    private readonly tickMs = schedulerTickMs(),
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One check of the active profile's schedule; refreshes when due. Never throws. */
  async tick(now = Date.now()): Promise<TickOutcome> {
    if (this.busy) return 'busy';
    this.busy = true;
    try {
      const status = await invokeSql('maintenance:trending-status', {}, this.session);
      if (status.interval_minutes === null) return 'off';
      if (status.runner === 'pg_cron') return 'pg_cron';
      const last = status.recent[0]?.refreshed_at;
      if (last && now - Date.parse(last) < status.interval_minutes * 60_000) return 'not-due';
      const done = await invokeSql('maintenance:refresh-trending', { source: 'schedule' }, this.session);
      this.logger.info(`trending_videos refreshed on schedule in ${done.duration_ms} ms`);
      this.lastFailure = null;
      return 'refreshed';
    } catch (e) {
      // A profile without the schema, an operator or the admin role: said once, not every tick.
      const why = e instanceof Error ? e.message : String(e);
      if (why !== this.lastFailure) this.logger.warn(`scheduled trending refresh skipped: ${why}`);
      this.lastFailure = why;
      return 'failed';
    } finally {
      this.busy = false;
    }
  }
}
