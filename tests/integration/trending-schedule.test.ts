// The trending refresh on demand and on a schedule: every refresh is recorded (when, how long, by
// what and whom); the console's timer refreshes when the stored schedule says it is due, on the
// embedded workspace as on any database without pg_cron. The pg_cron branch cannot run here (no
// pg_cron in PGlite or the test server): what is tested of it is that its SQL stays behind the
// extension check (the functions work without the cron schema) and the cron expressions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOperatorId } from '../../electron/services/operators';
import { schedulerTickMs, TrendingScheduler } from '../../electron/services/maintenance/trending-scheduler';
import { startConsoleApp, type Harness } from '../support/console-app-harness';

let h: Harness;
beforeAll(() => {
  h = startConsoleApp();
});
afterAll(() => h.dispose());

const status = () => h.call('maintenance:trending-status', {});

describe('trending refresh', () => {
  it('the button refreshes now and records who did it and how long it took', async () => {
    const done = await h.call('maintenance:refresh-trending', {});
    expect(done.source).toBe('console');
    const s = await status();
    expect(s.recent[0]).toMatchObject({ source: 'console', operator: 'ada_moderator', refreshed_at: done.refreshed_at });
    expect(s.runner).toBe('console');
    expect(s.cron_job).toBeNull();
    // The dashboard says when trending was last refreshed.
    expect((await h.call('dashboard:summary', { days: 7 })).trending_refreshed_at).toBe(done.refreshed_at);
  });

  it("the console's timer refreshes when due, records it as the schedule, and leaves it alone otherwise", async () => {
    const scheduler = new TrendingScheduler(h.app.connections, h.app.logger);
    await h.call('maintenance:schedule-trending', { intervalMinutes: null });
    expect(await scheduler.tick()).toBe('off');
    const set = await h.call('maintenance:schedule-trending', { intervalMinutes: 5 });
    expect(set).toMatchObject({ interval_minutes: 5, runner: 'console', cron_job: null });
    // The button refreshed a moment ago: not due yet.
    expect(await scheduler.tick()).toBe('not-due');
    // Five minutes later it is.
    expect(await scheduler.tick(Date.now() + 5 * 60_000 + 1000)).toBe('refreshed');
    const s = await status();
    expect(s.recent[0]).toMatchObject({ source: 'schedule', operator: 'ada_moderator' });
    expect(await scheduler.tick()).toBe('not-due');
  });

  it('runs by itself on its timer while the console runs (MAGNA_SCHEDULER_TICK_MS shortens the tick)', async () => {
    expect(schedulerTickMs({ MAGNA_SCHEDULER_TICK_MS: '200' })).toBe(200);
    expect(schedulerTickMs({})).toBe(60_000);
    const before = (await status()).recent.filter((r) => r.source === 'schedule').length;
    await h.call('maintenance:schedule-trending', { intervalMinutes: 5 });
    // Make it due: the last refresh is backdated through the workspace's own connection.
    const { sql } = await h.app.connections.active();
    await sql!.execute("update private.trending_refreshes set refreshed_at = refreshed_at - interval '1 hour'");
    const scheduler = new TrendingScheduler(h.app.connections, h.app.logger, schedulerTickMs({ MAGNA_SCHEDULER_TICK_MS: '50' }));
    scheduler.start();
    try {
      await expect.poll(async () => (await status()).recent.filter((r) => r.source === 'schedule').length, { timeout: 30_000 }).toBe(before + 1);
    } finally {
      scheduler.stop();
    }
  });

  it('refuses an interval it does not offer, in SQL too, and changes nothing', async () => {
    await expect(h.send('maintenance:schedule-trending', { intervalMinutes: 7 })).rejects.toMatchObject({ code: 'invalid_input' });
    const gateway = await h.app.connections.gateway();
    const operator = await h.app.connections.operatorId();
    await expect(gateway.call('admin_schedule_trending_refresh', { p_operator: operator, p_interval_minutes: 7 })).rejects.toMatchObject({
      code: '22023',
      hint: expect.stringContaining('5, 10, 15'),
    });
    expect((await status()).interval_minutes).toBe(5);
  });

  it('lets a moderator read when it ran, but only an admin refresh or schedule it', async () => {
    const gateway = await h.app.connections.gateway();
    const moderator = (await findOperatorId(gateway, 'grace_moderator'))!;
    await expect(gateway.call('admin_trending_status', { p_operator: moderator })).resolves.toMatchObject({ runner: 'console' });
    await expect(gateway.call('admin_refresh_trending_videos', { p_operator: moderator })).rejects.toMatchObject({ code: '42501' });
    await expect(gateway.call('admin_schedule_trending_refresh', { p_operator: moderator, p_interval_minutes: null })).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('turns an interval into the pg_cron schedule it would give the job', async () => {
    const { sql } = await h.app.connections.active();
    const rows = await sql!.query<{ m: number; e: string }>(
      'select m, private.trending_cron_expression(m) as e from unnest(array[5, 30, 60, 120, 1440]) m order by m',
    );
    expect(rows.map((r) => r.e)).toEqual(['*/5 * * * *', '*/30 * * * *', '0 * * * *', '0 */2 * * *', '0 3 * * *']);
  });
});
