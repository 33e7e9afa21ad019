// Builds the test templates once per run, or reuses them while the migrations and the demo-data
// generator are unchanged: bare Postgres, Supabase-like, and migrated + demo data. Always the
// PGlite template folders; with MAGNA_TEST_DATABASE_URL set, also template databases on that
// server (`magna_template_<kind>_<fingerprint>`). The teardown drops whatever test database of
// this run is left on the server.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { EmbeddedDatabase } from '../../electron/db/embedded-database';
import { PostgresDatabase } from '../../electron/db/postgres-database';
import type { SqlConnection } from '../../electron/db/sql-connection';
import { generateDemoData } from '../../electron/demo-data/generate-demo-data';
import { readMigrationFiles, type MigrationFile } from '../../electron/services/migrations/migration-files';
import { migrateUp } from '../../electron/services/migrations/migration-runner';
import {
  MIGRATIONS_DIR,
  REAL_SERVER_URL,
  SUPABASE_LIKE_SETUP,
  TEMPLATE_KINDS,
  TEMPLATE_ROOT,
  databaseUrl,
  dropDatabase,
  onServer,
  templateDatabaseName,
  testDatabasePrefix,
  type TemplateKind,
} from './test-database';

export const DEMO_ANCHOR = new Date('2026-11-01T00:00:00Z');

/** Stable key for pg_advisory_lock: two runs on one server build the templates one at a time. */
const TEMPLATE_LOCK_KEY = 7_316_849_202n;

async function fingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const root = path.resolve(import.meta.dirname, '..', '..');
  for (const dir of [MIGRATIONS_DIR, path.join(root, 'electron', 'demo-data')]) {
    for (const name of (await readdir(dir)).sort()) hash.update(name).update(await readFile(path.join(dir, name)));
  }
  hash.update(SUPABASE_LIKE_SETUP);
  return hash.digest('hex');
}

/** What each template holds beyond an empty database; the same on PGlite and on a server. */
function prepare(kind: TemplateKind, files: MigrationFile[]): (db: SqlConnection) => Promise<void> {
  switch (kind) {
    case 'bare':
      return async (db) => {
        await migrateUp(db, files);
      };
    case 'supabase-like':
      return async (db) => {
        await db.execute(SUPABASE_LIKE_SETUP);
        await migrateUp(db, files);
      };
    case 'demo':
      return async (db) => {
        await migrateUp(db, files);
        await generateDemoData(db, { videos: 320, seed: 42, anchor: DEMO_ANCHOR });
      };
  }
}

async function buildPgliteTemplates(fp: string, files: MigrationFile[]): Promise<void> {
  const stamp = path.join(TEMPLATE_ROOT, 'fingerprint');
  if (existsSync(stamp) && (await readFile(stamp, 'utf8')) === fp) return;
  await rm(TEMPLATE_ROOT, { recursive: true, force: true });
  await mkdir(TEMPLATE_ROOT, { recursive: true });
  await Promise.all(
    TEMPLATE_KINDS.map(async (kind) => {
      const db = await EmbeddedDatabase.open(path.join(TEMPLATE_ROOT, kind));
      await prepare(kind, files)(db);
      await db.close();
    }),
  );
  await writeFile(stamp, fp);
}

/** The template's comment: when a run last used it, so that unused ones can be dropped. */
const usedStamp = () => `magna test template, last used ${new Date().toISOString()}`;
const STALE_MS = 3 * 24 * 3600 * 1000;
const STALE_RUN_SECONDS = 24 * 3600;

async function buildServerTemplate(admin: SqlConnection, kind: TemplateKind, fp: string, files: MigrationFile[]): Promise<void> {
  const name = templateDatabaseName(kind, fp);
  const [current] = await admin.query<{ complete: boolean }>('select datistemplate as complete from pg_catalog.pg_database where datname = $1', [
    name,
  ]);
  if (!current?.complete) {
    // Absent, or a build that died half-way (it is marked a template only when complete).
    await dropDatabase(admin, name);
    await admin.execute(`create database ${name} template template0`);
    const db = await PostgresDatabase.connect(databaseUrl(REAL_SERVER_URL!, name));
    try {
      await prepare(kind, files)(db);
    } finally {
      await db.close();
    }
    await admin.execute(`alter database ${name} is_template true`);
  }
  await admin.execute(`comment on database ${name} is '${usedStamp()}'`);
}

/**
 * Drops what nobody uses any more: templates of other fingerprints unused for three days (other
 * checkouts may share the server), and test databases of runs that started over a day ago (killed
 * before their teardown). A database someone is connected to stays.
 */
async function dropStale(admin: SqlConnection, fp: string): Promise<void> {
  const rows = await admin.query<{ datname: string; comment: string | null }>(
    `select datname, pg_catalog.shobj_description(oid, 'pg_database') as comment from pg_catalog.pg_database
      where datname ~ '^magna_(template|test)_'`,
  );
  const now = Date.now();
  for (const { datname, comment } of rows) {
    const usedAt = Date.parse(/last used (\S+)$/.exec(comment ?? '')?.[1] ?? '');
    const runStart = Number(/^magna_test_(\d+)_/.exec(datname)?.[1] ?? Number.NaN) * 1000;
    const stale = datname.startsWith('magna_template_')
      ? !datname.endsWith(`_${fp.slice(0, 12)}`) && !(now - usedAt < STALE_MS)
      : now - runStart > STALE_RUN_SECONDS * 1000;
    if (!stale) continue;
    try {
      if (datname.startsWith('magna_template_')) await admin.execute(`alter database ${datname} is_template false`);
      await admin.execute(`drop database if exists ${datname}`);
    } catch {
      // In use: it stays until a later run.
    }
  }
}

async function buildServerTemplates(fp: string, files: MigrationFile[]): Promise<void> {
  await onServer((admin) =>
    admin.withExclusiveLock(TEMPLATE_LOCK_KEY, async () => {
      await dropStale(admin, fp);
      // The roles are the server's: the first build creates them, so the others do not race for it.
      await buildServerTemplate(admin, 'supabase-like', fp, files);
      await Promise.all((['bare', 'demo'] as const).map((kind) => buildServerTemplate(admin, kind, fp, files)));
    }),
  );
}

async function dropRunDatabases(runId: string): Promise<void> {
  await onServer(async (admin) => {
    const left = await admin.query<{ datname: string }>('select datname from pg_catalog.pg_database where starts_with(datname, $1)', [
      testDatabasePrefix(runId),
    ]);
    for (const { datname } of left) await dropDatabase(admin, datname);
  });
}

/** The server's templates, and this run's id and fingerprint for the tests; the teardown drops this run's leftovers. */
export async function setupServer(project: TestProject, fp?: string, files?: MigrationFile[]): Promise<() => Promise<void>> {
  const fingerprintNow = fp ?? (await fingerprint());
  const runId = `${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  project.provide('magnaTestServer', { runId, fingerprint: fingerprintNow });
  await buildServerTemplates(fingerprintNow, files ?? (await readMigrationFiles(MIGRATIONS_DIR)));
  return () => dropRunDatabases(runId);
}

/** The PGlite templates, and the server's too when MAGNA_TEST_DATABASE_URL is set. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const fp = await fingerprint();
  const files = await readMigrationFiles(MIGRATIONS_DIR);
  const [, teardown] = await Promise.all([buildPgliteTemplates(fp, files), REAL_SERVER_URL ? setupServer(project, fp, files) : undefined]);
  return teardown;
}
