// The migration runner: Supabase-CLI-compatible history, idempotent up, modified and unknown
// files reported, a failing file leaves nothing behind, concurrent runs serialized.
import { mkdtemp, rm, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, readMigrationFiles, type MigrationFile } from '../../electron/services/migrations/migration-files';
import { concurrentIndexName, migrateUp, migrationStatus, runsOutsideTransaction } from '../../electron/services/migrations/migration-runner';
import { MIGRATIONS_DIR, openEmptyDatabase, openTestDatabase, type TestDatabase } from '../support/test-database';

const open: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.dispose()));
});
const track = (t: TestDatabase) => (open.push(t), t);

const file = (version: string, name: string, sql: string): MigrationFile => ({
  version,
  name,
  fileName: `${version}_${name}.sql`,
  sql,
  statements: sql
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean),
});

describe('migration runner', () => {
  it('applies every shipped migration, then up again is a no-op', async () => {
    const { db } = track(await openEmptyDatabase());
    const files = await readMigrationFiles(MIGRATIONS_DIR);
    const first = await migrateUp(db, files);
    expect(first.applied.map((a) => a.version)).toEqual(files.map((f) => f.version));
    expect(first.status.migrations.every((m) => m.state === 'applied')).toBe(true);
    const second = await migrateUp(db, files);
    expect(second.applied).toEqual([]);
  });

  it('records history exactly as the Supabase CLI does', async () => {
    const { db } = track(await openTestDatabase('bare'));
    const cols = await db.query<{ column_name: string; data_type: string }>(
      "select column_name, data_type from information_schema.columns where table_schema = 'supabase_migrations' and table_name = 'schema_migrations' order by ordinal_position",
    );
    expect(cols).toEqual([
      { column_name: 'version', data_type: 'text' },
      { column_name: 'statements', data_type: 'ARRAY' },
      { column_name: 'name', data_type: 'text' },
    ]);
    const [row] = await db.query<{ version: string; name: string; statements: string[] }>(
      'select * from supabase_migrations.schema_migrations order by version limit 1',
    );
    expect(row!.name).toBe('bootstrap_roles_auth_extensions');
    expect(row!.statements.length).toBeGreaterThan(3);
  });

  it('records when and by whom the console applied each file; one another tool applied shows neither', async () => {
    const { db } = track(await openEmptyDatabase());
    const files = await readMigrationFiles(MIGRATIONS_DIR);
    const before = Date.now() - 60_000;
    const { status } = await migrateUp(db, files.slice(0, 2), { appliedBy: 'alice@desk (console)' });
    // `supabase db push` writes only the CLI's own table.
    await db.query('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)', [
      files[2]!.version,
      files[2]!.name,
      files[2]!.statements,
    ]);
    expect(status.migrations.slice(0, 2).map((m) => m.appliedBy)).toEqual(['alice@desk (console)', 'alice@desk (console)']);
    expect(Date.parse(status.migrations[0]!.appliedAt!)).toBeGreaterThan(before);
    const after = await migrationStatus(db, files);
    expect(after.migrations[2]).toMatchObject({ state: 'applied', appliedAt: null, appliedBy: null });
    expect(after.migrations[3]).toMatchObject({ state: 'pending', appliedAt: null, appliedBy: null });
  });

  it('reports a modified applied file and a version unknown to this console', async () => {
    const { db } = track(await openTestDatabase('bare'));
    const files = await readMigrationFiles(MIGRATIONS_DIR);
    const changed = files.map((f, i) => (i === 1 ? { ...f, statements: [...f.statements, 'select 1'] } : f));
    await db.query("insert into supabase_migrations.schema_migrations (version, name, statements) values ('20250101000000', 'from_elsewhere', '{}')");
    const status = await migrationStatus(db, changed);
    expect(status.migrations.find((m) => m.version === files[1]!.version)?.state).toBe('modified');
    expect(status.migrations.find((m) => m.version === '20250101000000')?.state).toBe('unknown');
    expect(status.migrations.filter((m) => m.state === 'applied')).toHaveLength(files.length - 1);
  });

  it('does not report a file as modified for comments or whitespace', async () => {
    const { db } = track(await openTestDatabase('bare'));
    const files = await readMigrationFiles(MIGRATIONS_DIR);
    const reformatted = files.map((f) => ({
      ...f,
      statements: f.statements.map((s) => `-- reformatted\n/* by an editor */   ${s.replace(/^(\w+) /, '$1\n    ')}  `),
    }));
    const status = await migrationStatus(db, reformatted);
    expect(status.migrations.every((m) => m.state === 'applied')).toBe(true);
  });

  it('stops at a failing file, names it and its statement, and leaves nothing of it behind', async () => {
    const { db } = track(await openTestDatabase('bare'));
    const shipped = await readMigrationFiles(MIGRATIONS_DIR);
    const files = [
      ...shipped,
      file('29990101000000', 'good', 'create table public.good_one (id int)'),
      file('29990101000001', 'bad', 'create table public.half_done (id int); select * from public.no_such_table'),
      file('29990101000002', 'after', 'create table public.never (id int)'),
    ];
    const error = await migrateUp(db, files).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '42P01' });
    expect((error as Error).message).toContain('29990101000001_bad.sql');
    expect((error as Error).message).toContain('statement 2 of 2');
    expect((error as { details: string }).details).toContain('no_such_table');
    const tables = await db.query<{ t: string | null; h: string | null; n: string | null }>(
      "select to_regclass('public.good_one')::text as t, to_regclass('public.half_done')::text as h, to_regclass('public.never')::text as n",
    );
    expect(tables[0]).toEqual({ t: 'good_one', h: null, n: null });
    const status = await migrationStatus(db, files);
    expect(status.migrations.filter((m) => m.state === 'pending').map((m) => m.version)).toEqual(['29990101000001', '29990101000002']);
  });

  it('serializes two concurrent up calls: each file is applied once', async () => {
    const { db } = track(await openEmptyDatabase());
    const files = await readMigrationFiles(MIGRATIONS_DIR);
    const [a, b] = await Promise.all([migrateUp(db, files), migrateUp(db, files)]);
    expect(a.applied.length + b.applied.length).toBe(files.length);
    expect([a.applied.length, b.applied.length].sort()).toEqual([0, files.length]);
  });

  it('refuses a database with migrations newer than this version, unless forced', async () => {
    const { db } = track(await openTestDatabase('bare'));
    const files = await readMigrationFiles(MIGRATIONS_DIR);
    await db.query("insert into supabase_migrations.schema_migrations (version, name) values ('29991231235959', 'from_the_future')");
    await expect(migrateUp(db, files)).rejects.toMatchObject({ code: 'migrations_newer_in_database' });
    await expect(migrateUp(db, files, { force: true })).resolves.toMatchObject({ applied: [] });
  });

  it('refuses a migrations folder with a malformed file name, naming it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'magna-mig-'));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      await writeFile(path.join(dir, 'add_things.sql'), 'select 1;');
      await expect(readMigrationFiles(dir)).rejects.toMatchObject({
        code: 'migration_file_name',
        message: expect.stringContaining('add_things.sql'),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says clearly when pgvector cannot be had, and applies nothing of that file', async () => {
    const { db } = track(await openEmptyDatabase());
    const files = await readMigrationFiles(MIGRATIONS_DIR);
    // Simulate a server without pgvector: the bootstrap checks pg_available_extensions.
    const bootstrap = files[0]!;
    const withoutVector = {
      ...bootstrap,
      statements: bootstrap.statements.map((s) => s.replace("where name = 'vector'", "where name = 'vector_not_installed'")),
    };
    const error = await migrateUp(db, [withoutVector]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '0A000', hint: expect.stringContaining('pgvector') });
    expect((error as Error).message).toContain('pgvector is not available');
    const [row] = await db.query<{ n: string | null }>("select to_regnamespace('extensions')::text as n");
    expect(row!.n).toBeNull();
  });
});

describe('a concurrent index build that died', () => {
  it('is dropped and rebuilt on the next run, and the file is recorded only with a valid index', async () => {
    const { db } = track(await openTestDatabase('bare'));
    const files = await readMigrationFiles(MIGRATIONS_DIR);
    const concurrent = files.find((f) => runsOutsideTransaction(f) && concurrentIndexName(f.statements[0]!))!;
    const index = concurrentIndexName(concurrent.statements[0]!)!;
    // What a killed `create index concurrently` leaves: an INVALID index and no history row.
    await db.query('delete from supabase_migrations.schema_migrations where version = $1', [concurrent.version]);
    await db.query('update pg_index set indisvalid = false where indexrelid = to_regclass($1)', [index]);
    const rerun = await migrateUp(db, files);
    expect(rerun.applied.map((a) => a.version)).toEqual([concurrent.version]);
    const [row] = await db.query<{ valid: boolean }>('select indisvalid as valid from pg_index where indexrelid = to_regclass($1)', [index]);
    expect(row?.valid).toBe(true);
  });

  it('is never recorded as applied while its index stays invalid', async () => {
    const { db } = track(await openTestDatabase('bare'));
    await db.execute('create table public.t_dupes (v int)');
    await db.execute('insert into public.t_dupes values (1), (1)');
    const unique = file('99990101000000', 'unique_dupes', 'create unique index concurrently if not exists t_dupes_v on public.t_dupes (v)');
    await expect(migrateUp(db, [...(await readMigrationFiles(MIGRATIONS_DIR)), unique])).rejects.toMatchObject({
      message: expect.stringContaining('99990101000000_unique_dupes.sql'),
    });
    const status = await migrationStatus(db, [unique]);
    expect(status.migrations.find((m) => m.version === '99990101000000')?.state).toBe('pending');
    // The cause fixed, the next run rebuilds the index and records the file.
    await db.execute('delete from public.t_dupes');
    const fixed = await migrateUp(db, [...(await readMigrationFiles(MIGRATIONS_DIR)), unique]);
    expect(fixed.applied.map((a) => a.version)).toEqual(['99990101000000']);
  });

  it('names the index a concurrently file builds', () => {
    expect(concurrentIndexName('create index concurrently if not exists idx_a on public.videos (x)')).toBe('public.idx_a');
    expect(concurrentIndexName('create unique index concurrently idx_b on public.t (x)')).toBe('public.idx_b');
    expect(concurrentIndexName('create index concurrently idx_c on videos (x)')).toBe('public.idx_c');
  });
});

describe('which migrations the CLI uses', () => {
  it("never the current directory's supabase/migrations unless told", async () => {
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'magna-cwd-'));
    const cwd = process.cwd();
    try {
      await cp(MIGRATIONS_DIR, path.join(elsewhere, 'supabase', 'migrations'), { recursive: true });
      await writeFile(path.join(elsewhere, 'supabase', 'migrations', '99990101000000_sneaky.sql'), 'select 1;');
      process.chdir(elsewhere);
      expect(defaultMigrationsDir()).not.toContain(elsewhere);
      expect((await readMigrationFiles()).map((f) => f.name)).not.toContain('sneaky');
    } finally {
      process.chdir(cwd);
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});
