// The headless CLI: migrate status as JSON, a backfill with the offline provider, clear errors.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedTestDatabase, type EmbeddedTestDatabase } from '../support/test-database';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const cli = (...args: string[]) => run(process.execPath, [path.join(root, 'bin', 'magna-console.mjs'), ...args], { cwd: root, timeout: 120_000 });

let t: EmbeddedTestDatabase;
let plainUser: string;
beforeAll(async () => {
  t = await openEmbeddedTestDatabase('demo');
  plainUser = (
    await t.db.query<{ username: string }>(
      'select u.username from public.users u where u.is_active and not exists (select 1 from public.staff_roles s where s.user_id = u.id) order by 1 limit 1',
    )
  )[0]!.username;
  await t.db.close(); // the CLI opens the folder itself
});
afterAll(() => t.dispose());

describe('magna-console', () => {
  it("--version and -v print the package's version and exit 0", async () => {
    const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) expect((await cli(flag)).stdout).toBe(`magna-console ${version}\n`);
  });

  it('reports every shipped migration as applied, in JSON', async () => {
    const { stdout } = await cli('migrate', 'status', '--embedded', t.dir, '--json');
    const status = JSON.parse(stdout) as { ok: boolean; pending: number; migrations: { state: string }[] };
    expect(status.ok).toBe(true);
    expect(status.pending).toBe(0);
    expect(status.migrations.every((m) => m.state === 'applied')).toBe(true);
  });

  it('runs a backfill with the offline provider to completion', async () => {
    const { stdout } = await cli('backfill', '--embedded', t.dir, '--statuses', 'flagged', '--json');
    const result = JSON.parse(stdout) as { ok: boolean; done: number; failed: number; stopped: string };
    expect(result).toMatchObject({ ok: true, failed: 0, stopped: 'finished' });
    expect(result.done).toBeGreaterThan(0);
  });

  it('fails with a clear message and a non-zero exit on bad input', async () => {
    const err = (await cli('migrate', 'up', '--database-url', 'postgresql://u:secretpw@127.0.0.1:9/db', '--json').catch((e: unknown) => e)) as {
      code: number;
      stdout: string;
    };
    expect(err.code).toBe(1);
    const body = JSON.parse(err.stdout) as { ok: boolean; error: { message: string } };
    expect(body.error.message).toBe('Could not connect to the database at 127.0.0.1:9/db.');
    expect(err.stdout).not.toContain('secretpw');
    const usage = (await cli('backfill', '--embedded', t.dir, '--scope', 'some').catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--scope');
  });

  it.each([
    ['an unknown user', () => 'nobody_by_this_name'],
    ['a user without a staff role', () => plainUser],
  ])('--operator naming %s prints one sentence saying so and which roles exist, and does nothing', async (_who, name) => {
    const err = (await cli('backfill', '--embedded', t.dir, '--statuses', 'flagged', '--operator', name()).catch((e: unknown) => e)) as {
      code: number;
      stderr: string;
      stdout: string;
    };
    expect(err.code).toBe(1);
    expect(err.stderr.trim().split('\n')).toEqual([
      `error: "${name()}" is not an active staff member, so it cannot be the operator: pass the username of an active user holding a staff role (moderator, curator, admin).`,
    ]);
    expect(err.stdout).toBe('');
  });

  it('demo-data on a new folder migrates it first, then refuses to fill it a second time in one sentence', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'magna-cli-demo-'));
    try {
      const first = await cli('demo-data', '--embedded', path.join(dir, 'ws'), '--videos', '20');
      expect(first.stderr).toMatch(/Applying \d+ migration\(s\) first/);
      expect(first.stdout).toMatch(/^videos: 20$/m);
      const again = (await cli('demo-data', '--embedded', path.join(dir, 'ws')).catch((e: unknown) => e)) as { code: number; stderr: string };
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(
        /^error: The database already holds 20 video\(s\) and \d+ user\(s\): demo data goes only into an empty database\.\n/,
      );
      expect(again.stderr).toMatch(/\nhint: Pass --add to add more demo data to it/);
      expect(again.stderr).not.toMatch(/duplicate key|at \w+ \(/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  // Six CLI runs, each opening the folder anew: more than the default minute on a busy machine.
  it('demo-data --add adds to a database that holds data, twice, with no clash of any unique key', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'magna-cli-demo-add-'));
    const ws = path.join(dir, 'ws');
    const counts = async () => {
      const { stdout } = await cli('overview', '--embedded', ws, '--json');
      return (JSON.parse(stdout) as { overview: { tables: { name: string; rows: number; exact: boolean }[] } }).overview.tables;
    };
    const rows = (tables: { name: string; rows: number; exact: boolean }[], name: string) =>
      tables.find((t) => t.name === name && t.exact)?.rows ?? -1;
    try {
      await cli('demo-data', '--embedded', ws, '--videos', '60');
      const before = await counts();
      const first = await cli('demo-data', '--embedded', ws, '--videos', '50', '--add', '--json');
      expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, rows: { videos: 50, users: 40, staff_roles: 0 } });
      // The same seed again: a second run lands past the first, not on it.
      const second = await cli('demo-data', '--embedded', ws, '--videos', '50', '--add', '--json');
      expect(JSON.parse(second.stdout)).toMatchObject({ ok: true, rows: { videos: 50, users: 40, staff_roles: 0 } });
      const after = await counts();
      expect(rows(after, 'videos')).toBe(rows(before, 'videos') + 100);
      expect(rows(after, 'users')).toBe(rows(before, 'users') + 80);
      for (const table of ['video_tags', 'video_references', 'collections', 'comments'])
        expect(rows(after, table), table).toBeGreaterThan(rows(before, table));
      // Staff stay the three demo staff; without --add the folder is still refused.
      expect(rows(after, 'staff_roles')).toBe(rows(before, 'staff_roles'));
      const refused = (await cli('demo-data', '--embedded', ws, '--videos', '5').catch((e: unknown) => e)) as { code: number; stderr: string };
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^error: The database already holds 160 video\(s\) and \d+ user\(s\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
