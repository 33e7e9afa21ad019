// The real-server side of `npm run bench`: given MAGNA_BENCH_DATABASE_URL (a PostgreSQL 15+ server
// with pgvector, e.g. `../shared/tools/real-postgres.sh start`; the user may create databases),
// suites measure the same things on it as on the embedded workspace, printed side by side.
// Each run works in its own scratch database, dropped at the end; large datasets are generated
// once into a template database (as .cache/bench is for the embedded workspace) and copied.
import { randomUUID } from 'node:crypto';
import { PostgresDatabase } from '../../electron/db/postgres-database';
import { generateDemoData } from '../../electron/demo-data/generate-demo-data';
import { readMigrationFiles } from '../../electron/services/migrations/migration-files';
import { migrateUp, migrationStatus } from '../../electron/services/migrations/migration-runner';
import type { Report } from './measure';

export const benchServerUrl = (): string | null => process.env.MAGNA_BENCH_DATABASE_URL?.trim() || null;

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function onServer<T>(url: string, fn: (db: PostgresDatabase) => Promise<T>): Promise<T> {
  // Two connections: the migration runner holds its advisory lock on one while it works on another.
  const db = await PostgresDatabase.connect(url, { max: 2 });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Whether a template was built on another migration history than the files shipped now. */
async function stale(url: string): Promise<boolean> {
  return onServer(url, async (db) => {
    const status = await migrationStatus(db, await readMigrationFiles());
    return status.migrations.some((m) => m.state === 'unknown' || m.state === 'modified');
  });
}

/**
 * A scratch database on the server: migrated and filled with `videos` demo videos (copied from a
 * template generated on first use), or migrated only (`videos` 0). `dispose` drops it.
 */
export async function scratchDatabase(
  serverUrl: string,
  videos: number,
  log: (s: string) => void,
): Promise<{ url: string; db: PostgresDatabase; dispose: () => Promise<void> }> {
  const name = `magna_bench_${randomUUID().slice(0, 8)}`;
  if (videos > 0) {
    const template = `magna_bench_videos_${videos}`;
    const exists = () => onServer(serverUrl, async (db) => (await db.query('select 1 from pg_database where datname = $1', [template])).length > 0);
    if ((await exists()) && (await stale(withDatabase(serverUrl, template)))) {
      log(`${template} was built on another migration history: generating it again`);
      await onServer(serverUrl, (db) => db.execute(`drop database ${quoteIdent(template)}`));
    }
    if (!(await exists())) {
      log(`generating ${template} on the server (${videos} videos, once; later runs reuse it)…`);
      // Built under another name and renamed when complete: an interrupted build is never reused.
      const building = `${template}_building`;
      await onServer(serverUrl, async (db) => {
        await db.execute(`drop database if exists ${quoteIdent(building)} with (force)`);
        await db.execute(`create database ${quoteIdent(building)}`);
      });
      await onServer(withDatabase(serverUrl, building), async (db) => {
        await migrateUp(db, await readMigrationFiles());
        await generateDemoData(db, { videos, seed: 1 });
        await db.execute('analyze');
      });
      await onServer(serverUrl, (db) => db.execute(`alter database ${quoteIdent(building)} rename to ${quoteIdent(template)}`));
    }
    await onServer(serverUrl, (db) => db.execute(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`));
  } else {
    await onServer(serverUrl, (db) => db.execute(`create database ${quoteIdent(name)}`));
  }
  const url = withDatabase(serverUrl, name);
  const db = await PostgresDatabase.connect(url, { max: 8 });
  await migrateUp(db, await readMigrationFiles());
  await db.query(
    "insert into public.staff_roles (user_id, role) select id, 'admin' from public.users where username = 'ada_moderator' on conflict do nothing",
  );
  return {
    url,
    db,
    dispose: async () => {
      await db.close();
      await onServer(serverUrl, (admin) => admin.execute(`drop database if exists ${quoteIdent(name)} with (force)`));
    },
  };
}

/** A Report that keeps its figures, for printing two backends side by side. */
export function collect(): { report: Report; figures: Map<string, string> } {
  const figures = new Map<string, string>();
  return { report: (label, value) => void figures.set(label, value), figures };
}

/** Each figure once: the embedded value, then the real server's (— where a figure has no counterpart). */
export function sideBySide(report: Report, embedded: Map<string, string>, server: Map<string, string> | null, serverLabel: string): void {
  if (!server) {
    for (const [label, value] of embedded) report(label, value);
    return;
  }
  report('', `embedded (PGlite) │ real server (${serverLabel})`);
  const labels = [...embedded.keys(), ...[...server.keys()].filter((l) => !embedded.has(l))];
  for (const label of labels) report(label, `${embedded.get(label) ?? '—'} │ ${server.get(label) ?? '—'}`);
}
