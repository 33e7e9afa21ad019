// Large benchmark datasets, generated once (deterministically) and copied per run, so a run's
// writes never leak into the next one.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedDatabase } from '../../electron/db/embedded-database';
import { generateDemoData } from '../../electron/demo-data/generate-demo-data';
import { readMigrationFiles } from '../../electron/services/migrations/migration-files';
import { migrateUp, migrationStatus } from '../../electron/services/migrations/migration-runner';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '.cache', 'bench');

/**
 * Whether a dataset was built on another migration history than the one shipped now (e.g. before
 * a re-baseline): its applied versions are unknown to, or differ from, the files. Pending files
 * are fine (applied on the copy, and timed).
 */
async function builtOnOtherHistory(source: string): Promise<boolean> {
  const db = await EmbeddedDatabase.open(source);
  try {
    const status = await migrationStatus(db, await readMigrationFiles());
    return status.migrations.some((m) => m.state === 'unknown' || m.state === 'modified');
  } finally {
    await db.close();
  }
}

/** The generated dataset's folder (generated on first use): copy it, never open it in place. */
export async function prepareDataset(name: string, videos: number, log: (s: string) => void, extra: { links?: number } = {}): Promise<string> {
  const source = path.join(ROOT, name);
  if (existsSync(path.join(source, 'PG_VERSION')) && (await builtOnOtherHistory(source))) {
    log(`${name} was built on another migration history: generating it again`);
    await rm(source, { recursive: true, force: true });
  }
  if (!existsSync(path.join(source, 'PG_VERSION'))) {
    log(`generating ${name} (${videos} videos, once; later runs reuse it)…`);
    // A fresh clone has no .cache/bench yet (PGlite itself creates only the last folder).
    await mkdir(ROOT, { recursive: true });
    const db = await EmbeddedDatabase.open(source);
    await migrateUp(db, await readMigrationFiles());
    await generateDemoData(db, { videos, seed: 1, links: extra.links });
    await db.close();
  }
  return source;
}

export async function openDataset(
  name: string,
  videos: number,
  log: (s: string) => void,
  extra: { links?: number } = {},
): Promise<{ db: EmbeddedDatabase; migrateMs: number; dispose: () => Promise<void> }> {
  const source = await prepareDataset(name, videos, log, extra);
  const dir = await mkdtemp(path.join(os.tmpdir(), `magna-bench-${name}-`));
  await cp(source, dir, { recursive: true });
  const db = await EmbeddedDatabase.open(dir);
  const t = performance.now();
  await migrateUp(db, await readMigrationFiles());
  const migrateMs = performance.now() - t;
  // A dataset generated before staff roles existed: its demo admin, as the owner may grant it.
  await db.query(
    "insert into public.staff_roles (user_id, role) select id, 'admin' from public.users where username = 'ada_moderator' on conflict do nothing",
  );
  return {
    db,
    migrateMs,
    dispose: async () => {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
