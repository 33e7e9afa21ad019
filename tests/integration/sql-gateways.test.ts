// The embedded (PGlite) and postgres (postgres.js over the wire) gateways give the same
// results and the same error shapes as the supabase gateway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { AdminGateway } from '../../electron/db/admin-gateway';
import { EmbeddedDatabase } from '../../electron/db/embedded-database';
import { PostgresDatabase } from '../../electron/db/postgres-database';
import { SqlAdminGateway } from '../../electron/db/sql-admin-gateway';
import { ADMIN_TEST_FUNCTIONS } from '../support/admin-test-functions';
import { openTestDatabase, realServer, type TestDatabase } from '../support/test-database';

let t: TestDatabase;
let server: PGLiteSocketServer | undefined;
let port: number;
const gateways: Record<string, AdminGateway> = {};

beforeAll(async () => {
  t = await openTestDatabase('bare');
  await t.db.execute(ADMIN_TEST_FUNCTIONS);
  if (t.db instanceof EmbeddedDatabase) {
    // The postgres gateway reaches the PGlite database over the wire through pglite-socket.
    port = 15_000 + Math.floor(Math.random() * 20_000);
    server = new PGLiteSocketServer({ db: t.db.db, port, host: '127.0.0.1', maxConnections: 8 });
    await server.start();
    gateways.embedded = new SqlAdminGateway(t.db, false);
    gateways.postgres = new SqlAdminGateway(await PostgresDatabase.connect(`postgresql://postgres:pw@127.0.0.1:${port}/postgres?sslmode=disable`));
  } else {
    // On a real server the test database is itself a postgres connection.
    gateways.postgres = new SqlAdminGateway(t.db, false);
  }
});
afterAll(async () => {
  await gateways.postgres?.close();
  await server?.stop();
  await t.dispose();
});

describe.each(realServer ? ['postgres'] : ['embedded', 'postgres'])('%s gateway', (name) => {
  const gw = () => gateways[name]!;

  it('calls admin_database_overview as service_role', async () => {
    const overview = (await gw().call('admin_database_overview')) as { tables: { name: string; rows: number }[]; applied_migrations: number };
    expect(overview.tables.find((x) => x.name === 'categories')?.rows).toBe(8);
    expect(overview.applied_migrations).toBeGreaterThanOrEqual(10);
  });

  it('maps a raised exception to {code, message, details, hint}', async () => {
    const err = await gw()
      .call('admin_test_raise', { p_reason: 'spam' })
      .catch((e: unknown) => e);
    expect(JSON.parse(JSON.stringify(err))).toEqual({ code: 'P0001', message: 'Refused: spam', details: null, hint: 'Pick another reason.' });
  });

  it('reports a unique violation as 23505 and a custom conflict as PT409', async () => {
    await expect(gw().call('admin_test_duplicate')).rejects.toMatchObject({ code: '23505' });
    await expect(gw().call('admin_test_conflict')).rejects.toMatchObject({ code: 'PT409', message: 'Changed by someone else' });
  });

  it('says PGRST202 for an unknown function or argument set', async () => {
    await expect(gw().call('admin_no_such_thing', { p_x: 1 })).rejects.toMatchObject({ code: 'PGRST202' });
    await expect(gw().call('admin_database_overview', { p_extra: 1 })).rejects.toMatchObject({ code: 'PGRST202' });
  });

  it('returns rows as objects, void as null, with defaults applied', async () => {
    await expect(gw().call('admin_test_rows')).resolves.toEqual([{ slug: 'all' }, { slug: 'technology' }]);
    await expect(gw().call('admin_test_rows', { p_limit: 1 })).resolves.toEqual([{ slug: 'all' }]);
    await expect(gw().call('admin_test_void')).resolves.toBeNull();
  });

  it('runs a STABLE function read-only', async () => {
    await expect(gw().call('admin_test_write_in_stable')).rejects.toMatchObject({ code: '25006' });
  });

  it('converts bad input through Postgres (22P02)', async () => {
    await expect(gw().call('admin_test_rows', { p_limit: 'many' })).rejects.toMatchObject({ code: '22P02' });
  });

  it('refuses names outside the admin API', async () => {
    await expect(gw().call('pg_sleep', {})).rejects.toMatchObject({ code: 'invalid_function' });
  });
});

describe('postgres connection errors', () => {
  it('names the unreachable host without the password', async () => {
    const err = await PostgresDatabase.connect('postgresql://postgres:hunter2secret@127.0.0.1:9/postgres').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'connection_failed', message: 'Could not connect to the database at 127.0.0.1:9/postgres.' });
    expect(JSON.stringify(err)).not.toContain('hunter2secret');
  });

  it('refuses a URL that is not a Postgres URL', async () => {
    await expect(PostgresDatabase.connect('https://example.supabase.co')).rejects.toMatchObject({ code: 'invalid_database_url' });
    await expect(PostgresDatabase.connect('not a url')).rejects.toMatchObject({ code: 'invalid_database_url' });
  });
});
