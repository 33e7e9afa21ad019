// The browser shell: the built renderer and the same handlers over HTTP on 127.0.0.1, for
// machines without the Electron binary, for CI and for a server over an SSH tunnel.
// Every request needs the per-launch token (a cookie set from the printed URL, or a bearer
// header); Host and Origin are checked so another site cannot reach it (DNS rebinding, CSRF).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { EVENT_CHANNEL } from '../api/channels';
import type { ConsoleApp } from './console-app';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { handle } from './handle';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2', '.map': 'application/json',
};


/** A link CSV may be up to 10 MB (the contract says so with its own message); nothing else is near. */
const MAX_BODY = 12_000_000;

export type BrowserServer = { url: string; port: number; token: string; close: () => Promise<void> };

export async function startBrowserServer(app: ConsoleApp, options: { rendererDir: string; port?: number; token?: string }): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const tokenBuf = Buffer.from(token);
  let port = 0;
  const sse = new Set<http.ServerResponse>();
  const unsubscribe = app.jobs.subscribe((event) => {
    const frame = `event: ${EVENT_CHANNEL}\ndata: ${JSON.stringify(event)}\n\n`;
    for (const res of sse) res.write(frame);
  });

  const validToken = (candidate: string | undefined) => {
    if (!candidate) return false;
    const buf = Buffer.from(candidate);
    return buf.length === tokenBuf.length && timingSafeEqual(buf, tokenBuf);
  };
  const cookieToken = (req: http.IncomingMessage) =>
    /(?:^|;\s*)magna_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  const bearerToken = (req: http.IncomingMessage) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const send = (res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra }).end(body);
  };
  const securityHeaders = {
    'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin', 'cross-origin-resource-policy': 'same-origin',
  };

  const serveFile = (res: http.ServerResponse, file: string) => {
    const ext = path.extname(file);
    const headers: Record<string, string> = { ...securityHeaders, 'content-type': TYPES[ext] ?? 'application/octet-stream' };
    if (ext === '.html') Object.assign(headers, { 'content-security-policy': CONTENT_SECURITY_POLICY, 'cache-control': 'no-store' });
    else headers['cache-control'] = 'private, max-age=3600';
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, 'Misdirected request: this console answers on 127.0.0.1 only.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return send(res, 403, 'Cross-origin requests are refused.');

    // Exchanging the printed URL's token for a same-site, HttpOnly cookie.
    if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      if (!validToken(url.searchParams.get('token') ?? undefined)) return send(res, 401, 'Wrong token: open the URL the console printed when it started.', undefined, securityHeaders);
      return send(res, 302, '', undefined, {
        ...securityHeaders,
        location: '/',
        'set-cookie': `magna_session=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    const authorized = validToken(cookieToken(req)) || validToken(bearerToken(req));
    if (!authorized) {
      return send(res, 401, url.pathname.startsWith('/api/')
        ? JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token.', details: null, hint: 'Open the URL the console printed when it started.' } })
        : 'Unauthorized: open the URL (with its token) that the console printed when it started.',
      url.pathname.startsWith('/api/') ? 'application/json' : 'text/plain; charset=utf-8', securityHeaders);
    }

    if (url.pathname.startsWith('/api/rpc/')) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST.', undefined, { allow: 'POST' });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Send application/json.');
      const channel = decodeURIComponent(url.pathname.slice('/api/rpc/'.length));
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) tooLarge = true;
        else chunks.push(chunk);
      });
      req.on('end', () => {
        if (tooLarge) return send(res, 413, JSON.stringify({ ok: false, error: { code: 'payload_too_large', message: 'The request is larger than 12 MB.', details: null, hint: null } }), 'application/json');
        let payload: unknown;
        try {
          payload = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: { code: 'invalid_json', message: 'The request body is not JSON.', details: null, hint: null } }), 'application/json');
        }
        void handle(app.handlers, channel, payload, (s) => app.redactor.redact(s), (c, error) => app.logger.warn(`${c} failed: ${error.code} ${error.message}`)).then((result) =>
          send(res, 200, JSON.stringify(result), 'application/json', securityHeaders));
      });
      return;
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { ...securityHeaders, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      sse.add(res);
      req.on('close', () => sse.delete(res));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    const file = path.join(options.rendererDir, rel);
    if (!file.startsWith(path.resolve(options.rendererDir))) return send(res, 404, 'Not found.');
    if (rel && existsSync(file) && statSync(file).isFile()) return serveFile(res, file);
    const index = path.join(options.rendererDir, 'index.html');
    if (!existsSync(index)) return send(res, 503, 'The renderer is not built: run `npm run build` first.');
    return serveFile(res, index);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      unsubscribe();
      for (const res of sse) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
