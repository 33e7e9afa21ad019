// The Supabase CLI (pinned 2.117.0) and the console agree on migration history in both
// directions, over a real Postgres wire connection (pglite-socket).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { readMigrationFiles } from '../../electron/services/migrations/migration-files';
import { migrateUp, migrationStatus } from '../../electron/services/migrations/migration-runner';
import { MIGRATIONS_DIR, openEmbeddedEmptyDatabase, type EmbeddedTestDatabase } from '../support/test-database';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const supabase = path.join(root, 'node_modules', '.bin', 'supabase');

let t: EmbeddedTestDatabase | null = null;
let server: PGLiteSocketServer | null = null;
afterEach(async () => {
  await server?.stop();
  await t?.dispose();
  server = null;
  t = null;
});

async function serve(): Promise<string> {
  t = await openEmbeddedEmptyDatabase();
  const port = 35_000 + Math.floor(Math.random() * 20_000);
  server = new PGLiteSocketServer({ db: t.db.db, port, host: '127.0.0.1', maxConnections: 8 });
  await server.start();
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

const cli = (...args: string[]) =>
  run(supabase, args, { cwd: root, timeout: 120_000, env: { ...process.env, DO_NOT_TRACK: '1', SUPABASE_TELEMETRY_DISABLED: '1' } });

describe('Supabase CLI compatibility', () => {
  it('sees as applied what `supabase db push` applied, none of it modified', async () => {
    const url = await serve();
    await cli('db', 'push', '--db-url', url, '--yes');
    const status = await migrationStatus(t!.db, await readMigrationFiles(MIGRATIONS_DIR));
    expect(status.migrations.map((m) => m.state)).toEqual(status.migrations.map(() => 'applied'));
    expect(status.migrations.length).toBeGreaterThanOrEqual(10);
  });

  it('`supabase migration list` shows every file the console applied as applied remotely', async () => {
    const url = await serve();
    const files = await readMigrationFiles(MIGRATIONS_DIR);
    await migrateUp(t!.db, files);
    const { stdout } = await cli('migration', 'list', '--db-url', url);
    for (const f of files) expect(stdout).toMatch(new RegExp(`${f.version}\\S*\\s*\\|\\s*\\S*${f.version}`));
    const push = await cli('db', 'push', '--db-url', url, '--yes');
    expect(`${push.stdout}${push.stderr}`).toMatch(/up to date/i);
  });
});
