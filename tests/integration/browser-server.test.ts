// The browser shell's HTTP boundary: sign-in, Host and Origin checks, validation before any
// handler runs, and the same handlers as the Electron shell. Then each attack an outside
// reviewer tried, as a test: a cookie carried to another port, a login link reused, a broken
// path, a JSONP body, an endless upload, and every refusal in the one error shape.
import net from 'node:net';
import http from 'node:http';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY, startBrowserServer, type BrowserServer } from '../../electron/shells/browser-server';
import { raw, signIn, startTestShell, type TestShell } from './browser-server-harness';

let shell: TestShell;
/** `name=value` of a session cookie of `shell`, as the browser that opened the link holds it. */
let cookie: string;

beforeAll(async () => {
  shell = await startTestShell();
  cookie = await signIn(shell.server.loginUrl());
});
afterAll(async () => shell.close());

const base = () => shell.base;
const rpc = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base()}/api/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify(body),
  });

type ErrorBody = { ok: false; error: { code: string; message: string; details: string | null; hint: string | null } };

/** The one error shape, as JSON, with the status it should carry. */
function expectErrorShape(status: number, contentType: string | null | undefined, body: unknown, expected: { status: number; code?: string }) {
  expect(status).toBe(expected.status);
  expect(contentType).toMatch(/^application\/json/);
  expect(body).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
  const { error } = body as ErrorBody;
  expect(error.details === null || typeof error.details === 'string').toBe(true);
  expect(error.hint === null || typeof error.hint === 'string').toBe(true);
  if (expected.code) expect(error.code).toBe(expected.code);
}

describe('browser shell', () => {
  it('answers 401 without the token, or with a wrong one, and runs nothing', async () => {
    const before = shell.calls.length;
    const none = await fetch(`${base()}/api/rpc/connections:list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await rpc('connections:list', {}, { cookie: `${shell.server.cookieName}=nope` });
    expect(wrong.status).toBe(401);
    expect((await fetch(`${base()}/`)).status).toBe(401);
    expect(shell.calls.length).toBe(before);
  });

  it("exchanges the printed URL's token for an HttpOnly, SameSite=Strict cookie", async () => {
    const r = await fetch(shell.server.url, { redirect: 'manual' });
    expect(r.status).toBe(302);
    const setCookie = r.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    const page = await fetch(`${base()}/`, { headers: { cookie: setCookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    // fetch() cannot set Host: a raw request can, as a rebinding attacker's page effectively does.
    const host = await raw(shell.server.port, {
      method: 'POST',
      path: '/api/rpc/connections:list',
      headers: { host: 'evil.example', cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(host.status).toBe(421);
    const origin = await rpc('connections:list', {}, { origin: 'https://evil.example' });
    expect(origin.status).toBe(403);
  });

  it('rejects a malformed payload naming the field, before any handler runs', async () => {
    const before = shell.calls.length;
    const r = await rpc('migrations:sql', { version: 'drop table' });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { ok: boolean; error: { code: string; message: string; fields: Record<string, string> } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.fields.version).toBe('A version is digits only.');
    const extraResponse = await rpc('connections:list', { sneaky: 1 });
    expect(extraResponse.status).toBe(400);
    const extra = (await extraResponse.json()) as { error: { code: string } };
    expect(extra.error.code).toBe('invalid_input');
    const notJson = await fetch(`${base()}/api/rpc/connections:list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
    // JSON null is not "no input": a channel that takes none still refuses it (it once ran the handler).
    const nullBody = await rpc('connections:list', null);
    expect(nullBody.status).toBe(400);
    expect(((await nullBody.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    expect(shell.calls.length).toBe(before);
  });

  it('refuses an unknown channel and oversized bodies', async () => {
    const unknownResponse = await rpc('system:exec', {});
    expect(unknownResponse.status).toBe(404);
    const unknown = (await unknownResponse.json()) as { error: { code: string } };
    expect(unknown.error.code).toBe('unknown_channel');
    const big = await rpc('connections:list', { x: 'a'.repeat(12_100_000) });
    expect(big.status).toBe(413);
  });

  it('serves the handlers: a secret typed in the browser shell goes to the user-only file once and never comes back', async () => {
    const list = (await (await rpc('connections:list', {})).json()) as { ok: boolean; data: { activeId: string; secretsEditable: boolean } };
    expect(list.data).toMatchObject({ activeId: 'embedded', secretsEditable: true });
    const key = 'sb_secret_0123456789abcdefCANARY';
    const dbUrl = 'postgresql://postgres:pw-CANARY-1@db.example.test:5432/postgres';
    const saved = (await (
      await rpc('connections:save', {
        kind: 'supabase',
        name: 'Prod',
        supabaseUrl: 'https://abc.supabase.co/',
        serviceRoleKey: key,
        databaseUrl: dbUrl,
      })
    ).json()) as { ok: boolean; data: { id: string; supabaseUrl: string } };
    expect(saved).toMatchObject({
      ok: true,
      data: { supabaseUrl: 'https://abc.supabase.co', serviceRoleKey: { set: true, hint: '…NARY', source: 'file' }, databaseUrl: { set: true } },
    });
    const listed = await (await rpc('connections:list', {})).text();
    for (const text of [JSON.stringify(saved), listed]) {
      expect(text).not.toContain('CANARY0');
      expect(text).not.toContain('pw-CANARY');
    }
    const file = path.join(shell.dataDir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ profiles: { [saved.data.id]: { serviceRoleKey: key, databaseUrl: dbUrl } } });
  });

  it('refuses to open a non-http link', async () => {
    const r = (await (await rpc('shell:open-external', { url: 'file:///etc/passwd' })).json()) as { error: { code: string } };
    expect(r.error.code).toBe('unsafe_url');
  });
});

describe('attacks on the session', () => {
  it('refuses a login link the second time: the printed token works once', async () => {
    const link = shell.server.loginUrl();
    const first = await signIn(link);
    const again = await fetch(link, { redirect: 'manual' });
    expectErrorShape(again.status, again.headers.get('content-type'), await again.json(), { status: 401, code: 'unauthorized' });
    expect(again.headers.get('set-cookie')).toBeNull();
    // The browser that used it stays signed in.
    expect((await fetch(`${base()}/`, { headers: { cookie: first } })).status).toBe(200);
  });

  it('never uses the token as the cookie, and accepts neither as a bearer credential', async () => {
    const link = shell.server.loginUrl();
    const token = new URL(link).searchParams.get('token')!;
    const session = await signIn(link);
    const [name, value] = session.split('=') as [string, string];
    expect(name).toBe(`magna_session_${shell.server.port}`);
    expect(value).not.toContain(token);
    const before = shell.calls.length;
    for (const bearer of [token, value, shell.server.loginUrl().split('token=')[1]!]) {
      const r = await fetch(`${base()}/api/rpc/connections:list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: '{}',
      });
      expect(r.status).toBe(401);
    }
    expect(shell.calls.length).toBe(before);
  });

  it('refuses a session cookie of a console on another port (browsers send cookies to every port)', async () => {
    const rendererDir = path.join(shell.dataDir, 'renderer-b');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>b</title>');
    const other: BrowserServer = await startBrowserServer(shell.app, { rendererDir });
    try {
      const otherCookie = await signIn(other.loginUrl());
      const otherValue = otherCookie.split('=')[1]!;
      expect((await fetch(`http://127.0.0.1:${other.port}/`, { headers: { cookie: otherCookie } })).status).toBe(200);
      const before = shell.calls.length;
      // As the browser sends it (under the other console's name), and renamed to this console's.
      for (const carried of [otherCookie, `${shell.server.cookieName}=${otherValue}`]) {
        const r = await rpc('connections:list', {}, { cookie: carried });
        expectErrorShape(r.status, r.headers.get('content-type'), await r.json(), { status: 401, code: 'unauthorized' });
      }
      // And the other way round.
      const back = await fetch(`http://127.0.0.1:${other.port}/`, { headers: { cookie: `${other.cookieName}=${cookie.split('=')[1]!}` } });
      expect(back.status).toBe(401);
      expect(shell.calls.length).toBe(before);
    } finally {
      await other.close();
    }
  });

  it('keeps a page on another local port from loading anything with the cookie its browser sends along', async () => {
    // <img src="http://127.0.0.1:PORT/%E0%A4%A"> on http://127.0.0.1:3000 is a same-site request.
    const img = await raw(shell.server.port, {
      path: '/%E0%A4%A',
      headers: { cookie, 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' },
    });
    expectErrorShape(img.status, img.headers['content-type'], img.json(), { status: 403, code: 'cross_origin' });
    const events = await raw(shell.server.port, {
      path: '/api/events',
      headers: { cookie, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' },
    });
    expect(events.status).toBe(403);
    // A link to the console is still a link: the navigation opens the page.
    const link = await raw(shell.server.port, { path: '/', headers: { cookie, 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate' } });
    expect(link.status).toBe(200);
  });

  it('keeps the user signed in when another local server plants a cookie of the same name first', async () => {
    const r = await rpc('connections:list', {}, { cookie: `${shell.server.cookieName}=planted; ${cookie}` });
    expect(r.status).toBe(200);
  });
});

describe('attacks on the HTTP boundary', () => {
  it('answers a malformed percent-encoding with 400, and keeps answering afterwards', async () => {
    const page = await raw(shell.server.port, { path: '/%E0%A4%A', headers: { cookie } });
    expectErrorShape(page.status, page.headers['content-type'], page.json(), { status: 400, code: 'malformed_url' });
    const channel = await raw(shell.server.port, {
      method: 'POST',
      path: '/api/rpc/%E0%A4%A',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expectErrorShape(channel.status, channel.headers['content-type'], channel.json(), { status: 400, code: 'malformed_url' });
    const nul = await raw(shell.server.port, { path: '/assets/%00.js', headers: { cookie } });
    expect(nul.status).toBe(400);
    // Without a session the same path is refused before anything is decoded.
    const anonymous = await raw(shell.server.port, { path: '/%E0%A4%A' });
    expect(anonymous.status).toBe(401);
    expect((await fetch(`${base()}/`, { headers: { cookie } })).status).toBe(200);
    expect((await rpc('connections:list', {})).status).toBe(200);
  });

  it('answers a request Node cannot even parse with a JSON 400', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(shell.server.port, '127.0.0.1', () => socket.end('NOT A REQUEST\r\n\r\n'));
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ ok: false, error: { code: 'malformed_request' } });
    expect((await rpc('connections:list', {})).status).toBe(200);
  });

  it('refuses application/jsonp and anything else that is not application/json with 415', async () => {
    const before = shell.calls.length;
    for (const type of [
      'application/jsonp',
      'application/json-patch+json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=utf-16',
      'application/json;evil=1',
    ]) {
      const r = await rpc('connections:list', {}, { 'content-type': type });
      expectErrorShape(r.status, r.headers.get('content-type'), await r.json(), { status: 415, code: 'unsupported_media_type' });
    }
    expect(shell.calls.length).toBe(before);
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8']) {
      expect((await rpc('connections:list', {}, { 'content-type': type })).status).toBe(200);
    }
  });

  it('refuses a body declared past the limit at once, without waiting for it, and hangs up', async () => {
    const started = Date.now();
    const answer = await new Promise<{ status: number; closedAfter: number }>((resolve) => {
      let status = 0;
      const req = http.request(
        {
          host: '127.0.0.1',
          port: shell.server.port,
          method: 'POST',
          path: '/api/rpc/graph:import',
          agent: false,
          headers: { 'content-type': 'application/json', cookie, 'content-length': String(MAX_BODY + 1_000_000) },
        },
        (res) => {
          status = res.statusCode ?? 0;
          res.resume();
        },
      );
      req.on('error', () => undefined); // the hang-up, once the answer is read
      req.on('close', () => resolve({ status, closedAfter: Date.now() - started }));
      req.write('{"csv":"'); // and then nothing: the old server waited for the rest forever
    });
    expect(answer.status).toBe(413);
    expect(answer.closedAfter).toBeLessThan(5000);
  });

  it('cuts off an endless upload past the limit: 413, connection closed, the rest never read', async () => {
    const result = await endlessUpload({ 'content-type': 'application/json', cookie });
    expect(result.status).toBe(413);
    // Answered as soon as the limit was passed, far before the 96 MB were sent, and hung up.
    expect(result.sentBeforeAnswer).toBeGreaterThan(MAX_BODY);
    expect(result.sentBeforeAnswer).toBeLessThan(ENDLESS / 2);
    // A server that drained the body before hanging up would have taken all of it.
    expect(result.sentBeforeHangUp).toBeLessThan(ENDLESS);
    expect((await rpc('connections:list', {})).status).toBe(200);
  });

  it('does not read the body of a request it refuses before reading (no session, wrong type)', async () => {
    for (const [headers, status] of [
      [{ 'content-type': 'application/json' }, 401],
      [{ 'content-type': 'text/plain', cookie }, 415],
    ] as const) {
      const result = await endlessUpload(headers);
      expect(result.status).toBe(status);
      expect(result.sentBeforeHangUp).toBeLessThan(ENDLESS / 2);
    }
  });

  it('answers every refusal in the one JSON error shape, with its HTTP status', async () => {
    const port = shell.server.port;
    const json = { cookie, 'content-type': 'application/json' };
    const cases: [string, Promise<{ status: number; headers: http.IncomingHttpHeaders; body: unknown }>, number, string][] = [
      ['malformed path', wrap(raw(port, { path: '/%E0%A4%A', headers: { cookie } })), 400, 'malformed_url'],
      ['invalid JSON', wrap(raw(port, { method: 'POST', path: '/api/rpc/connections:list', headers: json, body: '{' })), 400, 'invalid_json'],
      [
        'invalid input',
        wrap(raw(port, { method: 'POST', path: '/api/rpc/migrations:sql', headers: json, body: '{"version":"x"}' })),
        400,
        'invalid_input',
      ],
      ['no session', wrap(raw(port, { path: '/' })), 401, 'unauthorized'],
      ['spent or forged login link', wrap(raw(port, { path: `/?token=${'0'.repeat(96)}` })), 401, 'unauthorized'],
      [
        'foreign Origin',
        wrap(raw(port, { method: 'POST', path: '/api/rpc/connections:list', headers: { ...json, origin: 'http://127.0.0.1:1' }, body: '{}' })),
        403,
        'cross_origin',
      ],
      ['unknown channel', wrap(raw(port, { method: 'POST', path: '/api/rpc/system:exec', headers: json, body: '{}' })), 404, 'unknown_channel'],
      ['unknown API path', wrap(raw(port, { path: '/api/nothing', headers: { cookie } })), 404, 'not_found'],
      ['path outside the renderer', wrap(raw(port, { path: '/..%2f..%2fetc/passwd', headers: { cookie } })), 404, 'not_found'],
      ['GET on a channel', wrap(raw(port, { path: '/api/rpc/connections:list', headers: { cookie } })), 405, 'method_not_allowed'],
      ['DELETE on a page', wrap(raw(port, { method: 'DELETE', path: '/', headers: { cookie } })), 405, 'method_not_allowed'],
      [
        'too large',
        wrap(raw(port, { method: 'POST', path: '/api/rpc/graph:import', headers: { ...json, 'content-length': String(MAX_BODY + 1) } })),
        413,
        'payload_too_large',
      ],
      [
        'JSONP',
        wrap(raw(port, { method: 'POST', path: '/api/rpc/connections:list', headers: { ...json, 'content-type': 'application/jsonp' }, body: '{}' })),
        415,
        'unsupported_media_type',
      ],
      ['foreign Host', wrap(raw(port, { path: '/', headers: { cookie, host: 'evil.example' } })), 421, 'misdirected_request'],
    ];
    for (const [what, response, status, code] of cases) {
      const r = await response;
      expect({ what, status: r.status }).toEqual({ what, status });
      expectErrorShape(r.status, r.headers['content-type'], r.body, { status, code });
    }
  });

  it('answers a handler that throws, and even a logger that throws, with a JSON 500 and lives on', async () => {
    const handlers = shell.app.handlers as Record<string, (i: unknown) => Promise<unknown>>;
    const original = handlers['connections:list']!;
    const warn = shell.app.logger.warn;
    handlers['connections:list'] = async () => {
      throw new TypeError('a bug in a handler');
    };
    try {
      const failed = await rpc('connections:list', {});
      expectErrorShape(failed.status, failed.headers.get('content-type'), await failed.json(), { status: 500, code: 'internal' });
      (shell.app.logger as { warn: (m: string) => void }).warn = () => {
        throw new Error('a bug in the error path');
      };
      const guarded = await rpc('connections:list', {});
      expectErrorShape(guarded.status, guarded.headers.get('content-type'), await guarded.json(), { status: 500, code: 'internal' });
    } finally {
      handlers['connections:list'] = original;
      (shell.app.logger as { warn: typeof warn }).warn = warn;
    }
    expect((await rpc('connections:list', {})).status).toBe(200);
  });
});

async function wrap(response: Promise<Awaited<ReturnType<typeof raw>>>) {
  const r = await response;
  return { status: r.status, headers: r.headers, body: r.json() };
}

const ENDLESS = 8 * MAX_BODY;

/** Streams up to 96 MB (chunked) until the server answers and hangs up; what was sent by then. */
function endlessUpload(headers: Record<string, string>): Promise<{ status: number; sentBeforeAnswer: number; sentBeforeHangUp: number }> {
  const chunk = Buffer.alloc(256 * 1024, 'a');
  return new Promise((resolve) => {
    let sent = 0;
    let status = 0;
    let sentBeforeAnswer = -1;
    const req = http.request(
      {
        host: '127.0.0.1',
        port: shell.server.port,
        method: 'POST',
        path: '/api/rpc/graph:import',
        agent: false,
        headers: { ...headers, 'transfer-encoding': 'chunked' },
      },
      (res) => {
        status = res.statusCode ?? 0;
        sentBeforeAnswer = sent;
        res.resume();
      },
    );
    req.on('error', () => undefined); // the hang-up: EPIPE / ECONNRESET on the next write
    req.on('close', () => resolve({ status, sentBeforeAnswer, sentBeforeHangUp: sent }));
    const pump = () => {
      while (sent < ENDLESS && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}
