// The embedded local workspace: created, migrated and filled with demo data on first use, so a
// fresh machine has a working sandbox with no configuration.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { EmbeddedDatabase } from '../../db/embedded-database';
import { generateDemoData } from '../../demo-data/generate-demo-data';
import { readMigrationFiles } from '../migrations/migration-files';
import { migrateUp } from '../migrations/migration-runner';
import type { Logger } from '../logger';

export async function openEmbeddedWorkspace(dir: string, logger: Logger): Promise<EmbeddedDatabase> {
  const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const db = await EmbeddedDatabase.open(dir);
  // The sandbox always runs the migrations this version ships.
  const { applied } = await migrateUp(db, await readMigrationFiles());
  if (applied.length) logger.info(`embedded workspace: applied ${applied.length} migration(s)`);
  if (fresh) {
    const rows = await generateDemoData(db, { videos: 320, seed: 42 });
    logger.info('embedded workspace: created with demo data', rows);
  }
  logger.info(`embedded workspace ready in ${Math.round(performance.now() - started)} ms`, { dir });
  return db;
}
