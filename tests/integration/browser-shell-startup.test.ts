// Starting the browser shell on a machine in a bad state, as a user would: the real entry point
// (electron/shells/serve-main.ts) in its own process. Each fault must end in one clear sentence
// on stderr that says what to do — never a stack trace, "[object Object]" or a secret — and a
// non-zero exit code where the console cannot go on.
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const ENTRY = path.join(root, 'electron', 'shells', 'serve-main.ts');
const KEY = 'sb_secret_CANARYcanaryCANARY0123456789';
/** An environment profile that opens without any network or database work. */
const SUPABASE_ENV = { MAGNA_SUPABASE_URL: 'http://127.0.0.1:9', MAGNA_SUPABASE_SERVICE_ROLE_KEY: KEY };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'magna-startup-'));
  chmodSync(dir, 0o755); // an unprivileged user must reach into it (see asNobody)
  mkdirSync(path.join(dir, 'renderer'));
  writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
});
afterEach(() => {
  for (const p of [dir, path.join(dir, 'data'), path.join(dir, 'data', 'workspace')]) if (existsSync(p)) chmodSync(p, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

type Run = { code: number | null; stdout: string; stderr: string; started: boolean };

/**
 * Runs the shell until it exits, or until it prints its link (then stops it with SIGTERM).
 * As root, `asNobody` runs it as the unprivileged user so permissions mean something.
 */
function runShell(env: Record<string, string>, options: { asNobody?: boolean } = {}): Promise<Run> {
  const ids = options.asNobody && process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        MAGNA_RENDERER_DIR: path.join(dir, 'renderer'),
        MAGNA_DATA_DIR: path.join(dir, 'data'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...ids,
    });
    let stdout = '';
    let stderr = '';
    let started = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the shell neither started nor stopped in time:\n${stdout}\n${stderr}`));
    }, 45_000);
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (!started && /Open: http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(stdout)) {
        started = true;
        // Give the start-up work that runs after the link (opening the profile) a moment to report.
        setTimeout(() => child.kill('SIGTERM'), 1500);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, started });
    });
  });
}

/** One line, no stack frame, no "[object Object]", no secret. */
function expectOneClearSentence(stderr: string) {
  const lines = stderr.split('\n').filter(Boolean);
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain('[object Object]');
  expect(stderr).not.toContain('CANARY');
  return lines[0]!;
}

/** Whether this machine can run a process as another, unprivileged user (root can). */
/** Whether another user can reach the project (every folder above it traversable by others). */
function reachableByOthers(p: string): boolean {
  for (let d = p; ; d = path.dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false;
    if (path.dirname(d) === d) return true;
  }
}
// As root the shell runs as nobody, which must reach the project (a clone inside a 0700 temp folder cannot).
const canDropPrivileges = process.platform === 'linux' && process.getuid?.() === 0 && reachableByOthers(root);
if (process.platform === 'linux' && process.getuid?.() === 0 && !canDropPrivileges)
  console.warn(`read-only folder cases skipped: ${root} is not reachable by an unprivileged user (a folder above it is not o+x)`);
const isUnprivileged = process.platform !== 'win32' && process.getuid?.() !== 0;

describe('start-up faults', () => {
  it('a damaged profiles.json: starts with the defaults, keeps the file aside, says so once', async () => {
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'data', 'profiles.json'), '{"profiles": [{"id": "a", "na');
    const run = await runShell(SUPABASE_ENV);
    expect(run.started).toBe(true);
    const line = expectOneClearSentence(run.stderr);
    expect(line).toMatch(
      /^The profiles file .*profiles\.json was damaged \(it is not valid JSON\): it is kept as profiles\.json\.damaged-[\dT-]+Z and the console starts with the default profiles\.$/,
    );
    expect(readdirSync(path.join(dir, 'data')).filter((n) => n.startsWith('profiles.json.damaged-'))).toHaveLength(1);
    expect(run.code).toBe(0);
  });

  it('a damaged secrets.json: refused in one sentence that names it and shows none of it, exit 1', async () => {
    mkdirSync(path.join(dir, 'data'));
    const secrets = path.join(dir, 'data', 'secrets.json');
    writeFileSync(secrets, `{"profiles": {"prod": {"serviceRoleKey": "${KEY}" "databaseUrl": "postgresql://u:CANARYpw@h/db"}}}`, { mode: 0o600 });
    const run = await runShell(SUPABASE_ENV);
    expect(run.started).toBe(false);
    expect(run.code).toBe(1);
    const line = expectOneClearSentence(run.stderr);
    expect(line).toContain(`The secrets file ${secrets} is damaged: it is not valid JSON (line 1, column`);
    expect(line).toContain('Fix it or move it away, then start again (its content is not shown: it holds keys).');
    expect(run.stdout).not.toContain('CANARY');
  });

  it('a data folder that cannot be created (a file is in the way): one sentence, exit 1', async () => {
    writeFileSync(path.join(dir, 'file'), 'x');
    const run = await runShell({ ...SUPABASE_ENV, MAGNA_DATA_DIR: path.join(dir, 'file', 'data') });
    expect(run.code).toBe(1);
    const line = expectOneClearSentence(run.stderr);
    expect(line).toMatch(
      /^The data folder .*file\/data cannot be written \(a part of the path is a file, not a folder \(ENOTDIR\)\): move the file that is in the way, or choose another folder with MAGNA_DATA_DIR\.$/,
    );
  });

  it.runIf(canDropPrivileges || isUnprivileged)('a read-only data folder: one sentence, exit 1', async () => {
    mkdirSync(path.join(dir, 'data'), { mode: 0o555 });
    chmodSync(path.join(dir, 'data'), 0o555);
    const run = await runShell(SUPABASE_ENV, { asNobody: true });
    expect(run.code).toBe(1);
    const line = expectOneClearSentence(run.stderr);
    expect(line).toMatch(
      /^The data folder .*data cannot be written \(permission denied \(EACCES\)\): fix its permissions, or choose another folder with MAGNA_DATA_DIR\.$/,
    );
  });

  it.runIf(canDropPrivileges || isUnprivileged)('a read-only workspace folder: one sentence, exit 1 (not "[object Object]")', async () => {
    mkdirSync(path.join(dir, 'data', 'workspace'), { recursive: true });
    if (canDropPrivileges) chownSync(path.join(dir, 'data'), 65534, 65534);
    chmodSync(path.join(dir, 'data', 'workspace'), 0o555);
    const run = await runShell({}, { asNobody: true });
    expect(run.code).toBe(1);
    const line = expectOneClearSentence(run.stderr);
    expect(line).toMatch(
      /^The local workspace folder .*workspace cannot be written \(permission denied \(EACCES\)\): fix its permissions, or choose another folder with MAGNA_DATA_DIR\.$/,
    );
  });

  it('a workspace folder blocked by a file: one sentence, exit 1', async () => {
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'data', 'workspace'), 'x');
    const run = await runShell({});
    expect(run.code).toBe(1);
    expectOneClearSentence(run.stderr);
    expect(run.stderr).toMatch(
      /^The local workspace folder .*workspace cannot be written \(a file is in the way \(EEXIST\)\): move the file that is in the way/,
    );
  });

  it.runIf(process.platform === 'linux')('a full disk under the log: starts, says once that the log cannot be written, and serves', async () => {
    mkdirSync(path.join(dir, 'data', 'logs'), { recursive: true });
    symlinkSync('/dev/full', path.join(dir, 'data', 'logs', 'console.log'));
    const run = await runShell(SUPABASE_ENV);
    expect(run.started).toBe(true);
    expect(run.code).toBe(0);
    const notices = run.stderr.split('\n').filter((l) => l.startsWith('Could not write the log file'));
    expect(notices).toEqual([
      `Could not write the log file ${path.join(dir, 'data', 'logs', 'console.log')}: the disk is full (ENOSPC); log lines go to stderr from now on.`,
    ]);
    expect(run.stderr).toMatch(/INFO {2}browser shell listening on 127\.0\.0\.1:\d+/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('a plain-http MAGNA_SUPABASE_URL on another machine: refused at start-up in one sentence, before the key goes anywhere', async () => {
    const run = await runShell({ ...SUPABASE_ENV, MAGNA_SUPABASE_URL: 'http://192.0.2.2:47203' });
    expect(run.code).toBe(2);
    expect(expectOneClearSentence(run.stderr)).toBe(
      'MAGNA_SUPABASE_URL: use https:// (plain http only for a project on this machine): the service-role key is sent there',
    );
    expect(run.stdout).not.toContain('http://127.0.0.1');
  });

  it('a busy port chosen with MAGNA_PORT: one sentence naming the port and how to choose another, exit 1', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const run = await runShell({ ...SUPABASE_ENV, MAGNA_PORT: String(port) });
      expect(run.code).toBe(1);
      const line = expectOneClearSentence(run.stderr);
      expect(line).toBe(
        `Port ${port} on 127.0.0.1 is already in use: stop the program that holds it, or choose another port with MAGNA_PORT=<port> (MAGNA_PORT=0 picks a free one).`,
      );
      expect(run.stderr).not.toContain('EADDRINUSE:');
    } finally {
      blocker.close();
    }
  });

  it('no port chosen: the system picks a free one, so a busy port cannot stop the start', async () => {
    const run = await runShell(SUPABASE_ENV);
    expect(run.started).toBe(true);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/Open: http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{96}\n\(the link works once/);
  });
});
