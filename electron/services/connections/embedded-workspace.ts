// The embedded local workspace: created, migrated and filled with demo data on first use, so a
// fresh machine has a working sandbox with no configuration. The console holds its folder while
// open: another console or a CLI on the same folder is refused, naming this one.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EmbeddedDatabase } from '../../db/embedded-database';
import { generateDemoData } from '../../demo-data/generate-demo-data';
import { readMigrationFiles } from '../migrations/migration-files';
import { defaultAppliedBy, migrateUp } from '../migrations/migration-runner';
import type { Logger } from '../logger';

export async function openEmbeddedWorkspace(dir: string, logger: Logger): Promise<EmbeddedDatabase> {
  const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
  const started = performance.now();
  const db = await EmbeddedDatabase.open(dir, { program: 'console' });
  try {
    // The sandbox always runs the migrations this version ships.
    const { applied } = await migrateUp(db, await readMigrationFiles(), { appliedBy: defaultAppliedBy('console start-up') });
    if (applied.length) logger.info(`embedded workspace: applied ${applied.length} migration(s)`);
    if (fresh) {
      const rows = await generateDemoData(db, { videos: 320, seed: 42 });
      logger.info('embedded workspace: created with demo data', rows);
    }
  } catch (e) {
    // Release the folder: the console retries the open on the next request.
    await db.close().catch(() => undefined);
    throw e;
  }
  logger.info(`embedded workspace ready in ${Math.round(performance.now() - started)} ms`, { dir });
  return db;
}
