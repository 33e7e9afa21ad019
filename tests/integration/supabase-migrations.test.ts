// Applying the console's migrations on a Supabase profile (URL + service-role key + database URL)
// to a fresh project: the migrations job sends NOTIFY pgrst, 'reload schema' and waits for the
// admin API, so the very next call through PostgREST finds the new functions (no PGRST202). The
// sibling test shows the PostgREST double really stays stale until such a NOTIFY reaches it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../electron/db/postgres-database';
import { SupabaseAdminGateway } from '../../electron/db/supabase-admin-gateway';
import { startConsoleApp, type Harness } from '../support/console-app-harness';
import { signJwt } from '../support/jwt';
import { startPostgrestDouble, type PostgrestDouble } from '../support/postgrest-double';
import { SUPABASE_LIKE_SETUP } from '../support/test-database';

const JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';
const serviceKey = signJwt({ iss: 'supabase', role: 'service_role', exp: 4_102_444_800 }, JWT_SECRET);

type Project = { pg: PGlite; api: PostgrestDouble; server: PGLiteSocketServer; databaseUrl: string; dir: string };
let project: Project;
/** A project whose API never hears the reload (as when PostgREST lags): the job must not blame the migrations. */
let deaf: Project;
let h: Harness;

/**
 * pglite-socket streams the wire protocol raw, so PGlite's own listeners (the double's LISTEN pgrst)
 * never see a NOTIFY sent over a socket. Real PostgREST hears every session's: relay those.
 */
function relayPgrstNotifies(db: PGlite): void {
  const raw = db.execProtocolRawStream.bind(db);
  db.execProtocolRawStream = async (message, options) => {
    const chunks: Uint8Array[] = [];
    await raw(message, { ...options, onRawData: (d) => (chunks.push(d.slice()), options?.onRawData(d)) });
    const out = Buffer.concat(chunks);
    for (let i = 0; i + 5 <= out.length; i += 1 + out.readInt32BE(i + 1)) {
      // 'A': a NotificationResponse (length, pid, channel, payload).
      const [channel, payload] = out.toString('utf8', i + 9, i + 1 + out.readInt32BE(i + 1)).split('\0');
      if (out[i] === 0x41 && channel === 'pgrst') setImmediate(() => void db.query('select pg_notify($1, $2)', [channel, payload]));
    }
  };
}

/** A fresh Supabase project: its roles, auth schema and default grants, none of the console's schema. */
async function freshProject(o: { relay: boolean }): Promise<Project> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'magna-supabase-fresh-'));
  const pg = await PGlite.create({ dataDir: dir, extensions: { vector, pg_trgm } });
  await pg.exec(SUPABASE_LIKE_SETUP);
  const api = await startPostgrestDouble(pg, { jwtSecret: JWT_SECRET });
  if (o.relay) relayPgrstNotifies(pg);
  const port = 35_000 + Math.floor(Math.random() * 20_000);
  const server = new PGLiteSocketServer({ db: pg, port, host: '127.0.0.1', maxConnections: 8 });
  await server.start();
  return { pg, api, server, dir, databaseUrl: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable` };
}

async function closeProject(p: Project | undefined): Promise<void> {
  if (!p) return;
  await p.server.stop();
  await p.api.stop();
  await p.pg.close();
  await rm(p.dir, { recursive: true, force: true });
}

beforeAll(async () => {
  project = await freshProject({ relay: true });
  deaf = await freshProject({ relay: false });
  h = startConsoleApp();
});
afterAll(async () => {
  await h?.dispose();
  await closeProject(project);
  await closeProject(deaf);
});

/** Saves a Supabase profile from Settings (URL, service-role key, database URL) and switches to it. */
async function useProject(p: Project, name: string) {
  const profile = await h.call('connections:save', {
    kind: 'supabase',
    name,
    supabaseUrl: p.api.url,
    serviceRoleKey: serviceKey,
    databaseUrl: p.databaseUrl,
  });
  await h.call('connections:activate', { id: profile.id });
  return profile;
}

async function untilDone(jobId: string) {
  for (;;) {
    const job = await h.call('jobs:get', { id: jobId });
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('migrations on a Supabase profile', () => {
  it('a function created over the wire stays PGRST202 through PostgREST until NOTIFY pgrst reaches it (the double is stale)', async () => {
    const gateway = new SupabaseAdminGateway({ url: project.api.url, serviceRoleKey: serviceKey });
    const direct = await PostgresDatabase.connect(project.databaseUrl);
    try {
      await expect(gateway.call('admin_test_added_later')).rejects.toMatchObject({ code: 'PGRST202' }); // warms the cache
      await direct.execute(`create function public.admin_test_added_later() returns jsonb language sql set search_path = '' as $$ select '{"fresh": true}'::jsonb $$;
        revoke execute on function public.admin_test_added_later() from public, anon, authenticated;
        grant execute on function public.admin_test_added_later() to service_role;`);
      await expect(gateway.call('admin_test_added_later')).rejects.toMatchObject({ code: 'PGRST202' });
      await direct.execute("notify pgrst, 'reload schema'");
      await expect(gateway.call('admin_test_added_later')).resolves.toEqual({ fresh: true });
    } finally {
      await direct.execute('drop function public.admin_test_added_later()');
      await direct.close();
      await gateway.close();
    }
  });

  it('the first admin call after applying migrations never meets a stale PostgREST schema cache (PGRST202)', async () => {
    const profile = await useProject(project, 'Fresh project');

    // Test connection, as Settings does: the project answers, the admin API is not there yet (this loads the cache).
    const before = await h.call('connections:test', { id: profile.id });
    expect(before.checks.find((c) => c.name === 'Admin API')).toMatchObject({ ok: false, message: expect.stringContaining('not applied yet') });
    const status = await h.call('migrations:status', {});
    expect(status).toMatchObject({ unavailable: null, latestApplied: null });
    expect(status.pending).toBe(status.migrations.length);

    const { jobId } = await h.call('migrations:up', {});
    const job = await untilDone(jobId);
    expect(job).toMatchObject({ state: 'done', error: null, message: `Applied ${status.pending} migration(s).` });
    expect(job.log).toContain('Reloading the API schema cache…');

    // Straight away, through PostgREST: the new admin functions are in its schema cache.
    const overview = await h.call('database:overview', {});
    expect(overview.latest_migration).toBe(status.latestShipped);
    expect(overview.tables.map((t) => t.name)).toContain('videos');
    expect(project.api.requests.at(-1)?.path).toBe('/rest/v1/rpc/admin_database_overview');
    expect((await h.call('migrations:status', {})).pending).toBe(0);
  });

  it('says the migrations were applied when the API still lags behind them, instead of asking to apply them', { timeout: 60_000 }, async () => {
    await useProject(deaf, 'Project whose API lags');
    const pending = (await h.call('migrations:status', {})).pending;
    await expect(h.call('database:overview', {})).rejects.toMatchObject({ code: 'PGRST202' }); // the cache, loaded before the schema exists

    const job = await untilDone((await h.call('migrations:up', {})).jobId);
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({
      code: 'api_schema_stale',
      message: expect.stringContaining('The migrations were applied, but the Data API still did not see the new functions'),
      hint: expect.stringContaining("NOTIFY pgrst, 'reload schema'"),
    });
    expect(JSON.stringify(job.error)).not.toContain('apply the pending migrations');
    expect(pending).toBeGreaterThan(0);
    expect((await h.call('migrations:status', {})).pending).toBe(0);
  });
});
