// A small test double of PostgREST's RPC endpoint over a PGlite database, faithful to what
// ../shared/POSTGREST-RPC.md describes: JWT role switching, one transaction per request,
// function choice by argument names, read-only for STABLE functions, response shapes, and
// PostgREST's error JSON and status codes — and what hosted Supabase adds around it: the API
// gateway's code-less 401 for an unknown key, per-role statement timeouts (57014 → 500, the
// transaction rolled back) and a function's own statement_timeout, db-max-rows with counts
// and ranges, and a schema cache reloaded only by NOTIFY pgrst, 'reload schema'.
// It does nothing else.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { createAuthDouble, type AuthUser } from './auth-double';
import { verifyJwt } from './jwt';

export type PostgrestDouble = { url: string; requests: { path: string; headers: http.IncomingHttpHeaders }[]; stop: () => Promise<void> };

export type PostgrestDoubleOptions = {
  jwtSecret: string;
  secretKey?: string;
  publishableKey?: string;
  /** Statement timeout per role in ms (Supabase: anon 3 s, authenticated 8 s, service_role the authenticator's 8 s). */
  roleTimeoutsMs?: Partial<Record<string, number>>;
  /** db-max-rows: set-returning results are cut to this many rows (Supabase: 1,000). */
  maxRows?: number;
  /** Users who can sign in through the Auth endpoints (/auth/v1) on the same origin. */
  authUsers?: AuthUser[];
};

type Fn = {
  args: { name: string; type: string; required: boolean }[];
  retset: boolean;
  rettype: string;
  composite: boolean;
  volatile: string;
  timeoutMs: number | null;
};

const SUPABASE_ROLE_TIMEOUTS_MS: Record<string, number> = { anon: 3000, authenticated: 8000, service_role: 8000 };

/** A statement_timeout setting ('8s', '2min', '500ms', '1000') in milliseconds. */
export function timeoutMs(setting: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|min|h)?\s*$/.exec(setting);
  if (!m) return null;
  const unit = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 }[m[2] ?? 'ms']!;
  return Number(m[1]) * unit;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function httpStatusFor(code: string, role: string): number {
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2));
  if (code === '23503' || code === '23505') return 409;
  if (code === '42501') return role === 'anon' ? 401 : 403;
  if (code === '42883' || code === '42P01') return 404;
  if (code === '25006') return 405;
  if (code === 'P0001') return 400;
  if (/^(08|53)/.test(code) || code === '57P01') return 503;
  if (/^(0L|0P|28)/.test(code)) return 403;
  if (code === '42P17' || /^(09|25|2D|38|39|3B|40|54|55|57|58|F0|HV|XX|P0)/.test(code)) return 500;
  return 400;
}

export async function startPostgrestDouble(db: PGlite, options: PostgrestDoubleOptions): Promise<PostgrestDouble> {
  const requests: PostgrestDouble['requests'] = [];
  const auth = createAuthDouble({ jwtSecret: options.jwtSecret, users: options.authUsers ?? [] });
  const roleTimeouts = { ...SUPABASE_ROLE_TIMEOUTS_MS, ...options.roleTimeoutsMs };
  const maxRows = options.maxRows ?? 1000;
  // PostgREST's schema cache: every function of the schema, loaded once and again only on
  // NOTIFY pgrst, 'reload schema' (a function created meanwhile stays unknown).
  let schemaCache: Promise<Map<string, Fn[]>> | null = null;
  const unlisten = await db.listen('pgrst', (payload) => {
    if (payload === '' || payload === 'reload schema') schemaCache = null;
  });

  /** The API gateway in front of PostgREST accepts only the project's own keys. */
  const knownKey = (key: string | undefined): boolean => {
    if (!key) return false;
    if (key === options.secretKey || key === options.publishableKey) return true;
    const claims = verifyJwt(key, options.jwtSecret);
    return claims !== null && (claims.role === 'anon' || claims.role === 'service_role');
  };

  const send = (res: http.ServerResponse, status: number, body?: unknown) => {
    if (body === undefined) {
      res.writeHead(status).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  };
  const error = (
    res: http.ServerResponse,
    status: number,
    code: string,
    message: string,
    details: string | null = null,
    hint: string | null = null,
  ) => send(res, status, { code, message, details, hint });

  const loadSchema = async (): Promise<Map<string, Fn[]>> => {
    const rows = await db.query<{
      name: string;
      names: string[] | null;
      modes: string[] | null;
      types: string[];
      ndefaults: number;
      retset: boolean;
      rettype: string;
      typtype: string;
      volatile: string;
      config: string[] | null;
    }>(
      `select p.proname::text as name, p.proargnames as names, p.proargmodes::text[] as modes,
              array(select format_type(t, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) t) as types,
              p.pronargdefaults::int as ndefaults, p.proretset as retset, format_type(p.prorettype, null) as rettype,
              t.typtype::text as typtype, p.provolatile::text as volatile, p.proconfig as config
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_type t on t.oid = p.prorettype
        where n.nspname = 'public' and p.prokind = 'f'`,
    );
    const schema = new Map<string, Fn[]>();
    for (const r of rows.rows) {
      const ins = r.types
        .map((type, i) => ({ type, name: r.names?.[i] ?? '', mode: r.modes?.[i] ?? 'i' }))
        .filter((a) => ['i', 'b', 'v'].includes(a.mode));
      const fn: Fn = {
        args: ins.map((a, i) => ({ name: a.name, type: a.type, required: i < ins.length - r.ndefaults })),
        retset: r.retset,
        rettype: r.rettype,
        composite: r.typtype === 'c' || r.rettype === 'record' || (r.modes ?? []).some((m) => m === 't' || m === 'o'),
        volatile: r.volatile,
        // PostgREST applies a function's own statement_timeout before the call.
        timeoutMs: timeoutMs((r.config ?? []).find((c) => c.startsWith('statement_timeout='))?.slice('statement_timeout='.length) ?? ''),
      };
      schema.set(r.name, [...(schema.get(r.name) ?? []), fn]);
    }
    return schema;
  };
  const lookup = async (name: string): Promise<Fn[]> => {
    schemaCache ??= loadSchema();
    return (await schemaCache).get(name) ?? [];
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        requests.push({ path: url.pathname, headers: req.headers });
        if (url.pathname.startsWith('/auth/v1/')) {
          if (!knownKey(typeof req.headers.apikey === 'string' ? req.headers.apikey : undefined)) {
            return send(res, 401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' });
          }
          auth(req, res, url, raw);
          return;
        }
        const match = /^\/rest\/v1\/rpc\/([^/]+)$/.exec(url.pathname);
        if (!match) return error(res, 404, 'PGRST125', `Invalid path specified in request URL`);
        const fnName = decodeURIComponent(match[1]!);
        const profile = req.headers['content-profile'] ?? req.headers['accept-profile'] ?? 'public';
        if (profile !== 'public') return error(res, 406, 'PGRST106', `The schema must be one of the following: public`);

        // The gateway: an unknown, rotated or other project's key never reaches PostgREST.
        const apikey = typeof req.headers.apikey === 'string' ? req.headers.apikey : undefined;
        if (!knownKey(apikey))
          return send(res, 401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' });

        // Role from the bearer token (the API gateway maps the new sb_ keys to their roles).
        const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
        let claims: Record<string, unknown> = { role: 'anon' };
        if (bearer && options.secretKey && bearer === options.secretKey) claims = { role: 'service_role' };
        else if (bearer && options.publishableKey && bearer === options.publishableKey) claims = { role: 'anon' };
        else if (bearer) {
          const verified = verifyJwt(bearer, options.jwtSecret);
          if (!verified) return error(res, 401, 'PGRST301', 'JWSError JWSInvalidSignature');
          claims = verified;
        }
        const role = typeof claims.role === 'string' ? claims.role : 'anon';

        const method = req.method ?? 'POST';
        let args: Record<string, unknown>;
        if (method === 'GET' || method === 'HEAD') args = Object.fromEntries(url.searchParams);
        else {
          try {
            args = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
          } catch {
            return error(res, 400, 'PGRST102', 'Empty or invalid json');
          }
        }
        const keys = Object.keys(args);
        const candidates = (await lookup(fnName)).filter(
          (f) => f.args.every((a) => !a.required || keys.includes(a.name)) && keys.every((k) => f.args.some((a) => a.name === k)),
        );
        if (candidates.length === 0) {
          return error(
            res,
            404,
            'PGRST202',
            `Could not find the function public.${fnName}(${[...keys].sort().join(', ')}) in the schema cache`,
            `Searched for the function public.${fnName} with parameters ${[...keys].sort().join(', ') || 'without parameters'} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
            null,
          );
        }
        if (candidates.length > 1) return error(res, 300, 'PGRST203', `Could not choose the best candidate function between: public.${fnName}`);
        const fn = candidates[0]!;
        const used = fn.args.filter((a) => keys.includes(a.name));
        const call = `public.${ident(fnName)}(${used.map((a) => `${ident(a.name)} := _.${ident(a.name)}`).join(', ')})`;
        const from = used.length
          ? `json_to_record($1::json) as _(${used.map((a) => `${ident(a.name)} ${a.type}`).join(', ')}), lateral ${call} as r`
          : `${call} as r`;
        const readOnly = method === 'GET' || method === 'HEAD' || fn.volatile !== 'v';
        const timeout = fn.timeoutMs ?? roleTimeouts[role] ?? null;
        // db-max-rows, offset/limit (supabase-js .range()) and Prefer: count=exact, for set-returning functions.
        const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
        const limit = Math.min(maxRows, Number(url.searchParams.get('limit') ?? maxRows) || maxRows);
        const wantCount = /count=exact/.test(String(req.headers.prefer ?? ''));
        let total: number | null = null;
        const headers = JSON.stringify(
          Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v])),
        );
        try {
          const started = performance.now();
          const body = await db.transaction(async (tx: Transaction) => {
            if (readOnly) await tx.exec('set transaction read only');
            await tx.query(
              `select set_config('search_path', 'public, extensions', true), set_config('role', $1, true),
                      set_config('request.jwt.claims', $2, true), set_config('request.method', $3, true),
                      set_config('request.path', $4, true), set_config('request.headers', $5, true)`,
              [role, JSON.stringify(claims), method, url.pathname, headers],
            );
            // Row-returning functions (composite, TABLE, OUT parameters) give objects, even with one column.
            const source = fn.composite ? `(select r.* from ${from}) as r` : from;
            const params = used.length ? [JSON.stringify(args)] : [];
            let result;
            if (fn.retset) {
              result = await tx.query<{ body: unknown; total: number }>(
                `with rows as (select to_jsonb(r) as row, row_number() over () as n from ${source})
                 select coalesce((select jsonb_agg(row order by n) from rows where n > ${offset} and n <= ${offset + limit}), '[]'::jsonb) as body,
                        (select count(*)::int from rows) as total`,
                params,
              );
              total = result.rows[0]?.total ?? 0;
            } else {
              const projection = fn.rettype === 'void' ? 'null::jsonb' : 'to_jsonb(r)';
              result = await tx.query<{ body: unknown }>(`select ${projection} as body from ${source}`, params);
            }
            // PGlite cannot interrupt a running statement: a call that ran past its timeout is
            // failed afterwards, and its transaction rolled back, as the server would have.
            if (timeout !== null && performance.now() - started > timeout) {
              throw Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
            }
            return result.rows[0]?.body ?? null;
          });
          if (fn.rettype === 'void') return send(res, 204);
          if (total !== null && wantCount) {
            const rows = Array.isArray(body) ? body.length : 0;
            res.setHeader('content-range', rows ? `${offset}-${offset + rows - 1}/${total}` : `*/${total}`);
          }
          if (method === 'HEAD') return send(res, 200);
          return send(res, 200, body);
        } catch (e) {
          const pg = e as { code?: string; message?: string; detail?: string; hint?: string };
          const code = pg.code ?? 'XX000';
          return error(res, httpStatusFor(code, role), code, pg.message ?? 'error', pg.detail ?? null, pg.hint ?? null);
        }
      })().catch((e: unknown) => error(res, 500, 'XX000', e instanceof Error ? e.message : String(e)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: async () => {
      await unlisten();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
