// Who may use the browser shell.
//
// The printed link carries a one-time login token: opening it trades the token for a session
// cookie, and the token is spent. The cookie is a separate random value that only this server
// (this launch, this port) knows, so it is worth nothing anywhere else: browsers send cookies to
// every port of 127.0.0.1 (cookies ignore ports), so any other local server the browser visits
// sees it, and must not be able to use it here. Its name carries the port, so two consoles on two
// ports keep their own cookies instead of overwriting each other's. There is no bearer access:
// a credential a browser holds is only ever a cookie.
//
// A login token is `nonce ‖ HMAC(loginKey, nonce)`. The server mints the printed one with a
// random per-launch key; the process that starts the shell may pass its own key
// (MAGNA_LOGIN_KEY) to mint more one-time links itself, e.g. a test harness opening a fresh
// browser context per test. Each nonce is accepted once.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const NONCE_BYTES = 16;
const MAC_BYTES = 32;
export const LOGIN_TOKEN_PATTERN = new RegExp(`^[0-9a-f]{${(NONCE_BYTES + MAC_BYTES) * 2}}$`);

const mac = (key: Buffer, nonce: Buffer) => createHmac('sha256', key).update('magna-login:').update(nonce).digest();

/** A one-time login token for a server started with `key`. */
export function mintLoginToken(key: Buffer): string {
  const nonce = randomBytes(NONCE_BYTES);
  return Buffer.concat([nonce, mac(key, nonce)]).toString('hex');
}

/** The key a launcher passes in MAGNA_LOGIN_KEY: 32 bytes or more, as hex. */
export const LOGIN_KEY_PATTERN = /^(?:[0-9a-f]{2}){32,}$/i;

export type Sessions = {
  readonly cookieName: string;
  mintLoginToken(): string;
  /** True once per valid token: the token is spent by this call. */
  redeemLoginToken(token: string): boolean;
  /** A new session; returns the cookie's value. */
  startSession(): string;
  /** Whether the request's Cookie header carries one of this server's sessions. */
  isSignedIn(cookieHeader: string | undefined): boolean;
  setCookie(value: string): string;
};

export function createSessions(port: number, loginKey: Buffer = randomBytes(32)): Sessions {
  const cookieName = `magna_session_${port}`;
  const spentNonces = new Set<string>();
  // Hashes of the session values: a lookup cannot leak a live value through timing.
  const sessions = new Set<string>();
  const digest = (value: string) => createHash('sha256').update(value).digest('hex');

  // Every cookie of that name counts: another local server can set one with a longer path,
  // which the browser then sends first, but cannot make ours stop working.
  const cookieValues = (header: string | undefined): string[] =>
    (header ?? '').split(';').flatMap((part) => {
      const eq = part.indexOf('=');
      return eq > 0 && part.slice(0, eq).trim() === cookieName ? [part.slice(eq + 1).trim()] : [];
    });

  return {
    cookieName,
    mintLoginToken: () => mintLoginToken(loginKey),
    redeemLoginToken(token) {
      if (!LOGIN_TOKEN_PATTERN.test(token)) return false;
      const raw = Buffer.from(token, 'hex');
      const nonce = raw.subarray(0, NONCE_BYTES);
      if (!timingSafeEqual(raw.subarray(NONCE_BYTES), mac(loginKey, nonce))) return false;
      const id = nonce.toString('hex');
      if (spentNonces.has(id)) return false;
      spentNonces.add(id);
      return true;
    },
    startSession() {
      const value = randomBytes(32).toString('base64url');
      sessions.add(digest(value));
      return value;
    },
    isSignedIn: (header) => cookieValues(header).some((value) => sessions.has(digest(value))),
    setCookie: (value) => `${cookieName}=${value}; HttpOnly; SameSite=Strict; Path=/`,
  };
}
