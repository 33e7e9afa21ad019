// Operators who are who they say: every admin function checks the operator's staff role for its
// domain (moderation: moderator; taxonomy and graph: curator; embeddings and staff: admin; admin
// implies all), staff roles change only through audited admin functions, and no API role can read
// or write the staff tables. Each test is the attack it refuses.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlAdminGateway } from '../../electron/db/sql-admin-gateway';
import { readDeclarations } from '../../scripts/declarations/declaration-files';
import { asRole, openTestDatabase, type TestDatabase } from '../support/test-database';

type Staff = { ada: string; grace: string; hedy: string; plain: string };
type Fn = { name: string; args: string[] };

let t: TestDatabase;
let gw: SqlAdminGateway;
let u: Staff;
let operatorFunctions: (Fn & { role: string | null })[];

const ROLE_OF_DOMAIN: Record<string, string> = {
  moderation: 'moderator',
  taxonomy: 'curator',
  graph: 'curator',
  embeddings: 'admin',
  foundation: 'admin',
  users: 'moderator',
  // Any staff role: each answers with what the operator's roles cover.
  activity: 'any',
  dashboard: 'any',
  maintenance: 'admin',
};
/** Functions whose role is not their folder's: reading when trending was refreshed is for moderators too; every staff role searches. */
const ROLE_OF_FUNCTION: Record<string, string> = { admin_trending_status: 'moderator', admin_console_search: 'any' };
/** Any active user may ask which roles they hold. */
const NO_ROLE = new Set(['admin_my_roles']);
const refusal = (role: string) =>
  role === 'any' ? /is not staff: .* needs the moderator, curator or admin role/ : new RegExp(`needs the ${role} role`);

beforeAll(async () => {
  t = await openTestDatabase('demo');
  gw = new SqlAdminGateway(t.db, false);
  const id = async (sql: string) => (await t.db.query<{ id: string }>(sql))[0]!.id;
  u = {
    ada: await id("select id from public.users where username = 'ada_moderator'"),
    grace: await id("select id from public.users where username = 'grace_moderator'"),
    hedy: await id("select id from public.users where username = 'hedy_curator'"),
    plain: await id(
      'select u.id from public.users u where u.is_active and not exists (select 1 from public.staff_roles s where s.user_id = u.id) order by u.username limit 1',
    ),
  };
  // Every admin function that takes the operator, with the role its domain needs (from the folder of its declaration).
  const domains = new Map(
    (await readDeclarations(path.resolve(import.meta.dirname, '..', '..', 'supabase', 'schemas'))).map((d) => [d.name, d.path.split('/')[2]!]),
  );
  const fns = await t.db.query<Fn>(
    `select p.proname as name, p.proargnames[1:p.pronargs] as args from pg_proc p
      where p.pronamespace = 'public'::regnamespace and p.proname like 'admin\\_%' and p.proargnames[1] = 'p_operator' order by 1`,
  );
  operatorFunctions = fns.map((f) => ({
    ...f,
    role: NO_ROLE.has(f.name) ? null : (ROLE_OF_FUNCTION[f.name] ?? ROLE_OF_DOMAIN[domains.get(f.name)!]!),
  }));
});
afterAll(() => t.dispose());

/** Calls fn as PostgREST would, with every argument but the operator null; the error, if any. */
async function attempt(fn: Fn, operator: string): Promise<{ code: string; message: string } | null> {
  const args = Object.fromEntries(fn.args.map((a) => [a, a === 'p_operator' ? operator : null]));
  return gw.call(fn.name, args).then(
    () => null,
    (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
  );
}

describe('the operator', () => {
  it('takes the operator first in every admin function but the overview and the operator picker', async () => {
    expect(operatorFunctions.length).toBeGreaterThan(50);
    const without = await t.db.query<{ name: string }>(
      `select p.proname as name from pg_proc p where p.pronamespace = 'public'::regnamespace and p.proname like 'admin\\_%'
          and p.proargnames[1] is distinct from 'p_operator' order by 1`,
    );
    expect(without.map((f) => f.name)).toEqual(['admin_database_overview', 'admin_list_operators']);
  });

  it('a plain user chosen as the operator is refused by every admin function, which names the role needed', async () => {
    for (const fn of operatorFunctions.filter((f) => f.role)) {
      const err = await attempt(fn, u.plain);
      expect(err, fn.name).toMatchObject({ code: '42501', message: expect.stringMatching(refusal(fn.role!)) });
    }
  });

  it.each([
    ['grace (moderator)', 'grace', 'moderator'],
    ['hedy (curator)', 'hedy', 'curator'],
  ] as const)("%s trying another domain's functions is refused; her own domain lets her through", async (_label, who, role) => {
    for (const fn of operatorFunctions.filter((f) => f.role)) {
      const err = await attempt(fn, u[who]);
      if (fn.role === role || fn.role === 'any') expect(err?.message ?? '', fn.name).not.toMatch(/needs the \w+ role|is not staff/);
      else expect(err, fn.name).toMatchObject({ code: '42501', message: expect.stringMatching(refusal(fn.role!)) });
    }
  });

  it('an admin passes every staff check', async () => {
    for (const fn of operatorFunctions) expect((await attempt(fn, u.ada))?.message ?? '', fn.name).not.toMatch(/needs the \w+ role/);
  });

  it('a suspended staff member is no operator at all', async () => {
    await gw.call('admin_set_user_active', { p_operator: u.ada, p_user_id: u.grace, p_active: false, p_expected_active: true, p_reason: 'On leave' });
    await expect(gw.call('admin_moderation_counts', { p_operator: u.grace })).rejects.toMatchObject({ code: '22023' });
    expect(((await gw.call('admin_list_operators', {})) as { username: string }[]).map((o) => o.username)).not.toContain('grace_moderator');
    await gw.call('admin_set_user_active', { p_operator: u.ada, p_user_id: u.grace, p_active: true, p_expected_active: false });
  });

  it('only staff can be picked: the operator list holds the three demo staff and nobody else', async () => {
    const listed = (await gw.call('admin_list_operators', { p_limit: 100 })) as { username: string }[];
    expect(listed.map((o) => o.username)).toEqual(['ada_moderator', 'grace_moderator', 'hedy_curator']);
  });

  it('a moderator cannot suspend an admin (only an admin suspends staff)', async () => {
    await expect(
      gw.call('admin_set_user_active', { p_operator: u.grace, p_user_id: u.ada, p_active: false, p_expected_active: true, p_reason: 'Coup' }),
    ).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(refusal('admin')) });
    expect((await t.db.query<{ is_active: boolean }>('select is_active from public.users where id = $1', [u.ada]))[0]!.is_active).toBe(true);
  });
});

describe('staff roles', () => {
  it('tells an operator their own roles, what they imply, and a plain user that they hold none', async () => {
    expect(await gw.call('admin_my_roles', { p_operator: u.ada })).toMatchObject({
      username: 'ada_moderator',
      roles: ['admin'],
      effective: ['moderator', 'curator', 'admin'],
    });
    expect(await gw.call('admin_my_roles', { p_operator: u.hedy })).toMatchObject({ roles: ['curator'], effective: ['curator'] });
    expect(await gw.call('admin_my_roles', { p_operator: u.plain })).toMatchObject({ roles: [], effective: [] });
  });

  it('are granted and revoked by an admin only, each change audited', async () => {
    await expect(gw.call('admin_grant_staff_role', { p_operator: u.grace, p_user_id: u.grace, p_role: 'admin' })).rejects.toMatchObject({
      code: '42501',
      message: expect.stringMatching(refusal('admin')),
    });
    await expect(gw.call('admin_grant_staff_role', { p_operator: u.plain, p_user_id: u.plain, p_role: 'moderator' })).rejects.toMatchObject({
      code: '42501',
    });

    const granted = (await gw.call('admin_grant_staff_role', {
      p_operator: u.ada,
      p_user_id: u.hedy,
      p_role: 'moderator',
      p_reason: 'Cover for grace',
    })) as { audit_id: number; roles: string[] };
    expect(granted.roles).toEqual(['curator', 'moderator']);
    await expect(gw.call('admin_moderation_counts', { p_operator: u.hedy })).resolves.toMatchObject({ pending: expect.any(Number) });
    await expect(gw.call('admin_grant_staff_role', { p_operator: u.ada, p_user_id: u.hedy, p_role: 'moderator' })).rejects.toMatchObject({
      code: 'PT409',
    });

    const revoked = (await gw.call('admin_revoke_staff_role', { p_operator: u.ada, p_user_id: u.hedy, p_role: 'moderator' })) as {
      audit_id: number;
      roles: string[];
    };
    expect(revoked.roles).toEqual(['curator']);
    await expect(gw.call('admin_moderation_counts', { p_operator: u.hedy })).rejects.toMatchObject({ code: '42501' });
    await expect(gw.call('admin_revoke_staff_role', { p_operator: u.ada, p_user_id: u.hedy, p_role: 'moderator' })).rejects.toMatchObject({
      code: 'PT409',
    });
    await expect(gw.call('admin_grant_staff_role', { p_operator: u.ada, p_user_id: u.hedy, p_role: 'owner' })).rejects.toMatchObject({
      code: '22023',
    });

    const history = (await gw.call('admin_staff_history', { p_operator: u.ada })) as {
      id: number;
      operator: string;
      action: string;
      username: string;
      role: string;
      reason: string | null;
    }[];
    expect(history.slice(0, 2)).toEqual([
      expect.objectContaining({ id: revoked.audit_id, operator: 'ada_moderator', action: 'revoke', username: 'hedy_curator', role: 'moderator' }),
      expect.objectContaining({
        id: granted.audit_id,
        operator: 'ada_moderator',
        action: 'grant',
        username: 'hedy_curator',
        role: 'moderator',
        reason: 'Cover for grace',
      }),
    ]);
    const staff = (await gw.call('admin_list_staff', { p_operator: u.ada })) as { username: string; roles: { role: string }[] }[];
    expect(staff.map((s) => [s.username, s.roles.map((r) => r.role)])).toEqual([
      ['ada_moderator', ['admin']],
      ['grace_moderator', ['moderator']],
      ['hedy_curator', ['curator']],
    ]);
  });

  it('never leave the database without an active admin, and are never granted to a suspended user', async () => {
    await expect(gw.call('admin_revoke_staff_role', { p_operator: u.ada, p_user_id: u.ada, p_role: 'admin' })).rejects.toMatchObject({
      code: '23514',
    });
    expect(await gw.call('admin_my_roles', { p_operator: u.ada })).toMatchObject({ roles: ['admin'] });
    await gw.call('admin_set_user_active', { p_operator: u.ada, p_user_id: u.plain, p_active: false, p_expected_active: true, p_reason: 'Spam' });
    await expect(gw.call('admin_grant_staff_role', { p_operator: u.ada, p_user_id: u.plain, p_role: 'moderator' })).rejects.toMatchObject({
      code: '22023',
    });
    await gw.call('admin_set_user_active', { p_operator: u.ada, p_user_id: u.plain, p_active: true, p_expected_active: false });
  });

  it.each(['anon', 'authenticated', 'service_role'] as const)('%s can neither read nor write the staff tables', async (role) => {
    const sub = role === 'authenticated' ? u.plain : null;
    for (const sql of [
      'select * from public.staff_roles',
      `insert into public.staff_roles (user_id, role) values ('${u.plain}', 'admin')`,
      `update public.staff_roles set role = 'admin' where user_id = '${u.grace}'`,
      `delete from public.staff_roles where user_id = '${u.ada}'`,
      `insert into public.staff_audit_log (operator_id, action, user_id, role) values ('${u.ada}', 'grant', '${u.plain}', 'admin')`,
    ]) {
      await expect(
        asRole(t.db, role, sub, (tx) => tx.query(sql)),
        `${role}: ${sql}`,
      ).rejects.toMatchObject({ code: '42501' });
    }
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from public.staff_roles'))[0]!.n).toBe(3);
  });
});
