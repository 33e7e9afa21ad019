// The embedded workspace acts as its demo moderator until an operator is picked. Looking that user
// up on every call searched the users table each time (38 of the 71 ms a queue-count call took at
// 100,000 videos): it is looked up once per connection, and the database still judges the operator
// on every call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleApp, type Harness } from '../support/console-app-harness';

let h: Harness;
beforeAll(() => {
  h = startConsoleApp();
});
afterAll(() => h.dispose());

const lookups = async () => {
  const stats = await (await h.app.connections.workspace()).schedulerStats(true);
  return Object.entries(stats.byLabel)
    .filter(([label]) => label.endsWith(' admin_list_operators'))
    .reduce((n, [, l]) => n + l.units, 0);
};

describe('the demo operator of the embedded workspace', () => {
  it('is looked up once per connection, not on every call', async () => {
    await h.call('moderation:counts', {});
    await lookups(); // reset the figures after the connection's first call
    for (let i = 0; i < 5; i++) await h.call('moderation:counts', {});
    expect(await lookups()).toBe(0);
  });

  it('is still judged by the database on every call: demoted, the next call is refused', async () => {
    const db = await h.app.connections.workspace();
    await db.query("delete from public.staff_roles where user_id = (select id from public.users where username = 'ada_moderator')");
    try {
      await expect(h.call('moderation:counts', {})).rejects.toMatchObject({ code: '42501' });
    } finally {
      await db.query(
        "insert into public.staff_roles (user_id, role) select id, 'moderator' from public.users where username = 'ada_moderator' on conflict do nothing",
      );
    }
    await expect(h.call('moderation:counts', {})).resolves.toMatchObject({ pending: expect.any(Number) });
  });
});
