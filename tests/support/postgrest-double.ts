// A small test double of PostgREST's RPC endpoint over a PGlite database, faithful to what
// ../shared/POSTGREST-RPC.md describes: JWT role switching, one transaction per request,
// function choice by argument names, read-only for STABLE functions, response shapes, and
// PostgREST's error JSON and status codes. It does nothing else.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { verifyJwt } from './jwt';

export type PostgrestDouble = { url: string; requests: { path: string; headers: http.IncomingHttpHeaders }[]; stop: () => Promise<void> };

type Fn = { args: { name: string; type: string; required: boolean }[]; retset: boolean; rettype: string; composite: boolean; volatile: string };

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

export async function startPostgrestDouble(db: PGlite, options: { jwtSecret: string; secretKey?: string; publishableKey?: string }): Promise<PostgrestDouble> {
  const requests: PostgrestDouble['requests'] = [];

  const send = (res: http.ServerResponse, status: number, body?: unknown) => {
    if (body === undefined) {
      res.writeHead(status).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  };
  const error = (res: http.ServerResponse, status: number, code: string, message: string, details: string | null = null, hint: string | null = null) =>
    send(res, status, { code, message, details, hint });

  const lookup = async (name: string): Promise<Fn[]> => {
    const rows = await db.query<{ names: string[] | null; modes: string[] | null; types: string[]; ndefaults: number; retset: boolean; rettype: string; typtype: string; volatile: string }>(
      `select p.proargnames as names, p.proargmodes::text[] as modes,
              array(select format_type(t, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) t) as types,
              p.pronargdefaults::int as ndefaults, p.proretset as retset, format_type(p.prorettype, null) as rettype,
              t.typtype::text as typtype, p.provolatile::text as volatile
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_type t on t.oid = p.prorettype
        where n.nspname = 'public' and p.proname = $1`, [name]);
    return rows.rows.map((r) => {
      const ins = r.types.map((type, i) => ({ type, name: r.names?.[i] ?? '', mode: r.modes?.[i] ?? 'i' })).filter((a) => ['i', 'b', 'v'].includes(a.mode));
      return {
        args: ins.map((a, i) => ({ name: a.name, type: a.type, required: i < ins.length - r.ndefaults })),
        retset: r.retset, rettype: r.rettype, composite: r.typtype === 'c' || r.rettype === 'record' || (r.modes ?? []).some((m) => m === 't' || m === 'o'), volatile: r.volatile,
      };
    });
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        requests.push({ path: url.pathname, headers: req.headers });
        const match = /^\/rest\/v1\/rpc\/([^/]+)$/.exec(url.pathname);
        if (!match) return error(res, 404, 'PGRST125', `Invalid path specified in request URL`);
        const fnName = decodeURIComponent(match[1]!);
        const profile = req.headers['content-profile'] ?? req.headers['accept-profile'] ?? 'public';
        if (profile !== 'public') return error(res, 406, 'PGRST106', `The schema must be one of the following: public`);

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
          return error(res, 404, 'PGRST202', `Could not find the function public.${fnName}(${[...keys].sort().join(', ')}) in the schema cache`,
            `Searched for the function public.${fnName} with parameters ${[...keys].sort().join(', ') || 'without parameters'} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`, null);
        }
        if (candidates.length > 1) return error(res, 300, 'PGRST203', `Could not choose the best candidate function between: public.${fnName}`);
        const fn = candidates[0]!;
        const used = fn.args.filter((a) => keys.includes(a.name));
        const call = `public.${ident(fnName)}(${used.map((a) => `${ident(a.name)} := _.${ident(a.name)}`).join(', ')})`;
        const from = used.length ? `json_to_record($1::json) as _(${used.map((a) => `${ident(a.name)} ${a.type}`).join(', ')}), lateral ${call} as r` : `${call} as r`;
        const readOnly = method === 'GET' || method === 'HEAD' || fn.volatile !== 'v';
        const headers = JSON.stringify(Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v])));
        try {
          const body = await db.transaction(async (tx: Transaction) => {
            if (readOnly) await tx.exec('set transaction read only');
            await tx.query(
              `select set_config('search_path', 'public, extensions', true), set_config('role', $1, true),
                      set_config('request.jwt.claims', $2, true), set_config('request.method', $3, true),
                      set_config('request.path', $4, true), set_config('request.headers', $5, true)`,
              [role, JSON.stringify(claims), method, url.pathname, headers]);
            // Row-returning functions (composite, TABLE, OUT parameters) give objects, even with one column.
            const source = fn.composite ? `(select r.* from ${from}) as r` : from;
            const projection = fn.rettype === 'void' ? 'null::jsonb' : fn.retset ? "coalesce(jsonb_agg(to_jsonb(r)), '[]'::jsonb)" : 'to_jsonb(r)';
            const result = await tx.query<{ body: unknown }>(`select ${projection} as body from ${source}`, used.length ? [JSON.stringify(args)] : []);
            return result.rows[0]?.body ?? null;
          });
          if (fn.rettype === 'void') return send(res, 204);
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
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
