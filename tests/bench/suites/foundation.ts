// Foundation figures: the cost of one admin call through each gateway against a bare query on
// the same connection, migrating an empty database, and the demo-data generator's rate.
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { EmbeddedDatabase } from '../../../electron/db/embedded-database';
import { PostgresDatabase } from '../../../electron/db/postgres-database';
import { SqlAdminGateway } from '../../../electron/db/sql-admin-gateway';
import { SupabaseAdminGateway } from '../../../electron/db/supabase-admin-gateway';
import { generateDemoData } from '../../../electron/demo-data/generate-demo-data';
import { readMigrationFiles } from '../../../electron/services/migrations/migration-files';
import { migrateUp } from '../../../electron/services/migrations/migration-runner';
import { signJwt } from '../../support/jwt';
import { startPostgrestDouble } from '../../support/postgrest-double';
import { median, ms, ratio, type Report } from '../measure';

export async function run(report: Report, options: { videos: number }): Promise<void> {
  const db = await EmbeddedDatabase.open();
  const files = await readMigrationFiles();
  let t = performance.now();
  await migrateUp(db, files);
  report('migrate up, empty database (all shipped files)', ms(performance.now() - t));

  t = performance.now();
  const rows = await generateDemoData(db, { videos: options.videos, seed: 7 });
  const seconds = (performance.now() - t) / 1000;
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  report(`demo data, ${options.videos} videos (${total} rows)`, `${seconds.toFixed(1)} s · ${Math.round(total / seconds)} rows/s`);

  const base = await median(50, () => db.query('select 1'));
  report('baseline: select 1 on the embedded connection', ms(base));
  const embedded = new SqlAdminGateway(db, false);
  await embedded.call('admin_database_overview');
  const embeddedCall = await median(30, () => embedded.call('admin_database_overview'));
  report('admin_database_overview, embedded gateway', `${ms(embeddedCall)} (${ratio(embeddedCall, base)} of baseline)`);

  const port = 40_000 + Math.floor(Math.random() * 10_000);
  const server = new PGLiteSocketServer({ db: db.db, port, host: '127.0.0.1', maxConnections: 4 });
  await server.start();
  const pg = await PostgresDatabase.connect(`postgresql://postgres:x@127.0.0.1:${port}/postgres`);
  const pgBase = await median(50, () => pg.query('select 1'));
  const pgGateway = new SqlAdminGateway(pg, false);
  await pgGateway.call('admin_database_overview');
  const pgCall = await median(30, () => pgGateway.call('admin_database_overview'));
  report('postgres gateway (wire protocol): select 1 / overview', `${ms(pgBase)} / ${ms(pgCall)} (${ratio(pgCall, pgBase)})`);

  const secret = 'bench-jwt-secret-with-at-least-32-characters!!';
  const api = await startPostgrestDouble(db.db, { jwtSecret: secret });
  const supa = new SupabaseAdminGateway({ url: api.url, serviceRoleKey: signJwt({ role: 'service_role' }, secret) });
  await supa.call('admin_database_overview');
  const supaCall = await median(30, () => supa.call('admin_database_overview'));
  report('supabase gateway (supabase-js → PostgREST double): overview', `${ms(supaCall)} (${ratio(supaCall, pgCall)} of the postgres gateway)`);

  await api.stop();
  await pg.close();
  await server.stop();
  await db.close();
}
