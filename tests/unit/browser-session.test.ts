// The browser shell's credentials: a login token works once and only with its server's key;
// a session cookie is a value of one server, never the token.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSessions, mintLoginToken } from '../../electron/shells/browser-session';

describe('login tokens', () => {
  it('are accepted once', () => {
    const s = createSessions(5199);
    const token = s.mintLoginToken();
    expect(s.redeemLoginToken(token)).toBe(true);
    expect(s.redeemLoginToken(token)).toBe(false);
  });

  it('are refused when minted with another key, tampered with, or malformed', () => {
    const key = randomBytes(32);
    const s = createSessions(5199, key);
    expect(s.redeemLoginToken(mintLoginToken(randomBytes(32)))).toBe(false);
    const good = mintLoginToken(key);
    const flipped = `${good.slice(0, -1)}${good.endsWith('0') ? '1' : '0'}`;
    expect(s.redeemLoginToken(flipped)).toBe(false);
    for (const bad of ['', 'x', good.toUpperCase(), `${good}00`, good.slice(2)]) expect(s.redeemLoginToken(bad)).toBe(false);
    expect(s.redeemLoginToken(good)).toBe(true); // the failed attempts did not spend it
  });
});

describe('sessions', () => {
  it('live in a cookie named after the port, HttpOnly and SameSite=Strict, holding a value that is not the token', () => {
    const s = createSessions(5199);
    const token = s.mintLoginToken();
    s.redeemLoginToken(token);
    const value = s.startSession();
    expect(value).not.toContain(token);
    expect(s.setCookie(value)).toBe(`magna_session_5199=${value}; HttpOnly; SameSite=Strict; Path=/`);
    expect(s.isSignedIn(`magna_session_5199=${value}`)).toBe(true);
  });

  it("belong to one server: another server's session is refused, under either name", () => {
    const a = createSessions(5199);
    const b = createSessions(5200);
    const fromB = b.startSession();
    expect(a.isSignedIn(`magna_session_5200=${fromB}`)).toBe(false);
    expect(a.isSignedIn(`magna_session_5199=${fromB}`)).toBe(false);
    // Even two servers that happened to share a port (one after the other) share nothing.
    const again = createSessions(5200);
    expect(again.isSignedIn(`magna_session_5200=${fromB}`)).toBe(false);
  });

  it('are found among other cookies and planted decoys', () => {
    const s = createSessions(5199);
    const value = s.startSession();
    expect(s.isSignedIn(`theme=dark; magna_session_5199=decoy; magna_session_5199=${value}`)).toBe(true);
    expect(s.isSignedIn('magna_session_5199=decoy')).toBe(false);
    expect(s.isSignedIn(undefined)).toBe(false);
  });
});
