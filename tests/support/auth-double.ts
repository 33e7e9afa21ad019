// The few Supabase Auth (GoTrue) endpoints supabase-js uses to sign an operator in, refresh the
// session and sign out — mounted by the PostgREST double on the same origin, as Supabase serves
// them under /auth/v1. Tokens are HS256 JWTs signed with the project's secret (role
// authenticated, sub = the user's id), as GoTrue issues them. It does nothing else.
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { signJwt, verifyJwt } from './jwt';

export type AuthUser = { id: string; email: string; password: string; banned?: boolean };

export function createAuthDouble(options: { jwtSecret: string; users: AuthUser[]; expiresIn?: number }) {
  const refreshTokens = new Map<string, string>(); // token → user id
  const expiresIn = options.expiresIn ?? 3600;
  const userJson = (u: AuthUser) => ({
    id: u.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: u.email,
    app_metadata: { provider: 'email' },
    user_metadata: {},
    created_at: '2026-01-01T00:00:00Z',
  });
  const session = (u: AuthUser) => {
    const refresh = randomBytes(16).toString('hex');
    refreshTokens.set(refresh, u.id);
    const exp = Math.floor(Date.now() / 1000) + expiresIn;
    return {
      access_token: signJwt({ sub: u.id, role: 'authenticated', aud: 'authenticated', email: u.email, exp }, options.jwtSecret),
      token_type: 'bearer',
      expires_in: expiresIn,
      expires_at: exp,
      refresh_token: refresh,
      user: userJson(u),
    };
  };
  const fail = (res: http.ServerResponse, status: number, code: string, msg: string) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code: status, error_code: code, msg }));
  const ok = (res: http.ServerResponse, body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  /** Answers /auth/v1/… requests; false when the path is not one of its endpoints. */
  return (req: http.IncomingMessage, res: http.ServerResponse, url: URL, raw: string): boolean => {
    if (!url.pathname.startsWith('/auth/v1/')) return false;
    const body = (() => {
      try {
        return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        return {};
      }
    })();
    const endpoint = url.pathname.slice('/auth/v1'.length);
    if (endpoint === '/token' && req.method === 'POST') {
      const grant = url.searchParams.get('grant_type');
      if (grant === 'password') {
        const u = options.users.find((x) => x.email.toLowerCase() === String(body.email ?? '').toLowerCase() && x.password === body.password);
        if (!u) return (fail(res, 400, 'invalid_credentials', 'Invalid login credentials'), true);
        if (u.banned) return (fail(res, 400, 'user_banned', 'User is banned'), true);
        return (ok(res, session(u)), true);
      }
      if (grant === 'refresh_token') {
        const id = refreshTokens.get(String(body.refresh_token ?? ''));
        const u = options.users.find((x) => x.id === id);
        if (!id || !u) return (fail(res, 400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found'), true);
        refreshTokens.delete(String(body.refresh_token)); // rotated, as GoTrue does
        if (u.banned) return (fail(res, 400, 'user_banned', 'User is banned'), true);
        return (ok(res, session(u)), true);
      }
      return (fail(res, 400, 'unsupported_grant_type', 'Unsupported grant type'), true);
    }
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const claims = verifyJwt(bearer, options.jwtSecret);
    const user = options.users.find((u) => u.id === claims?.sub);
    if (endpoint === '/user' && req.method === 'GET') {
      if (!user) return (fail(res, 401, 'bad_jwt', 'invalid JWT'), true);
      return (ok(res, userJson(user)), true);
    }
    if (endpoint === '/logout' && req.method === 'POST') {
      if (user) for (const [token, id] of refreshTokens) if (id === user.id) refreshTokens.delete(token);
      res.writeHead(204).end();
      return true;
    }
    fail(res, 404, 'not_found', 'Not found');
    return true;
  };
}
