// The admin gateway for hosted Supabase: supabase-js `rpc()` through PostgREST with the
// service-role key. The client keeps no session, so the key is always what is sent.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { isHttpsOrLoopback } from '../api/connections';
import { AdminError } from './admin-error';
import { ADMIN_FUNCTION_NAME, type AdminArgs, type AdminGateway } from './admin-gateway';
import { supabaseKeyKind } from './supabase-key';

export type SupabaseGatewayOptions = { url: string; serviceRoleKey: string; timeoutMs?: number };

export function parseSupabaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AdminError({
      code: 'invalid_supabase_url',
      message: 'The Supabase project URL is not a valid URL.',
      hint: 'Use the Project URL from Project Settings > API, e.g. https://abcdefgh.supabase.co',
    });
  }
  if (!isHttpsOrLoopback(parsed)) {
    throw new AdminError({
      code: 'invalid_supabase_url',
      message: 'The Supabase project URL must start with https:// (plain http only for a project on this machine).',
      hint: 'The service-role key is sent with every call: it never travels unencrypted over a network.',
    });
  }
  return parsed;
}

export function assertServiceRoleKey(key: string): void {
  const kind = supabaseKeyKind(key);
  if (kind === 'anon' || kind === 'publishable') {
    throw new AdminError({
      code: 'not_service_role_key',
      message: `This is the ${kind === 'anon' ? 'anon' : 'publishable'} key; the console needs the service-role (secret) key.`,
      hint: 'Copy the service_role key (or an sb_secret_ key) from Project Settings > API. It stays in the main process.',
    });
  }
}

export class SupabaseAdminGateway implements AdminGateway {
  readonly backend = 'supabase' as const;
  private readonly client: SupabaseClient;
  private readonly host: string;
  private readonly timeoutMs: number;

  constructor(options: SupabaseGatewayOptions) {
    const url = parseSupabaseUrl(options.url);
    assertServiceRoleKey(options.serviceRoleKey);
    this.host = url.host;
    const timeoutMs = options.timeoutMs ?? 20_000;
    this.timeoutMs = timeoutMs;
    this.client = createClient(url.origin, options.serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      // Never used (no subscriptions), but supabase-js builds a realtime client and Node 20
      // has no native WebSocket.
      realtime: { transport: WebSocket as unknown as never },
      global: {
        fetch: (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) }),
      },
    });
  }

  async call(fn: string, args: AdminArgs = {}): Promise<unknown> {
    if (!ADMIN_FUNCTION_NAME.test(fn)) {
      throw new AdminError({ code: 'invalid_function', message: `Not an admin function name: ${fn}` });
    }
    // count=exact tells a set cut by db-max-rows (1,000 on Supabase) from a whole one.
    const first = await this.client.rpc(fn, args, { count: 'exact' });
    if (first.error) throw this.failure(first.error, first.status);
    if (!Array.isArray(first.data) || first.count === null || first.count <= first.data.length) return first.data ?? null;
    // The rest of a capped set, page by page (each page is the same call with offset and limit).
    const rows: unknown[] = [...first.data];
    while (rows.length < first.count) {
      const page = await this.client.rpc(fn, args).range(rows.length, Math.min(first.count, rows.length + first.data.length) - 1);
      if (page.error) throw this.failure(page.error, page.status);
      if (!Array.isArray(page.data) || page.data.length === 0) break;
      rows.push(...page.data);
    }
    return rows;
  }

  /** Every way a call can fail, as the one error shape with a message that says what happened. */
  private failure(error: { code?: string; message?: string; details?: string; hint?: string }, status: number): AdminError {
    if (status === 0) {
      if (/TimeoutError|AbortError|aborted/i.test(error.message ?? '')) {
        return new AdminError({
          code: 'client_timeout',
          message: `The Supabase project at ${this.host} did not answer within ${Math.round(this.timeoutMs / 1000)} s.`,
          hint: 'The call may still have been applied: the console reloads what it shows before you try again.',
        });
      }
      return new AdminError({
        code: 'network',
        message: `Could not reach the Supabase project at ${this.host}.`,
        hint: 'Check the project URL and your network connection; paused projects must be restored in the dashboard first.',
      });
    }
    if (!error.code) {
      // Supabase's API gateway answers an unknown key itself: 401 without a code.
      if (status === 401) {
        return new AdminError({
          code: 'key_rejected',
          message: `The Supabase project at ${this.host} rejected the service-role key.`,
          hint: 'The key is wrong, rotated or from another project: copy it again from Project Settings > API.',
        });
      }
      return new AdminError({
        code: `http_${status}`,
        message: `The Supabase project at ${this.host} answered HTTP ${status}${error.message ? `: ${error.message}` : ''}.`,
      });
    }
    if (error.code === '57014') {
      return new AdminError({
        code: '57014',
        message: 'The database cancelled the call: it ran past the statement timeout (8 s on Supabase). Nothing was changed.',
        hint: 'Try fewer items at once.',
      });
    }
    const permission = error.code === '42501' || status === 401 || status === 403;
    return new AdminError({
      code: error.code,
      message: error.message ?? 'The call failed.',
      details: error.details || null,
      hint:
        error.hint ||
        (permission
          ? 'The key is not allowed to call admin functions: use the service-role key.'
          : error.code === 'PGRST202'
            ? 'The database may be missing a migration: apply the pending migrations.'
            : null),
    });
  }

  /** PostgREST keeps the schema cache; the migrations service asks it to reload (NOTIFY pgrst). */
  reloadSchema(): void {}

  async close(): Promise<void> {}
}
