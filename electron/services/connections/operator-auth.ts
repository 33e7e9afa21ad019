// Verified operators on Supabase profiles: the operator signs in with Supabase Auth (e-mail and
// password) and is the user the project's Auth server vouches for. The session lives only in the
// main process (its refresh token kept like the profile's other secrets) and is refreshed before
// it expires; the service role still makes the admin calls, with the verified user as operator.
import { createClient, type Session, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { AdminError } from '../../db/admin-error';

export type OperatorSession = { userId: string; email: string; accessToken: string; refreshToken: string; expiresAt: number };

/** What is kept between runs: the refresh token (a secret) and who it belongs to. */
export type StoredOperatorSession = { userId: string; email: string; refreshToken: string };

function fromSession(s: Session): OperatorSession {
  return {
    userId: s.user.id,
    email: s.user.email ?? '',
    accessToken: s.access_token,
    refreshToken: s.refresh_token,
    expiresAt: (s.expires_at ?? Math.floor(Date.now() / 1000) + (s.expires_in ?? 3600)) * 1000,
  };
}

export class SupabaseOperatorAuth {
  private readonly client: SupabaseClient;

  constructor(url: string, key: string) {
    // A client of its own, so the admin gateway's calls never carry a user's session.
    this.client = createClient(url, key, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      realtime: { transport: WebSocket as unknown as never },
      global: { fetch: (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(15_000) }) },
    });
  }

  async signIn(email: string, password: string): Promise<OperatorSession> {
    const { data, error } = await this.client.auth.signInWithPassword({ email, password });
    if (error || !data.session) {
      const code = (error as { code?: string } | null)?.code;
      throw new AdminError({
        code: 'sign_in_failed',
        message:
          code === 'invalid_credentials'
            ? 'Wrong e-mail or password.'
            : code === 'user_banned'
              ? 'This user is banned in Supabase Auth.'
              : `Sign-in failed: ${error?.message ?? 'no session'}.`,
        hint: 'Use the e-mail and password of your own user in this project.',
      });
    }
    return fromSession(data.session);
  }

  /** A fresh session from a refresh token (rotated); fails when the user was signed out or banned. */
  async refresh(refreshToken: string): Promise<OperatorSession> {
    const { data, error } = await this.client.auth.refreshSession({ refresh_token: refreshToken });
    if (error || !data.session) {
      throw new AdminError({
        code: 'sign_in_required',
        message: "The operator's session has ended: sign in again.",
        hint: 'Open Settings and sign in as yourself.',
      });
    }
    return fromSession(data.session);
  }

  async signOut(accessToken: string): Promise<void> {
    await this.client.auth.admin.signOut(accessToken).catch(() => undefined);
  }
}
