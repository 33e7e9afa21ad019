// The admin gateway for hosted Supabase: supabase-js `rpc()` through PostgREST with the
// service-role key. The client keeps no session, so the key is always what is sent.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
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
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new AdminError({ code: 'invalid_supabase_url', message: 'The Supabase project URL must start with https://.' });
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

  constructor(options: SupabaseGatewayOptions) {
    const url = parseSupabaseUrl(options.url);
    assertServiceRoleKey(options.serviceRoleKey);
    this.host = url.host;
    const timeoutMs = options.timeoutMs ?? 20_000;
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
    const { data, error, status } = await this.client.rpc(fn, args);
    if (!error) return data ?? null;
    if (status === 0 || !error.code) {
      throw new AdminError({
        code: 'network',
        message: `Could not reach the Supabase project at ${this.host}.`,
        details: null,
        hint: 'Check the project URL and your network connection; paused projects must be restored in the dashboard first.',
      });
    }
    const permission = error.code === '42501' || status === 401 || status === 403;
    return Promise.reject(
      new AdminError({
        code: error.code,
        message: error.message,
        details: error.details || null,
        hint: error.hint || (permission ? 'The key is not allowed to call admin functions: use the service-role key.' : error.code === 'PGRST202' ? 'The database may be missing a migration: apply the pending migrations.' : null),
      }),
    );
  }

  async close(): Promise<void> {}
}
