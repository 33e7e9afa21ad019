// The browser shell: the built renderer and the same handlers over HTTP on 127.0.0.1, for
// machines without the Electron binary, for CI and for a server over an SSH tunnel.
//
// Who may call it (browser-session.ts): the printed link's one-time token is traded for a
// session cookie of this server only. Host and Origin are checked so another site cannot reach
// it (DNS rebinding, CSRF), and Sec-Fetch-Site keeps pages on other local ports from loading
// anything from it with the cookie their browser sends along.
//
// No request can take the process down: every decode is checked, every failure answers in the
// console's one error shape `{ ok: false, error: { code, message, details, hint } }` with its
// HTTP status, and a top-level guard turns anything unforeseen into a 500.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import type { AppError } from '../api/app-error';
import { EVENT_CHANNEL } from '../api/channels';
import { createSessions, type Sessions } from './browser-session';
import type { ConsoleApp } from './console-app';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { handle } from './handle';
import { httpStatusOf } from './http-status';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** A link CSV may be up to 10 MB (the contract says so with its own message); nothing else is near. */
export const MAX_BODY = 12_000_000;
/** How long a refused upload's connection stays half-closed, so the client can read the 413. */
const LINGER_MS = 500;

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const RESTART_HINT = 'Each link the console prints works once. Restart the console (npm run serve) and open the new link it prints.';

export type BrowserServer = {
  /** The one-time login link the shell prints. */
  url: string;
  port: number;
  /** The session cookie's name (it carries the port). */
  cookieName: string;
  /** Another one-time login link (for a second browser, or a test's fresh context). */
  loginUrl: () => string;
  close: () => Promise<void>;
};

export type BrowserServerOptions = {
  rendererDir: string;
  port?: number;
  /** Lets the process that started the shell mint its own one-time links (see browser-session.ts). */
  loginKey?: Buffer;
};

type ErrorBody = { ok: false; error: AppError };
const errorBody = (code: string, message: string, hint: string | null = null): ErrorBody => ({
  ok: false,
  error: { code, message, details: null, hint },
});

/** `application/json`, optionally with `charset=utf-8`: nothing else is read as JSON. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
}

/** decodeURIComponent that answers null instead of throwing (`/%E0%A4%A`), and refuses NUL. */
function safeDecode(text: string): string | null {
  try {
    const decoded = decodeURIComponent(text);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

function parseTarget(raw: string | undefined): URL | null {
  try {
    return new URL(raw ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

export async function startBrowserServer(app: ConsoleApp, options: BrowserServerOptions): Promise<BrowserServer> {
  let port = 0;
  let sessions: Sessions | null = null;
  const rendererRoot = path.resolve(options.rendererDir);
  const sse = new Set<http.ServerResponse>();
  const unsubscribe = app.jobs.subscribe((event) => {
    const frame = `event: ${EVENT_CHANNEL}\ndata: ${JSON.stringify(event)}\n\n`;
    for (const res of sse) if (!res.writableEnded && !res.destroyed) res.write(frame);
  });

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  /**
   * A refused request whose body has not arrived yet is not read: its connection is closed in
   * stages (RFC 9112 §9.6, as Go's server does) — reading stops now, the answer goes out with a
   * FIN, and the socket is dropped a moment later. Node's own way (`destroySoon`: FIN, then
   * close as soon as the answer is flushed) would either drain the whole body first, or close
   * with unread bytes queued, and then the kernel's reset can wipe out the answer before the
   * client reads it.
   */
  const closeWithoutReading = (req: http.IncomingMessage) => {
    const socket = req.socket as Socket & { destroySoon?: () => void };
    // A listener marks the body as taken, so Node does not drain it after the answer.
    req.on('data', () => undefined);
    req.pause();
    socket.pause();
    socket.destroySoon = () => {
      socket.end();
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
    };
  };
  const hasUnreadBody = (req: http.IncomingMessage) =>
    !req.complete && (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0);

  const sendJson = (res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) => {
    if (res.headersSent) {
      res.destroy(); // a file was already streaming: cutting it short is all that is left
      return;
    }
    const hangUp = status >= 400 && hasUnreadBody(res.req);
    if (hangUp) closeWithoutReading(res.req);
    const text = JSON.stringify(body);
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'content-length': String(Buffer.byteLength(text)),
      ...(hangUp ? { connection: 'close' } : {}),
      ...extra,
    });
    res.end(text);
  };
  const fail = (
    res: http.ServerResponse,
    status: number,
    code: string,
    message: string,
    hint: string | null = null,
    extra: Record<string, string> = {},
  ) => sendJson(res, status, errorBody(code, message, hint), extra);

  /** 413: the rest of the body is never read (see closeWithoutReading). */
  const refuseTooLarge = (res: http.ServerResponse) =>
    fail(
      res,
      413,
      'payload_too_large',
      `The request is larger than ${MAX_BODY / 1_000_000} MB.`,
      'A links CSV may be up to 10 MB: split a larger one.',
    );

  /** The body, or null when it was refused (413) or the client went away. */
  const readBody = (req: http.IncomingMessage, res: http.ServerResponse) =>
    new Promise<Buffer | null>((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY) return void chunks.push(chunk);
        req.off('data', onData);
        refuseTooLarge(res);
        resolve(null);
      };
      req.on('data', onData);
      req.once('end', () => resolve(size <= MAX_BODY ? Buffer.concat(chunks) : null));
      req.once('error', () => resolve(null));
      req.once('close', () => resolve(null)); // after 'end' this is a no-op
    });

  const serveFile = async (req: http.IncomingMessage, res: http.ServerResponse, file: string) => {
    const ext = path.extname(file);
    const headers: Record<string, string> = { ...SECURITY_HEADERS, 'content-type': TYPES[ext] ?? 'application/octet-stream' };
    if (ext === '.html') Object.assign(headers, { 'content-security-policy': CONTENT_SECURITY_POLICY, 'cache-control': 'no-store' });
    else headers['cache-control'] = 'private, max-age=3600';
    const stream = createReadStream(file);
    // A file that vanishes or cannot be read between stat and open must not crash the process.
    await new Promise<void>((resolve) => {
      stream.once('open', () => resolve());
      stream.once('error', () => resolve());
    });
    if (stream.destroyed || stream.errored) return fail(res, 500, 'internal', 'The file could not be read.');
    stream.once('error', () => res.destroy());
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      stream.destroy();
      return void res.end();
    }
    stream.pipe(res);
  };

  const isFile = async (file: string) => {
    try {
      return (await stat(file)).isFile();
    } catch {
      return false;
    }
  };

  const serveStatic = async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return fail(res, 405, 'method_not_allowed', 'Only GET and HEAD are allowed here.', null, { allow: 'GET, HEAD' });
    const decoded = safeDecode(pathname);
    if (decoded === null) return fail(res, 400, 'malformed_url', 'The request path is not valid percent-encoding.');
    const file = path.resolve(rendererRoot, decoded.replace(/^[/\\]+/, ''));
    const rel = path.relative(rendererRoot, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return fail(res, 404, 'not_found', 'Not found.');
    if (rel && (await isFile(file))) return serveFile(req, res, file);
    // Any other path is a route of the single-page app.
    const index = path.join(rendererRoot, 'index.html');
    if (!(await isFile(index))) return fail(res, 503, 'renderer_not_built', 'The renderer is not built.', 'Run `npm run build` first.');
    return serveFile(req, res, index);
  };

  const serveRpc = async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    if (req.method !== 'POST') return fail(res, 405, 'method_not_allowed', 'Use POST for /api/rpc/<channel>.', null, { allow: 'POST' });
    if (!isJsonContentType(req.headers['content-type'])) {
      return fail(
        res,
        415,
        'unsupported_media_type',
        'Send the request body as application/json.',
        'Set Content-Type: application/json (charset utf-8, if any).',
      );
    }
    const channel = safeDecode(pathname.slice('/api/rpc/'.length));
    if (channel === null) return fail(res, 400, 'malformed_url', 'The channel in the request path is not valid percent-encoding.');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY) return refuseTooLarge(res);
    const body = await readBody(req, res);
    if (body === null) return;
    let payload: unknown;
    try {
      payload = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return fail(res, 400, 'invalid_json', 'The request body is not JSON.');
    }
    const result = await handle(
      app.handlers,
      channel,
      payload,
      (s) => app.redactor.redact(s),
      (c, error) => app.logger.warn(`${c} failed: ${error.code} ${error.message}`),
    );
    if (result.ok) return sendJson(res, 200, result);
    const status = httpStatusOf(result.error.code);
    // Never 401 for a handler's failure: the page reads 401 as "your session is gone".
    return sendJson(res, status === 401 ? 403 : status, result);
  };

  const serveEvents = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'GET') return fail(res, 405, 'method_not_allowed', 'Use GET for /api/events.', null, { allow: 'GET' });
    res.on('error', () => sse.delete(res));
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    sse.add(res);
    req.on('close', () => sse.delete(res));
  };

  const route = async (req: http.IncomingMessage, res: http.ServerResponse, s: Sessions) => {
    const url = parseTarget(req.url);
    if (!url) return fail(res, 400, 'malformed_url', 'The request URL is malformed.');
    if (!allowedHosts().has(req.headers.host ?? '')) {
      return fail(
        res,
        421,
        'misdirected_request',
        'This console answers on 127.0.0.1 only.',
        `Open http://127.0.0.1:${port}/ on this machine (or through an SSH tunnel to it).`,
      );
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return fail(res, 403, 'cross_origin', 'Cross-origin requests are refused.');
    // Pages on other ports of 127.0.0.1 are "same-site": the browser sends them our cookie.
    // They may link to the console (a navigation), but not load anything from it.
    const site = req.headers['sec-fetch-site'];
    if ((site === 'same-site' || site === 'cross-site') && req.headers['sec-fetch-mode'] !== 'navigate') {
      return fail(res, 403, 'cross_origin', 'Requests from other sites are refused.');
    }

    // The printed link: its one-time token is traded for this server's session cookie.
    if (url.pathname === '/' && url.searchParams.has('token')) {
      if (req.method !== 'GET') return fail(res, 405, 'method_not_allowed', 'Open the link in a browser.', null, { allow: 'GET' });
      const redirect = { ...SECURITY_HEADERS, location: '/', 'cache-control': 'no-store' };
      if (s.redeemLoginToken(url.searchParams.get('token') ?? '')) {
        res.writeHead(302, { ...redirect, 'set-cookie': s.setCookie(s.startSession()) }).end();
        return;
      }
      // Reopening a spent link in a browser that is already signed in is harmless.
      if (s.isSignedIn(req.headers.cookie)) return void res.writeHead(302, redirect).end();
      return fail(res, 401, 'unauthorized', 'This login link is wrong or has already been used.', RESTART_HINT);
    }
    if (!s.isSignedIn(req.headers.cookie)) {
      return fail(res, 401, 'unauthorized', 'Not signed in: open the link the console printed when it started.', RESTART_HINT);
    }

    if (url.pathname.startsWith('/api/rpc/')) return serveRpc(req, res, url.pathname);
    if (url.pathname === '/api/events') return serveEvents(req, res);
    if (url.pathname.startsWith('/api/')) return fail(res, 404, 'not_found', `No such endpoint: ${url.pathname.slice(0, 80)}`);
    return serveStatic(req, res, url.pathname);
  };

  const server = http.createServer((req, res) => {
    const s = sessions;
    if (!s) return fail(res, 503, 'starting', 'The console is starting.');
    // The top-level guard: whatever a request does, it gets an answer and the process lives on.
    route(req, res, s).catch((e: unknown) => {
      try {
        app.logger.error(`browser shell: ${req.method ?? '?'} request failed: ${e instanceof Error ? e.message : String(e)}`);
        fail(res, 500, 'internal', 'The console failed to answer this request.', 'See the console log for details.');
      } catch {
        res.destroy(); // the guard itself must never throw
      }
    });
  });
  // Requests Node's parser rejects (broken request lines, header overflows) get JSON too.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = JSON.stringify(errorBody('malformed_request', 'The request is not valid HTTP.'));
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
    );
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    unsubscribe();
    throw e;
  }
  // Once listening, a server-level failure (too many open files on accept…) is logged, not fatal.
  server.on('error', (e) => app.logger.error(`browser shell: ${e.message}`));
  port = (server.address() as AddressInfo).port;
  const ready = createSessions(port, options.loginKey);
  sessions = ready;
  const loginUrl = () => `http://127.0.0.1:${port}/?token=${ready.mintLoginToken()}`;
  return {
    port,
    cookieName: ready.cookieName,
    url: loginUrl(),
    loginUrl,
    close: async () => {
      unsubscribe();
      for (const res of sse) res.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // A request still running (a long upload) does not hold the shutdown for more than a moment.
      const force = setTimeout(() => server.closeAllConnections(), 2000);
      await closed;
      clearTimeout(force);
    },
  };
}
