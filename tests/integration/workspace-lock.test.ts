// One process per embedded workspace folder. Two processes on one folder (two consoles, or a
// console and the CLI) corrupted it: lost writes, duplicate audit keys, an index disagreeing with
// its table. Here a real console (the browser shell, in its own process) holds a workspace, and
// every other opener is refused with one sentence naming it — until it is killed.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedDatabase } from '../../electron/db/embedded-database';
import { LOCK_DIR } from '../../electron/db/workspace-lock';
import { TEMPLATE_ROOT } from '../support/test-database';

const root = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);
const cli = (...args: string[]) => run(process.execPath, [path.join(root, 'bin', 'magna-console.mjs'), ...args], { cwd: root, timeout: 120_000 });

let dataDir: string;
let workspace: string;
let consoleProcess: ChildProcess;
let exited: Promise<unknown>;

async function waitFor(what: string, ready: () => boolean, ms = 90_000): Promise<void> {
  const until = Date.now() + ms;
  while (!ready()) {
    if (consoleProcess.exitCode !== null) throw new Error(`The console exited (${consoleProcess.exitCode}) before ${what}.`);
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'magna-lock-'));
  workspace = path.join(dataDir, 'workspace');
  await cp(path.join(TEMPLATE_ROOT, 'demo'), workspace, { recursive: true });
  // The console: the browser shell from the sources, which opens the embedded workspace at start.
  consoleProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'shells', 'serve-main.ts')], {
    cwd: root,
    env: { ...process.env, MAGNA_DATA_DIR: dataDir, MAGNA_PORT: '0' },
    stdio: 'ignore',
  });
  exited = once(consoleProcess, 'exit');
  const log = path.join(dataDir, 'logs', 'console.log');
  await waitFor('the console to open its workspace', () => existsSync(log) && readFileSync(log, 'utf8').includes('embedded workspace ready'));
});

afterAll(async () => {
  if (consoleProcess.exitCode === null && consoleProcess.signalCode === null) {
    consoleProcess.kill('SIGKILL');
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

describe('one process per embedded workspace', () => {
  const heldByTheConsole = () =>
    new RegExp(
      `^The workspace at ${workspace.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by the console \\(pid ${consoleProcess.pid}, started (\\d{4}-\\d\\d-\\d\\d )?\\d\\d:\\d\\d\\)\\. `,
    );

  it('refuses the CLI on a folder the console holds: one sentence naming the console, exit code 1', async () => {
    const err = (await cli('migrate', 'status', '--embedded', workspace).catch((e: unknown) => e)) as {
      code: number;
      stdout: string;
      stderr: string;
    };
    expect(err.code).toBe(1);
    expect(err.stdout).toBe('');
    const lines = err.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.replace(/^error: /, '')).toMatch(heldByTheConsole());
    expect(lines[0]).toMatch(/^error: .* Close it first, or point --embedded at another folder\.$/);
    expect(err.stderr).not.toContain('[object Object]');

    const json = (await cli('backfill', '--embedded', workspace, '--json').catch((e: unknown) => e)) as { code: number; stdout: string };
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      error: { code: 'workspace_locked', message: expect.stringMatching(heldByTheConsole()) },
    });
  });

  it('refuses a second browser shell on the folder at start-up: one sentence naming the console, exit code 1, no link printed', async () => {
    const second = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'shells', 'serve-main.ts')], {
      cwd: root,
      env: { ...process.env, MAGNA_DATA_DIR: dataDir, MAGNA_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    second.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    second.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const [code] = (await once(second, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(stdout).not.toContain('Open:');
    const lines = stderr.trimEnd().split('\n');
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toMatch(heldByTheConsole());
    expect(lines[0]).toMatch(/ Close it first: one console or CLI at a time can use a workspace folder\.$/);
    expect(consoleProcess.exitCode).toBeNull(); // the holder goes on
  });

  it('refuses a second opener while the console holds the folder, then recovers the lock the killed console left behind', async () => {
    const refused = await EmbeddedDatabase.open(workspace, { program: 'cli' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'workspace_locked', message: expect.stringMatching(heldByTheConsole()) });

    consoleProcess.kill('SIGKILL');
    await exited;
    // Killed outright, the console could not remove its lock.
    expect(existsSync(path.join(workspace, LOCK_DIR))).toBe(true);

    const db = await EmbeddedDatabase.open(workspace, { program: 'cli' });
    try {
      expect(await db.query('select count(*)::int as n from public.videos')).toEqual([{ n: 320 }]);
    } finally {
      await db.close();
    }
    expect(existsSync(path.join(workspace, LOCK_DIR))).toBe(false);
  });

  it('gives the folder to the next opener once the holder closes it, in this process too', async () => {
    const first = await EmbeddedDatabase.open(workspace);
    await expect(EmbeddedDatabase.open(workspace)).rejects.toMatchObject({ code: 'workspace_locked' });
    await first.close();
    const second = await EmbeddedDatabase.open(workspace);
    await second.close();
  });

  it('refuses a workspace folder that cannot be written in one sentence, not a raw errno (the CLI printed "EROFS: …, mkdir")', async () => {
    const blocked = path.join(workspace, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const refused = await EmbeddedDatabase.open(path.join(blocked, 'workspace'), { program: 'cli' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'workspace_unwritable',
      message: `The workspace folder ${path.join(blocked, 'workspace')} cannot be used (a part of the path is a file, not a folder (ENOTDIR)).`,
      hint: expect.stringContaining('write to'),
    });
  });
});
