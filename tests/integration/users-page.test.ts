// The Users page's SQL: search and detail for moderators, nothing for anyone else. Each test is
// the need it serves or the attack it refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlAdminGateway } from '../../electron/db/sql-admin-gateway';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

type UserRow = { id: string; username: string; email: string; display_name: string | null; is_active: boolean; roles: string[] };
type Page = { rows: UserRow[]; next_cursor: { username: string } | null };
type Detail = {
  user: UserRow;
  counts: { submissions: number; comments: number; reports_filed: number };
  submissions: { id: string }[];
  comments: { id: string }[];
  reports_filed: { id: string }[];
  reports_received: { id: string; reporter: string }[];
  history_as_subject: { action: string; operator: string; target_type: string; reason: string | null }[];
  history_as_operator: { action: string }[];
  staff_history: { action: string; role: string }[] | null;
};

let t: TestDatabase;
let gw: SqlAdminGateway;
let ada: string;
let grace: string;
let hedy: string;
let plain: UserRow;

const id = async (username: string) => (await t.db.query<{ id: string }>('select id from public.users where username = $1', [username]))[0]!.id;
const page = (operator: string, args: Record<string, unknown> = {}) => gw.call('admin_user_page', { p_operator: operator, ...args }) as Promise<Page>;

beforeAll(async () => {
  t = await openTestDatabase('demo');
  gw = new SqlAdminGateway(t.db, false);
  [ada, grace, hedy] = [await id('ada_moderator'), await id('grace_moderator'), await id('hedy_curator')];
  plain = (
    await t.db.query<UserRow>(
      `select u.id, u.username, u.email, u.display_name from public.users u
        where u.is_active and not exists (select 1 from public.staff_roles s where s.user_id = u.id)
          and exists (select 1 from public.videos v where v.submitted_by = u.id) order by u.username limit 1`,
    )
  )[0]!;
});
afterAll(() => t.dispose());

describe('finding a user', () => {
  it('finds a user by part of their username, their e-mail in any case, their display name and their exact id', async () => {
    const byName = await page(grace, { p_search: plain.username.slice(1, -1) });
    expect(byName.rows.map((r) => r.id)).toContain(plain.id);
    const byEmail = await page(grace, { p_search: plain.email.toUpperCase() });
    expect(byEmail.rows.map((r) => r.id)).toEqual([plain.id]);
    if (plain.display_name) expect((await page(grace, { p_search: plain.display_name })).rows.map((r) => r.id)).toContain(plain.id);
    expect((await page(grace, { p_search: ` ${plain.id.toUpperCase()} ` })).rows.map((r) => r.username)).toEqual([plain.username]);
  });

  it('shows staff roles in the list, so an admin sees who is staff at a glance', async () => {
    const rows = (await page(ada, { p_search: '_moderator' })).rows;
    expect(rows.map((r) => [r.username, r.roles])).toEqual([
      ['ada_moderator', ['admin']],
      ['grace_moderator', ['moderator']],
    ]);
  });

  it('takes LIKE wildcards in a search literally: "%" does not list everybody', async () => {
    expect((await page(grace, { p_search: '%' })).rows).toEqual([]);
    expect((await page(grace, { p_search: '_' })).rows.every((r) => `${r.username} ${r.display_name ?? ''} ${r.email}`.includes('_'))).toBe(true);
  });

  it('pages by username with no row twice and none lost', async () => {
    const all = (await page(grace, { p_limit: 500 })).rows.map((r) => r.username);
    const seen: string[] = [];
    let cursor: Page['next_cursor'] = null;
    do {
      const p: Page = await page(grace, { p_limit: 3, p_cursor: cursor });
      seen.push(...p.rows.map((r) => r.username));
      cursor = p.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThan(3);
  });

  it("a search can use the trigram index: admin_user_page tests the index's very expression", async () => {
    const expression = "pg_catalog.lower(u.username || ' ' || coalesce(u.display_name, '') || ' ' || u.email)";
    const source = await t.db.query<{ src: string }>("select prosrc as src from pg_proc where proname = 'admin_user_page'");
    expect(source[0]!.src).toContain(`${expression} like v_pattern`);
    await t.db.query('set enable_seqscan = off');
    const plan = await t.db.query<{ 'QUERY PLAN': string }>(`explain select u.id from public.users u where ${expression} like '%grace%'`);
    await t.db.query('reset enable_seqscan');
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/idx_users_search_trgm/);
  });

  it('refuses a forged cursor and an oversized page with a message that says what to send', async () => {
    await expect(page(grace, { p_cursor: { id: 1 } })).rejects.toMatchObject({ code: '22023', message: expect.stringMatching(/next_cursor/) });
    await expect(page(grace, { p_limit: 5000 })).rejects.toMatchObject({ code: '22023' });
  });
});

describe('who may look', () => {
  it.each([
    ['a curator', () => hedy],
    ['a plain user', () => plain.id],
  ])('%s searching users or opening one is refused, naming the moderator role', async (_who, operator) => {
    await expect(page(operator())).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/needs the moderator role/) });
    await expect(gw.call('admin_user_detail', { p_operator: operator(), p_user_id: plain.id })).rejects.toMatchObject({ code: '42501' });
  });

  it('a curator trying to grant themselves the moderator role is refused and nothing changes', async () => {
    await expect(
      gw.call('admin_grant_staff_role', { p_operator: hedy, p_user_id: hedy, p_role: 'moderator', p_reason: 'self' }),
    ).rejects.toMatchObject({
      code: '42501',
    });
    expect((await gw.call('admin_my_roles', { p_operator: hedy })) as { roles: string[] }).toMatchObject({ roles: ['curator'] });
  });

  it('a moderator may not read the staff history, nor a user’s role changes in their detail', async () => {
    await expect(gw.call('admin_staff_history', { p_operator: grace })).rejects.toMatchObject({ code: '42501' });
    await expect(gw.call('admin_list_staff', { p_operator: grace })).rejects.toMatchObject({ code: '42501' });
    expect(((await gw.call('admin_user_detail', { p_operator: grace, p_user_id: hedy })) as Detail).staff_history).toBeNull();
  });
});

describe("a user's detail", () => {
  it('holds their submissions, comments, reports filed and received, and the decisions on them and by them', async () => {
    await gw.call('admin_set_user_active', {
      p_operator: grace,
      p_user_id: plain.id,
      p_active: false,
      p_expected_active: true,
      p_reason: 'Spam wave',
    });
    await gw.call('admin_set_user_active', { p_operator: grace, p_user_id: plain.id, p_active: true, p_expected_active: false });
    const d = (await gw.call('admin_user_detail', { p_operator: grace, p_user_id: plain.id })) as Detail;
    const count = async (sql: string) => Number((await t.db.query<{ n: string }>(sql, [plain.id]))[0]!.n);
    expect(d.user).toMatchObject({ id: plain.id, username: plain.username, is_active: true, roles: [] });
    expect(d.counts.submissions).toBe(await count('select count(*) as n from public.videos where submitted_by = $1'));
    expect(d.submissions.length).toBe(Math.min(20, d.counts.submissions));
    expect(d.counts.comments).toBe(await count('select count(*) as n from public.comments where user_id = $1'));
    expect(d.counts.reports_filed).toBe(await count('select count(*) as n from public.reports where reporter_id = $1'));
    expect(d.reports_received.length).toBe(
      Math.min(
        20,
        await count(`select count(*) as n from public.reports r
          where r.video_id in (select id from public.videos where submitted_by = $1)
             or r.comment_id in (select id from public.comments where user_id = $1)
             or r.context_id in (select id from public.video_contexts where author_id = $1)`),
      ),
    );
    expect(d.history_as_subject.slice(0, 2)).toEqual([
      expect.objectContaining({ action: 'reinstate_user', operator: 'grace_moderator', target_type: 'user' }),
      expect.objectContaining({ action: 'suspend_user', operator: 'grace_moderator', reason: 'Spam wave' }),
    ]);
    const graceDetail = (await gw.call('admin_user_detail', { p_operator: ada, p_user_id: grace })) as Detail;
    expect(graceDetail.history_as_operator.slice(0, 2).map((h) => h.action)).toEqual(['reinstate_user', 'suspend_user']);
    expect(graceDetail.staff_history).toEqual(expect.any(Array));
  });

  it('names a user that does not exist, and asks for one when none is given', async () => {
    await expect(gw.call('admin_user_detail', { p_operator: grace, p_user_id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'P0002',
    });
    await expect(gw.call('admin_user_detail', { p_operator: grace, p_user_id: null })).rejects.toMatchObject({ code: '22023' });
  });
});
