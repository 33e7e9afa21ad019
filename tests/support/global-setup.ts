// Builds the PGlite template folders once per run (or reuses them while the migrations and
// the demo-data generator are unchanged): bare Postgres, Supabase-like, and migrated + demo data.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EmbeddedDatabase } from '../../electron/db/embedded-database';
import { generateDemoData } from '../../electron/demo-data/generate-demo-data';
import { readMigrationFiles } from '../../electron/services/migrations/migration-files';
import { migrateUp } from '../../electron/services/migrations/migration-runner';
import { MIGRATIONS_DIR, SUPABASE_LIKE_SETUP, TEMPLATE_ROOT } from './test-database';

export const DEMO_ANCHOR = new Date('2026-11-01T00:00:00Z');

async function fingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const root = path.resolve(import.meta.dirname, '..', '..');
  for (const dir of [MIGRATIONS_DIR, path.join(root, 'electron', 'demo-data')]) {
    for (const name of (await readdir(dir)).sort()) hash.update(name).update(await readFile(path.join(dir, name)));
  }
  hash.update(SUPABASE_LIKE_SETUP);
  return hash.digest('hex');
}

export default async function setup(): Promise<void> {
  const stamp = path.join(TEMPLATE_ROOT, 'fingerprint');
  const fp = await fingerprint();
  if (existsSync(stamp) && (await readFile(stamp, 'utf8')) === fp) return;
  await rm(TEMPLATE_ROOT, { recursive: true, force: true });
  await mkdir(TEMPLATE_ROOT, { recursive: true });
  const files = await readMigrationFiles(MIGRATIONS_DIR);

  const build = async (kind: string, prepare: (db: EmbeddedDatabase) => Promise<void>) => {
    const db = await EmbeddedDatabase.open(path.join(TEMPLATE_ROOT, kind));
    await prepare(db);
    await db.close();
  };
  await Promise.all([
    build('bare', async (db) => {
      await migrateUp(db, files);
    }),
    build('supabase-like', async (db) => {
      await db.db.exec(SUPABASE_LIKE_SETUP);
      await migrateUp(db, files);
    }),
    build('demo', async (db) => {
      await migrateUp(db, files);
      await generateDemoData(db, { videos: 320, seed: 42, anchor: DEMO_ANCHOR });
    }),
  ]);
  await writeFile(stamp, fp);
}
