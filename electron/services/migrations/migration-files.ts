// The shipped migration files: `supabase/migrations/<digits>_<name>.sql`, read and split.
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AdminError } from '../../db/admin-error';
import { splitSqlStatements } from './split-sql';

export type MigrationFile = {
  version: string;
  name: string;
  fileName: string;
  sql: string;
  statements: string[];
};

const FILE_NAME = /^([0-9]+)_(.*)\.sql$/;

/**
 * Where the shipped migrations are: `MAGNA_MIGRATIONS_DIR`, the packaged app's resources
 * (electron-builder extraResources), or beside the code (source tree or build). Never the
 * current directory's supabase/migrations: a project folder's own files must not silently
 * win over what this console ships (the CLI takes another folder only with --migrations).
 */
export function defaultMigrationsDir(): string {
  const fromEnv = process.env.MAGNA_MIGRATIONS_DIR;
  if (fromEnv) return fromEnv;
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const candidates = [
    resources ? path.join(resources, 'supabase', 'migrations') : null,
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'supabase', 'migrations'),
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'supabase', 'migrations'),
  ].filter((p): p is string => p !== null);
  return candidates.find((p) => existsSync(p)) ?? candidates[candidates.length - 1]!;
}

export async function readMigrationFiles(dir: string = defaultMigrationsDir()): Promise<MigrationFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.sql'));
  } catch {
    throw new AdminError({
      code: 'migrations_dir_missing',
      message: `No migrations folder at ${dir}.`,
      hint: 'Point --migrations (or MAGNA_MIGRATIONS_DIR) at a supabase/migrations folder; without either, the console uses the migrations it ships.',
    });
  }
  const malformed = names.filter((n) => !FILE_NAME.test(n));
  if (malformed.length > 0) {
    throw new AdminError({
      code: 'migration_file_name',
      message: `Malformed migration file name${malformed.length > 1 ? 's' : ''}: ${malformed.join(', ')}.`,
      hint: 'Migration files are named <YYYYMMDDHHMMSS>_<description>.sql, as the Supabase CLI expects. Rename the file; nothing was applied.',
    });
  }
  const files = await Promise.all(
    names.map(async (fileName) => {
      const match = FILE_NAME.exec(fileName)!;
      const sql = await readFile(path.join(dir, fileName), 'utf8');
      return { version: match[1]!, name: match[2]!, fileName, sql, statements: splitSqlStatements(sql) };
    }),
  );
  files.sort((a, b) => compareVersions(a.version, b.version));
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.version)) {
      throw new AdminError({
        code: 'migration_version_duplicate',
        message: `Two migration files share version ${f.version}.`,
        hint: 'Give one of them a later timestamp; nothing was applied.',
      });
    }
    seen.add(f.version);
  }
  return files;
}

/** Versions are digit strings; compare numerically whatever their length. */
export function compareVersions(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  return x.length !== y.length ? x.length - y.length : x < y ? -1 : x > y ? 1 : 0;
}
