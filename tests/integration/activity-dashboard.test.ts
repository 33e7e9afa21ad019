// The activity log (admin_activity) and the dashboard (admin_dashboard) on the demo database:
// what each role may read, the feed's order and keyset pages, its filters, bad input refused with
// nothing changed, and dashboard figures that are the database's own counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlAdminGateway } from '../../electron/db/sql-admin-gateway';
import type { SqlParam } from '../../electron/db/sql-connection';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

type Row = {
  at: string;
  domain: string;
  key: string;
  action: string;
  operator: string;
  operator_id: string | null;
  target_id: string;
  target: string | null;
  href: string | null;
};
type Page = { rows: Row[]; next_cursor: Record<string, string> | null };
type Dashboard = {
  pending: number;
  flagged: number;
  oldest_pending_at: string | null;
  depth: { day: string; pending: number; flagged: number }[];
  decisions: { day: string; operator: string; n: number }[];
  mix: Record<string, number>;
  reports_by_reason: { reason: string; n: number }[];
  videos: number;
  embedded: number;
};

let t: TestDatabase;
let gw: SqlAdminGateway;
let ada: string; // admin
let grace: string; // moderator
let hedy: string; // curator
let plain: string;
let approvedTitle: string;
let linkTarget: string;
let linkHref: string;
let plainName: string;

const one = async <T extends Record<string, unknown>>(sql: string, params: SqlParam[] = []) => (await t.db.query<T>(sql, params))[0]!;
const activity = (operator: string, filters: Record<string, unknown> = {}, limit = 100, cursor: unknown = null) =>
  gw.call('admin_activity', { p_operator: operator, p_filters: filters, p_limit: limit, p_cursor: cursor }) as Promise<Page>;

beforeAll(async () => {
  t = await openTestDatabase('demo');
  gw = new SqlAdminGateway(t.db, false);
  const id = async (username: string) => (await one<{ id: string }>('select id from public.users where username = $1', [username])).id;
  [ada, grace, hedy] = [await id('ada_moderator'), await id('grace_moderator'), await id('hedy_curator')];
  plain = (
    await one<{ id: string }>(
      'select u.id from public.users u where u.is_active and not exists (select 1 from public.staff_roles s where s.user_id = u.id) order by u.username limit 1',
    )
  ).id;
  // Something in every log: two video decisions by grace, one by ada, a tag by hedy, a link by hedy, a staff change by ada.
  const pending = await t.db.query<{ id: string; title: string }>(
    `select id, title from public.videos where moderation_status = 'pending' and submitted_by not in ($1, $2) order by created_at, id limit 3`,
    [grace, ada],
  );
  approvedTitle = pending[0]!.title;
  const decide = (operator: string, action: string, v: { id: string }) =>
    gw.call('admin_moderate_videos', {
      p_operator: operator,
      p_action: action,
      p_items: [{ id: v.id, expected_status: 'pending' }],
      p_reason: action === 'reject' ? 'Spam' : null,
    });
  await decide(grace, 'approve', pending[0]!);
  await decide(grace, 'reject', pending[1]!);
  await decide(ada, 'approve', pending[2]!);
  await gw.call('admin_save_tag', { p_operator: hedy, p_name: 'activity-log-test-tag' });
  const [a, b] = await t.db.query<{ id: string; title: string }>(
    "select id, title from public.videos where moderation_status = 'approved' order by id limit 2",
  );
  linkTarget = `${a!.title} → related → ${b!.title}`;
  linkHref = `#/graph/${a!.id}`;
  plainName = (await one<{ username: string }>('select username from public.users where id = $1', [plain])).username;
  await gw.call('admin_save_reference', { p_operator: hedy, p_source: a!.id, p_target: b!.id, p_type: 'related' });
  await gw.call('admin_grant_staff_role', { p_operator: ada, p_user_id: plain, p_role: 'curator' });
  await gw.call('admin_revoke_staff_role', { p_operator: ada, p_user_id: plain, p_role: 'curator' });
});
afterAll(() => t.dispose());

describe('admin_activity', () => {
  it('gives an admin every log in one feed, newest first, each row naming its operator and item', async () => {
    const { rows } = await activity(ada);
    expect(new Set(rows.map((r) => r.domain))).toEqual(new Set(['moderation', 'taxonomy', 'graph', 'staff', 'migrations']));
    const order = rows.map((r) => [r.at, r.domain, r.key].join(' '));
    for (let i = 1; i < rows.length; i++) {
      const [p, c] = [rows[i - 1]!, rows[i]!];
      // Times to the microsecond, in one offset: the text orders them (Date.parse stops at the millisecond).
      const before = p.at > c.at || (p.at === c.at && (p.domain < c.domain || (p.domain === c.domain && p.key > c.key)));
      expect(before, `${order[i - 1]} before ${order[i]}`).toBe(true);
    }
    const approved = rows.find((r) => r.domain === 'moderation' && r.target === approvedTitle)!;
    expect(approved).toMatchObject({ action: 'approve', operator: 'grace_moderator' });
    expect(approved.href).toMatch(/^#\/video\/[0-9a-f-]{36}$/);
    expect(rows.find((r) => r.domain === 'graph')).toMatchObject({ operator: 'hedy_curator', target: linkTarget, href: linkHref });
    expect(rows.filter((r) => r.domain === 'staff').map((r) => [r.action, r.target, r.href])).toEqual([
      ['revoke', `${plainName} · curator`, null],
      ['grant', `${plainName} · curator`, null],
    ]);
    expect(rows.find((r) => r.domain === 'taxonomy')).toMatchObject({ action: 'create', target: 'Tag activity-log-test-tag' });
  });

  it('pages by keyset: one row a page walks the same rows as one big page, none twice, none skipped', async () => {
    const all = (await activity(ada, {}, 1000)).rows.map((r) => `${r.domain}/${r.key}`);
    const walked: string[] = [];
    let cursor: unknown = null;
    for (let i = 0; i <= all.length; i++) {
      const page = await activity(ada, {}, 1, cursor);
      walked.push(...page.rows.map((r) => `${r.domain}/${r.key}`));
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
    expect(walked).toEqual(all);
  });

  it('filters by operator, action, domain, date range and text, and each filter narrows to exactly its rows', async () => {
    const byGrace = (await activity(ada, { operator_id: grace })).rows;
    expect(byGrace.map((r) => r.action).sort()).toEqual(['approve', 'reject']);
    expect(new Set(byGrace.map((r) => r.operator_id))).toEqual(new Set([grace]));
    expect((await activity(ada, { action: 'reject' })).rows.map((r) => r.operator)).toEqual(['grace_moderator']);
    expect((await activity(ada, { domain: 'staff' })).rows.map((r) => r.action)).toEqual(['revoke', 'grant']);
    expect((await activity(ada, { q: approvedTitle.slice(0, 12).toUpperCase() })).rows.some((r) => r.target === approvedTitle)).toBe(true);
    expect((await activity(ada, { to: '2000-01-01' })).rows).toEqual([]);
    expect((await activity(ada, { from: '2000-01-01' })).rows.length).toBe((await activity(ada)).rows.length);
  });

  it('shows an admin each migration the console applied, when and by whom, newest first; nobody else', async () => {
    const applied = await t.db.query<{ version: string; name: string; applied_by: string }>(
      `select c.version, h.name, c.applied_by from supabase_migrations.console_applied c
         join supabase_migrations.schema_migrations h using (version) order by c.applied_at desc, c.version desc`,
    );
    expect(applied.length).toBeGreaterThan(50);
    const { rows } = await activity(ada, { domain: 'migrations' }, 1000);
    expect(rows.map((r) => r.target)).toEqual(applied.map((m) => `${m.version} ${m.name}`));
    expect(rows[0]).toMatchObject({
      action: 'apply',
      operator: applied[0]!.applied_by,
      operator_id: null,
      target_id: applied[0]!.version,
      href: '#/migrations',
    });
    // Text search: the file's name in any case finds each file of that name (and no other).
    const byName = (await activity(ada, { q: 'CATEGORY_TREE_VERSION', domain: 'migrations' })).rows.map((r) => r.target_id);
    expect(byName).toEqual(applied.filter((m) => m.name.includes('category_tree_version')).map((m) => m.version));
    expect(byName.length).toBeGreaterThan(0);
    expect((await activity(ada, { action: 'apply' })).rows.every((r) => r.domain === 'migrations')).toBe(true);
    expect((await activity(ada, { operator_id: ada, domain: 'migrations' })).rows).toEqual([]);
    for (const operator of [grace, hedy]) {
      expect((await activity(operator, {}, 1000)).rows.some((r) => r.domain === 'migrations')).toBe(false);
      await expect(activity(operator, { domain: 'migrations' })).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('shows a moderator the moderation log only, a curator taxonomy and graph, and refuses a log their roles do not cover', async () => {
    expect(new Set((await activity(grace)).rows.map((r) => r.domain))).toEqual(new Set(['moderation']));
    expect(new Set((await activity(hedy)).rows.map((r) => r.domain))).toEqual(new Set(['taxonomy', 'graph']));
    await expect(activity(grace, { domain: 'staff' })).rejects.toMatchObject({
      code: '42501',
      message: expect.stringContaining('you can read moderation'),
    });
    await expect(activity(plain)).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('not staff') });
  });

  it.each([
    [{ domain: 'payments' }, /Unknown domain "payments"/],
    [{ colour: 'red' }, /Unknown filter "colour"/],
    [{ operator_id: 'ada' }, /not a user id/],
    [{ from: 'yesterday-ish' }, /not two dates/],
    [{ from: '2026-02-01', to: '2026-01-01' }, /ends .* before it starts/],
  ])('refuses bad filters %j with a message that says what is wrong', async (filters, message) => {
    await expect(activity(ada, filters)).rejects.toMatchObject({ code: '22023', message: expect.stringMatching(message) });
  });

  it('refuses a forged cursor and a page size out of range', async () => {
    await expect(activity(ada, {}, 10, { at: 'x', domain: 'moderation', key: '1' })).rejects.toMatchObject({ code: '22023' });
    await expect(activity(ada, {}, 10, { at: '2026-01-01T00:00:00Z', domain: 'moderation', key: "1' or 1=1" })).rejects.toMatchObject({
      code: '22023',
    });
    await expect(activity(ada, {}, 5000)).rejects.toMatchObject({ code: '22023' });
  });
});

describe('admin_dashboard', () => {
  it("reports the database's own counts: queues, oldest pending, decisions per moderator, the mix, reports by reason, coverage", async () => {
    const d = (await gw.call('admin_dashboard', { p_operator: ada, p_days: 30 })) as Dashboard;
    const counts = await one<{ pending: number; flagged: number; videos: number; embedded: number; oldest: string }>(
      `select count(*) filter (where moderation_status = 'pending')::int as pending, count(*) filter (where moderation_status = 'flagged')::int as flagged,
              count(*)::int as videos, (select count(*)::int from public.video_embeddings) as embedded,
              (select min(created_at) from public.videos where moderation_status = 'pending')::text as oldest
         from public.videos`,
    );
    expect(d).toMatchObject({ pending: counts.pending, flagged: counts.flagged, videos: counts.videos, embedded: counts.embedded });
    expect(Date.parse(d.oldest_pending_at!)).toBe(Date.parse(counts.oldest));
    const today = new Date().toISOString().slice(0, 10);
    expect(d.decisions).toEqual([
      { day: today, operator: 'ada_moderator', operator_id: ada, n: 1 },
      { day: today, operator: 'grace_moderator', operator_id: grace, n: 2 },
    ]);
    expect(d.mix).toEqual({ approve: 2, reject: 1 });
    const reasons = await t.db.query<{ reason: string; n: number }>(
      "select reason, count(*)::int as n from public.reports where status = 'open' group by reason order by n desc, reason",
    );
    expect(d.reports_by_reason).toEqual(reasons);
    expect(d.depth.at(-1)).toEqual({ day: today, pending: counts.pending, flagged: counts.flagged });
  });

  it("records today's depth once per day, keeps the latest reading, and writes nothing when it did not change", async () => {
    await gw.call('admin_dashboard', { p_operator: hedy, p_days: 7 });
    // An unchanged reading writes nothing, not even a row lock (which would make every refresh's
    // commit wait for a WAL flush): the row's xmax stays 0.
    await gw.call('admin_dashboard', { p_operator: hedy, p_days: 7 });
    expect((await one<{ xmax: string }>('select xmax::text as xmax from public.queue_depth_daily order by day desc limit 1')).xmax).toBe('0');
    const before = await one<{ n: number; pending: number }>('select count(*)::int as n, max(pending)::int as pending from public.queue_depth_daily');
    const v = await one<{ id: string }>(
      "select id from public.videos where moderation_status = 'pending' and submitted_by <> $1 order by created_at limit 1",
      [grace],
    );
    await gw.call('admin_moderate_videos', { p_operator: grace, p_action: 'approve', p_items: [{ id: v.id, expected_status: 'pending' }] });
    const d = (await gw.call('admin_dashboard', { p_operator: grace, p_days: 7 })) as Dashboard;
    const after = await one<{ n: number; pending: number }>('select count(*)::int as n, max(pending)::int as pending from public.queue_depth_daily');
    expect(after).toEqual({ n: before.n, pending: before.pending - 1 });
    expect(d.depth.at(-1)!.pending).toBe(before.pending - 1);
  });

  it('refuses a plain user and a period out of range, recording nothing', async () => {
    const rows = async () => (await one<{ n: number }>('select count(*)::int as n from public.queue_depth_daily')).n;
    await t.db.execute('delete from public.queue_depth_daily');
    await expect(gw.call('admin_dashboard', { p_operator: plain, p_days: 30 })).rejects.toMatchObject({ code: '42501' });
    await expect(gw.call('admin_dashboard', { p_operator: ada, p_days: 0 })).rejects.toMatchObject({
      code: '22023',
      message: expect.stringContaining('between 1 and 366'),
    });
    expect(await rows()).toBe(0);
  });
});

describe('grants', () => {
  it('no client role can call either function or read the depth table', async () => {
    for (const role of ['anon', 'authenticated']) {
      const r = await one<{ activity: boolean; dashboard: boolean; depth: boolean }>(
        `select has_function_privilege($1, 'public.admin_activity(uuid, jsonb, integer, jsonb)', 'execute') as activity,
                has_function_privilege($1, 'public.admin_dashboard(uuid, integer)', 'execute') as dashboard,
                has_table_privilege($1, 'public.queue_depth_daily', 'select') as depth`,
        [role],
      );
      expect(r).toEqual({ activity: false, dashboard: false, depth: false });
    }
  });
});
