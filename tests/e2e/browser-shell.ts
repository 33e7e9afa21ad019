// Starts the built browser shell (dist-electron/serve.js) on a fresh temporary data folder and
// hands its login link to the test. The printed link works once, and each test opens a fresh
// browser context, so the harness starts the shell with its own login key (MAGNA_LOGIN_KEY) and
// mints a new one-time link each time `url` is read. It returns once the active profile answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mintLoginToken } from '../../electron/shells/browser-session';

export type Shell = {
  /** A fresh one-time login link at every read. */
  readonly url: string;
  origin: string;
  dataDir: string;
  logFile: string;
  stop: () => Promise<void>;
};

const root = path.resolve(import.meta.dirname, '..', '..');

/**
 * Waits until the shell's active profile has opened (on a fresh data folder: the workspace created,
 * migrated and filled with demo data, which the shell starts at once but which takes much longer
 * than a test's 20 s expectations on a loaded CI machine). Whether it opened or failed does not
 * matter here: the test sees that.
 */
async function untilActiveProfileOpen(origin: string, token: string): Promise<void> {
  const login = await fetch(`${origin}/?token=${token}`, { redirect: 'manual' });
  const cookie = login.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error(`the browser shell did not sign the harness in (HTTP ${login.status})`);
  await fetch(`${origin}/api/rpc/database:overview`, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/json' },
    body: '{}',
    signal: AbortSignal.timeout(180_000),
  });
}

export async function startShell(env: Record<string, string> = {}): Promise<Shell> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'magna-e2e-'));
  const loginKey = randomBytes(32);
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'dist-electron', 'serve.js')], {
    cwd: root,
    env: { ...process.env, MAGNA_DATA_DIR: dataDir, MAGNA_PORT: '0', MAGNA_LOGIN_KEY: loginKey.toString('hex'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const printed = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser shell did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser shell exited (${code}):\n${output}`)));
  });
  const origin = new URL(printed).origin;
  await untilActiveProfileOpen(origin, mintLoginToken(loginKey));
  return {
    get url() {
      return `${origin}/?token=${mintLoginToken(loginKey)}`;
    },
    origin,
    dataDir,
    logFile: path.join(dataDir, 'logs', 'console.log'),
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
