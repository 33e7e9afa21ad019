// Applies and reports the shipped migrations on a direct SQL connection, keeping history in
// supabase_migrations.schema_migrations exactly as the Supabase CLI does, so
// `supabase migration list` / `db push` and the console agree in both directions.
import os from 'node:os';
import { AdminError, toAdminError } from '../../db/admin-error';
import type { SqlConnection } from '../../db/sql-connection';
import { compareVersions, type MigrationFile } from './migration-files';
import { normalizeSql } from './split-sql';

export type MigrationState = 'applied' | 'pending' | 'modified' | 'unknown';

export type MigrationStatusRow = {
  version: string;
  name: string;
  state: MigrationState;
  /** Shipped files only: the SQL, for viewing. */
  fileName: string | null;
  /** When and by whom, where this console applied it (other tools record neither). */
  appliedAt: string | null;
  appliedBy: string | null;
};

export type MigrationStatus = {
  migrations: MigrationStatusRow[];
  latestShipped: string | null;
  latestApplied: string | null;
  pending: number;
  /** Versions in the database newer than the newest file this version ships. */
  newerInDatabase: string[];
};

export type MigrationProgress =
  | { type: 'start'; total: number }
  | { type: 'file'; index: number; total: number; version: string; name: string }
  | { type: 'applied'; index: number; total: number; version: string; name: string; ms: number };

/** The OS user and machine, for migrations applied where nobody signed in (the CLI, first start). */
export function defaultAppliedBy(via = 'console'): string {
  let user = 'unknown user';
  try {
    user = os.userInfo().username;
  } catch {
    /* no passwd entry (a container): keep "unknown user" */
  }
  return `${user}@${os.hostname()} (${via})`;
}

/** Stable key for pg_advisory_lock: "magna-console migrations". */
export const MIGRATION_LOCK_KEY = 7_316_849_201n;

type HistoryRow = { version: string; name: string | null; statements: string[] | null; applied_at: string | null; applied_by: string | null };

/**
 * The CLI's history table, untouched in shape (the CLI owns it), and beside it the console's own
 * record of when and by whom it applied each version: a table of its own, so `supabase db push`
 * and `migration list` never meet a column they do not know.
 */
const HISTORY_DDL = [
  'create schema if not exists supabase_migrations',
  'create table if not exists supabase_migrations.schema_migrations (version text not null primary key)',
  'alter table supabase_migrations.schema_migrations add column if not exists statements text[]',
  'alter table supabase_migrations.schema_migrations add column if not exists name text',
  `create table if not exists supabase_migrations.console_applied (
     version text not null primary key,
     applied_at timestamptz not null default now(),
     applied_by text not null
   )`,
];

async function readHistory(db: SqlConnection): Promise<HistoryRow[]> {
  const [exists] = await db.query<{ present: boolean }>("select to_regclass('supabase_migrations.schema_migrations') is not null as present");
  if (!exists?.present) return [];
  const [cols] = await db.query<{ has_statements: boolean; has_name: boolean }>(
    `select bool_or(column_name = 'statements') as has_statements, bool_or(column_name = 'name') as has_name
       from information_schema.columns
      where table_schema = 'supabase_migrations' and table_name = 'schema_migrations'`,
  );
  const [log] = await db.query<{ present: boolean }>("select to_regclass('supabase_migrations.console_applied') is not null as present");
  const rows = await db.query<HistoryRow>(
    `select h.version, ${cols?.has_name ? 'h.name' : 'null::text as name'}, ${cols?.has_statements ? 'h.statements' : 'null::text[] as statements'},
            ${log?.present ? `to_char(c.applied_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as applied_at, c.applied_by` : 'null::text as applied_at, null::text as applied_by'}
       from supabase_migrations.schema_migrations h
       ${log?.present ? 'left join supabase_migrations.console_applied c on c.version = h.version' : ''}`,
  );
  return rows;
}

/**
 * `create index concurrently` cannot run in a transaction: like the Supabase CLI, a file whose
 * only statement is one runs on its own, and its history row is written after it succeeds.
 */
export function runsOutsideTransaction(file: MigrationFile): boolean {
  return file.statements.length === 1 && /\bconcurrently\b/i.test(file.statements[0]!);
}

function sameStatements(recorded: string[] | null, file: MigrationFile): boolean {
  if (recorded === null) return true; // applied by an old CLI that kept no statements
  const a = recorded.map(normalizeSql).filter(Boolean).join(';\n');
  const b = file.statements.map(normalizeSql).filter(Boolean).join(';\n');
  return a === b;
}

export async function migrationStatus(db: SqlConnection, files: MigrationFile[]): Promise<MigrationStatus> {
  const history = await readHistory(db).catch((e: unknown) => {
    throw toAdminError(e);
  });
  const byVersion = new Map(history.map((h) => [h.version, h]));
  const shipped = new Set(files.map((f) => f.version));
  const rows: MigrationStatusRow[] = files.map((f) => {
    const h = byVersion.get(f.version);
    const state: MigrationState = !h ? 'pending' : sameStatements(h.statements, f) ? 'applied' : 'modified';
    return { version: f.version, name: f.name, state, fileName: f.fileName, appliedAt: h?.applied_at ?? null, appliedBy: h?.applied_by ?? null };
  });
  for (const h of history) {
    if (!shipped.has(h.version))
      rows.push({ version: h.version, name: h.name ?? '', state: 'unknown', fileName: null, appliedAt: h.applied_at, appliedBy: h.applied_by });
  }
  rows.sort((a, b) => compareVersions(a.version, b.version));
  const latestShipped = files.at(-1)?.version ?? null;
  const appliedVersions = history.map((h) => h.version).sort(compareVersions);
  return {
    migrations: rows,
    latestShipped,
    latestApplied: appliedVersions.at(-1) ?? null,
    pending: rows.filter((r) => r.state === 'pending').length,
    newerInDatabase: latestShipped ? appliedVersions.filter((v) => compareVersions(v, latestShipped) > 0) : appliedVersions,
  };
}

/** `create [unique] index concurrently [if not exists] [schema.]name on …` → the qualified name. */
export function concurrentIndexName(statement: string): string | null {
  const m =
    /\bcreate\s+(?:unique\s+)?index\s+concurrently\s+(?:if\s+not\s+exists\s+)?((?:"[^"]+"|\w+)(?:\.(?:"[^"]+"|\w+))?)\s+on\s+((?:"[^"]+"|\w+)\.)?/i.exec(
      statement,
    );
  if (!m) return null;
  const name = m[1]!;
  if (name.includes('.')) return name;
  // An unqualified index lives in its table's schema.
  return m[2] ? `${m[2]}${name}` : `public.${name}`;
}

async function indexValidity(db: SqlConnection, index: string): Promise<boolean | null> {
  const [row] = await db.query<{ valid: boolean | null }>(
    'select (select i.indisvalid from pg_index i where i.indexrelid = to_regclass($1)) as valid',
    [index],
  );
  return row?.valid ?? null;
}

async function dropInvalidIndex(db: SqlConnection, index: string): Promise<void> {
  if ((await indexValidity(db, index)) === false) await db.execute(`drop index concurrently if exists ${index}`);
}

async function requireValidIndex(db: SqlConnection, index: string, file: MigrationFile): Promise<void> {
  if ((await indexValidity(db, index)) !== true) {
    throw new AdminError({
      code: 'index_invalid',
      message: `Migration ${file.fileName} left the index ${index} missing or INVALID; it was not recorded as applied.`,
      hint: 'Run the migrations again: the invalid index is dropped and rebuilt.',
    });
  }
}

export type MigrationUpResult = { applied: { version: string; name: string; ms: number }[]; status: MigrationStatus };

/**
 * Applies every pending file in version order, each in its own transaction together with
 * its history row, under an exclusive lock. Stops at the first failure, naming the file,
 * the statement and Postgres's message; nothing of the failed file stays applied.
 */
export async function migrateUp(
  db: SqlConnection,
  files: MigrationFile[],
  options: {
    force?: boolean;
    onProgress?: (p: MigrationProgress) => void;
    /** Who applies them, recorded with each version: the signed-in operator or the OS user. */
    appliedBy?: string;
  } = {},
): Promise<MigrationUpResult> {
  return db.withExclusiveLock(MIGRATION_LOCK_KEY, async () => {
    // Read the status under the lock: a console that waited sees what the other one applied.
    const before = await migrationStatus(db, files);
    if (before.newerInDatabase.length > 0 && !options.force) {
      throw new AdminError({
        code: 'migrations_newer_in_database',
        message: `The database has migrations newer than this version of the console knows (${before.newerInDatabase.join(', ')}).`,
        hint: 'Update the console before migrating, or force it if you are sure the newer migrations do not conflict.',
      });
    }
    const pending = files.filter((f) => before.migrations.some((m) => m.version === f.version && m.state === 'pending'));
    options.onProgress?.({ type: 'start', total: pending.length });
    const applied: MigrationUpResult['applied'] = [];
    if (pending.length > 0) {
      for (const statement of HISTORY_DDL) await db.execute(statement);
    }
    for (const [index, file] of pending.entries()) {
      options.onProgress?.({ type: 'file', index, total: pending.length, version: file.version, name: file.name });
      const started = performance.now();
      const apply = async (tx: SqlConnection, check: () => Promise<void> = () => Promise.resolve()) => {
        for (const [i, statement] of file.statements.entries()) {
          try {
            await tx.execute(statement);
          } catch (e) {
            const err = toAdminError(e);
            throw new AdminError({
              code: err.code,
              message: `Migration ${file.fileName} failed at statement ${i + 1} of ${file.statements.length}: ${err.message}`,
              details: `${err.details ? `${err.details}\n` : ''}Statement:\n${statement.slice(0, 2000)}`,
              hint:
                err.hint ??
                (runsOutsideTransaction(file)
                  ? 'This file runs outside a transaction: drop any INVALID index it left, fix the cause and run the migrations again.'
                  : 'Nothing of this file was applied. Fix the cause and run the migrations again.'),
            });
          }
        }
        await check();
        await tx.query('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)', [
          file.version,
          file.name,
          file.statements,
        ]);
        await tx.query(
          `insert into supabase_migrations.console_applied (version, applied_by) values ($1, $2)
           on conflict (version) do update set applied_at = now(), applied_by = excluded.applied_by`,
          [file.version, options.appliedBy ?? defaultAppliedBy()],
        );
      };
      if (runsOutsideTransaction(file)) {
        // A concurrent build that died leaves an INVALID index that `if not exists` would skip:
        // drop it first, and record the file only once the index it builds is valid.
        const index = concurrentIndexName(file.statements[0]!);
        if (index) await dropInvalidIndex(db, index);
        await apply(db, () => (index ? requireValidIndex(db, index, file) : Promise.resolve()));
      } else await db.transaction((tx) => apply(tx));
      const ms = performance.now() - started;
      applied.push({ version: file.version, name: file.name, ms });
      options.onProgress?.({ type: 'applied', index, total: pending.length, version: file.version, name: file.name, ms });
    }
    return { applied, status: await migrationStatus(db, files) };
  });
}
