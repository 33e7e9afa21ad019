// The browser shell's HTTP boundary: token, Host and Origin checks, validation before any
// handler runs, and the same handlers as the Electron shell.
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../electron/services/connections/file-secret-store';
import { startBrowserServer, type BrowserServer } from '../../electron/shells/browser-server';
import { createConsoleApp, type ConsoleApp } from '../../electron/shells/console-app';

let app: ConsoleApp;
let server: BrowserServer;
let dataDir: string;
const calls: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'magna-shell-'));
  const rendererDir = path.join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  app = createConsoleApp({ shell: 'browser', dataDir, secrets: () => new FileSecretStore(path.join(dataDir, 'secrets.json')), openExternal: async () => false });
  // Count handler runs, to prove that refused requests run nothing.
  for (const [name, fn] of Object.entries(app.handlers)) {
    (app.handlers as Record<string, (i: unknown) => Promise<unknown>>)[name] = (input: unknown) => {
      calls.push(name);
      return (fn as (i: unknown) => Promise<unknown>)(input);
    };
  }
  server = await startBrowserServer(app, { rendererDir });
});
afterAll(async () => {
  await server.close();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${server.port}`;
const rpc = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base()}/api/rpc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, ...headers }, body: JSON.stringify(body) });

describe('browser shell', () => {
  it('answers 401 without the token, or with a wrong one, and runs nothing', async () => {
    const before = calls.length;
    const none = await fetch(`${base()}/api/rpc/connections:list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await rpc('connections:list', {}, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect((await fetch(`${base()}/`)).status).toBe(401);
    expect(calls.length).toBe(before);
  });

  it('exchanges the printed URL\'s token for an HttpOnly, SameSite=Strict cookie', async () => {
    const r = await fetch(server.url, { redirect: 'manual' });
    expect(r.status).toBe(302);
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${base()}/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    // fetch() cannot set Host: a raw request can, as a rebinding attacker's page effectively does.
    const hostStatus = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, path: '/api/rpc/connections:list', method: 'POST',
        headers: { host: 'evil.example', authorization: `Bearer ${server.token}`, 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(hostStatus).toBe(421);
    const origin = await rpc('connections:list', {}, { origin: 'https://evil.example' });
    expect(origin.status).toBe(403);
  });

  it('rejects a malformed payload naming the field, before any handler runs', async () => {
    const before = calls.length;
    const r = await rpc('migrations:sql', { version: 'drop table' });
    const body = (await r.json()) as { ok: boolean; error: { code: string; message: string; fields: Record<string, string> } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.fields.version).toBe('A version is digits only.');
    const extra = (await (await rpc('connections:list', { sneaky: 1 })).json()) as { error: { code: string } };
    expect(extra.error.code).toBe('invalid_input');
    const notJson = await fetch(`${base()}/api/rpc/connections:list`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` }, body: '{nope' });
    expect(notJson.status).toBe(400);
    expect(calls.length).toBe(before);
  });

  it('refuses an unknown channel and oversized bodies', async () => {
    const unknown = (await (await rpc('system:exec', {})).json()) as { error: { code: string } };
    expect(unknown.error.code).toBe('unknown_channel');
    const big = await rpc('connections:list', { x: 'a'.repeat(12_100_000) });
    expect(big.status).toBe(413);
  });

  it('serves the handlers: a profile saved in the browser shell never takes secrets from the page', async () => {
    const list = (await (await rpc('connections:list', {})).json()) as { ok: boolean; data: { activeId: string; secretsEditable: boolean } };
    expect(list.data).toMatchObject({ activeId: 'embedded', secretsEditable: false });
    const withKey = (await (await rpc('connections:save', { kind: 'supabase', name: 'Prod', supabaseUrl: 'https://abc.supabase.co', serviceRoleKey: 'sb_secret_0123456789abcdefghij' })).json()) as { ok: boolean; error: { code: string } };
    expect(withKey).toMatchObject({ ok: false, error: { code: 'secrets_read_only' } });
    const saved = (await (await rpc('connections:save', { kind: 'supabase', name: 'Prod', supabaseUrl: 'https://abc.supabase.co/', production: true })).json()) as { ok: boolean; data: { supabaseUrl: string; serviceRoleKey: { set: boolean } } };
    expect(saved).toMatchObject({ ok: true, data: { supabaseUrl: 'https://abc.supabase.co', serviceRoleKey: { set: false } } });
  });

  it('refuses to open a non-http link', async () => {
    const r = (await (await rpc('shell:open-external', { url: 'file:///etc/passwd' })).json()) as { error: { code: string } };
    expect(r.error.code).toBe('unsafe_url');
  });
});
