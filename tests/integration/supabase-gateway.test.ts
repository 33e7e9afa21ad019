// The supabase gateway through the real supabase-js against the PostgREST-RPC test double.
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient as createSupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { SupabaseAdminGateway } from '../../electron/db/supabase-admin-gateway';
import { signJwt } from '../support/jwt';
import { startPostgrestDouble, type PostgrestDouble } from '../support/postgrest-double';
import { ADMIN_TEST_FUNCTIONS } from '../support/admin-test-functions';
import { openMainThreadPglite } from '../support/main-thread-pglite';

const JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';
const serviceKey = signJwt({ iss: 'supabase', role: 'service_role', exp: 4_102_444_800 }, JWT_SECRET);
const anonKey = signJwt({ iss: 'supabase', role: 'anon', exp: 4_102_444_800 }, JWT_SECRET);
const secretKey = 'sb_secret_abcdefghijklmnopqrstuvwxyz012345';

// PGlite's own API on this thread: the double LISTENs for NOTIFY pgrst.
let t: { db: { db: PGlite }; dispose: () => Promise<void> };
let api: PostgrestDouble;

beforeAll(async () => {
  const opened = await openMainThreadPglite('supabase-like');
  t = { db: { db: opened.pg }, dispose: opened.dispose };
  await t.db.db.exec(ADMIN_TEST_FUNCTIONS);
  api = await startPostgrestDouble(t.db.db, { jwtSecret: JWT_SECRET, secretKey });
});
afterAll(async () => {
  await api.stop();
  await t.dispose();
});

const createClient = (url: string, key: string, options: Record<string, unknown> = {}) =>
  createSupabaseClient(url, key, { ...options, realtime: { transport: WebSocket as unknown as never } });
const gateway = (key = serviceKey) => new SupabaseAdminGateway({ url: api.url, serviceRoleKey: key });

describe('supabase gateway', () => {
  it('calls admin_database_overview with a service-role JWT', async () => {
    const overview = (await gateway().call('admin_database_overview')) as {
      tables: { name: string }[];
      latest_migration: string;
      pgvector_version: string;
    };
    expect(overview.tables.map((x) => x.name)).toContain('videos');
    expect(overview.latest_migration).toMatch(/^\d{14}$/);
    expect(overview.pgvector_version).toMatch(/^0\.8/);
  });

  it('works with an sb_secret_ key', async () => {
    await expect(gateway(secretKey).call('admin_database_overview')).resolves.toMatchObject({ tables: expect.any(Array) });
  });

  it('sends what supabase-js sends and never a session token', async () => {
    await gateway().call('admin_database_overview');
    const last = api.requests.at(-1)!;
    expect(last.path).toBe('/rest/v1/rpc/admin_database_overview');
    expect(last.headers.apikey).toBe(serviceKey);
    expect(last.headers.authorization).toBe(`Bearer ${serviceKey}`);
    expect(last.headers['content-profile']).toBe('public');
  });

  it('refuses an anon key before sending anything, saying which key is needed', () => {
    expect(() => gateway(anonKey)).toThrow(/anon key; the console needs the service-role/);
  });

  it("an anon key calling an admin function gets PostgREST's permission error (401)", async () => {
    const anon = createClient(api.url, anonKey, { auth: { persistSession: false } });
    const { error, status } = await anon.rpc('admin_database_overview');
    expect(status).toBe(401);
    expect(error).toMatchObject({ code: '42501', message: expect.stringContaining('permission denied for function admin_database_overview') });
  });

  it('an authenticated user calling an admin function gets 403', async () => {
    const userToken = signJwt({ role: 'authenticated', sub: '00000000-0000-4000-8000-000000000001', exp: 4_102_444_800 }, JWT_SECRET);
    const client = createClient(api.url, anonKey, { auth: { persistSession: false }, global: { headers: { Authorization: `Bearer ${userToken}` } } });
    const { error, status } = await client.rpc('admin_database_overview');
    expect(status).toBe(403);
    expect(error?.code).toBe('42501');
  });

  it('a key of another project is refused by the API gateway with a code-less 401, reported as a rejected key (not a network failure)', async () => {
    const forged = signJwt({ role: 'service_role' }, 'not-the-project-secret-but-long-enough-for-hs256');
    const raw = await createClient(api.url, forged, { auth: { persistSession: false } }).rpc('admin_database_overview');
    expect(raw.status).toBe(401);
    expect(raw.error?.code).toBeFalsy();
    const err = await gateway(forged)
      .call('admin_database_overview')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'key_rejected', message: expect.stringContaining('rejected the service-role key') });
    expect(JSON.stringify(err)).not.toContain(forged);
  });

  it("a badly signed user token behind a valid key gets PostgREST's 401 PGRST301", async () => {
    const forged = signJwt(
      { role: 'authenticated', sub: '00000000-0000-4000-8000-000000000001' },
      'not-the-project-secret-but-long-enough-for-hs256',
    );
    const client = createClient(api.url, anonKey, { auth: { persistSession: false }, global: { headers: { Authorization: `Bearer ${forged}` } } });
    const { status, error } = await client.rpc('admin_database_overview');
    expect(status).toBe(401);
    expect(error?.code).toBe('PGRST301');
  });

  it('a call past the statement timeout is cancelled by the database and nothing is changed', async () => {
    const strict = await startPostgrestDouble(t.db.db, { jwtSecret: JWT_SECRET, roleTimeoutsMs: { service_role: 150 } });
    try {
      const gw = new SupabaseAdminGateway({ url: strict.url, serviceRoleKey: serviceKey });
      const err = await gw.call('admin_test_slow_write', { p_ms: 400 }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: '57014', message: expect.stringContaining('Nothing was changed') });
      const { rows } = await t.db.db.query<{ n: number }>("select count(*)::int as n from public.tags where slug = 'slow-write'");
      expect(rows[0]!.n).toBe(0);
      // A function with its own statement_timeout (PostgREST applies it) may run longer.
      await expect(gw.call('admin_test_slow_allowed', { p_ms: 400 })).resolves.toEqual({ ok: true });
    } finally {
      await strict.stop();
    }
  });

  it('a client-side timeout says the call may have been applied, not that the network failed', async () => {
    const impatient = new SupabaseAdminGateway({ url: api.url, serviceRoleKey: serviceKey, timeoutMs: 200 });
    const err = await impatient.call('admin_test_slow_allowed', { p_ms: 800 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'client_timeout', hint: expect.stringContaining('may still have been applied') });
  });

  it('reads a set past the 1,000-row cap whole, where a plain call gets only 1,000 rows', async () => {
    const plain = await createClient(api.url, serviceKey, { auth: { persistSession: false } }).rpc('admin_test_series', { p_n: 2500 });
    expect((plain.data as unknown[]).length).toBe(1000);
    const all = (await gateway().call('admin_test_series', { p_n: 2500 })) as { n: number }[];
    expect(all).toHaveLength(2500);
    expect(all.map((r) => r.n)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
  });

  it("does not see a new function until NOTIFY pgrst, 'reload schema' (a stale schema cache), then does", async () => {
    await gateway().call('admin_database_overview'); // warm the cache
    await expect(gateway().call('admin_test_added_later')).rejects.toMatchObject({ code: 'PGRST202' });
    await t.db.db
      .exec(`create function public.admin_test_added_later() returns jsonb language sql set search_path = '' as $$ select '{"fresh": true}'::jsonb $$;
      revoke execute on function public.admin_test_added_later() from public, anon, authenticated; grant execute on function public.admin_test_added_later() to service_role;`);
    await expect(gateway().call('admin_test_added_later')).rejects.toMatchObject({ code: 'PGRST202' });
    await t.db.db.exec("notify pgrst, 'reload schema'");
    await expect(gateway().call('admin_test_added_later')).resolves.toEqual({ fresh: true });
  });

  it('maps P0001 to 400 with message and hint', async () => {
    const client = createClient(api.url, serviceKey, { auth: { persistSession: false } });
    const { error, status } = await client.rpc('admin_test_raise', { p_reason: 'spam' });
    expect(status).toBe(400);
    expect(error).toEqual({ code: 'P0001', message: 'Refused: spam', details: null, hint: 'Pick another reason.' });
    await expect(gateway().call('admin_test_raise', { p_reason: 'spam' })).rejects.toMatchObject({
      code: 'P0001',
      message: 'Refused: spam',
      hint: 'Pick another reason.',
    });
  });

  it('maps 23505 to 409 and PT409 to 409', async () => {
    const client = createClient(api.url, serviceKey, { auth: { persistSession: false } });
    expect((await client.rpc('admin_test_duplicate')).status).toBe(409);
    const conflict = await client.rpc('admin_test_conflict');
    expect(conflict.status).toBe(409);
    expect(conflict.error?.message).toBe('Changed by someone else');
  });

  it('answers 204 for a void function', async () => {
    const client = createClient(api.url, serviceKey, { auth: { persistSession: false } });
    const { status, data, error } = await client.rpc('admin_test_void');
    expect(error).toBeNull();
    expect(status).toBe(204);
    expect(data).toBeNull();
  });

  it('answers 404 PGRST202 for an unknown function or argument set', async () => {
    const client = createClient(api.url, serviceKey, { auth: { persistSession: false } });
    const { status, error } = await client.rpc('admin_no_such_thing', { p_x: 1 });
    expect(status).toBe(404);
    expect(error?.code).toBe('PGRST202');
    expect(error?.message).toBe('Could not find the function public.admin_no_such_thing(p_x) in the schema cache');
    await expect(gateway().call('admin_database_overview', { p_extra: 1 })).rejects.toMatchObject({ code: 'PGRST202' });
  });

  it('returns setof rows as an array, with optional arguments defaulted', async () => {
    await expect(gateway().call('admin_test_rows')).resolves.toEqual([{ slug: 'all' }, { slug: 'technology' }]);
    await expect(gateway().call('admin_test_rows', { p_limit: 1 })).resolves.toEqual([{ slug: 'all' }]);
  });

  it('runs a STABLE function read-only (a write there is 405)', async () => {
    const client = createClient(api.url, serviceKey, { auth: { persistSession: false } });
    const { status, error } = await client.rpc('admin_test_write_in_stable');
    expect(status).toBe(405);
    expect(error?.code).toBe('25006');
  });

  it('turns bad input into 400 22P02 through Postgres input conversion', async () => {
    await expect(gateway().call('admin_test_rows', { p_limit: 'many' })).rejects.toMatchObject({ code: '22P02' });
  });

  it('reports an unreachable project clearly, without a stack trace', async () => {
    const down = new SupabaseAdminGateway({ url: 'http://127.0.0.1:9', serviceRoleKey: serviceKey, timeoutMs: 2000 });
    const err = await down.call('admin_database_overview').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'network', message: 'Could not reach the Supabase project at 127.0.0.1:9.' });
    expect(JSON.stringify(err)).not.toContain(serviceKey);
  });

  it('refuses a project URL that is not a URL', () => {
    expect(() => new SupabaseAdminGateway({ url: 'abcdefgh.supabase', serviceRoleKey: serviceKey })).toThrow(/not a valid URL/);
  });
});
