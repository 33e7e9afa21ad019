// A browser shell on loopback for the HTTP-boundary tests: a console app on a fresh data folder,
// a stub renderer, a way to sign in as a browser does, and raw requests for what fetch() will
// not send (a foreign Host, a broken path).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { FileSecretStore } from '../../electron/services/connections/file-secret-store';
import { startBrowserServer, type BrowserServer } from '../../electron/shells/browser-server';
import { createConsoleApp, type ConsoleApp } from '../../electron/shells/console-app';

export type TestShell = {
  app: ConsoleApp;
  server: BrowserServer;
  dataDir: string;
  base: string;
  /** Every handler run, to prove that refused requests run nothing. */
  calls: string[];
  close: () => Promise<void>;
};

export async function startTestShell(): Promise<TestShell> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'magna-shell-'));
  const rendererDir = path.join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const app = createConsoleApp({
    shell: 'browser',
    dataDir,
    secrets: () => new FileSecretStore(path.join(dataDir, 'secrets.json')),
    openExternal: async () => false,
  });
  const calls: string[] = [];
  for (const [name, fn] of Object.entries(app.handlers)) {
    (app.handlers as Record<string, (i: unknown) => Promise<unknown>>)[name] = (input: unknown) => {
      calls.push(name);
      return (fn as (i: unknown) => Promise<unknown>)(input);
    };
  }
  const server = await startBrowserServer(app, { rendererDir });
  return {
    app,
    server,
    dataDir,
    calls,
    base: `http://127.0.0.1:${server.port}`,
    close: async () => {
      await server.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a login link as a browser does; returns the `name=value` of the session cookie it sets. */
export async function signIn(loginUrl: string): Promise<string> {
  const r = await fetch(loginUrl, { redirect: 'manual' });
  if (r.status !== 302) throw new Error(`sign-in answered ${r.status}`);
  return (r.headers.get('set-cookie') ?? '').split(';')[0]!;
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; text: string; json: () => unknown };

/** One request exactly as given (Host included), over a fresh connection. */
export function raw(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        agent: false,
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as unknown });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
