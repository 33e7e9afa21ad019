// The console's Content-Security-Policy lets in exactly the privacy-enhanced video players and the
// thumbnail hosts, nothing else remote; the meta tag Electron's file:// load relies on says the same.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../electron/shells/content-security-policy';

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1);

describe('Content-Security-Policy', () => {
  it('frames only the privacy-enhanced YouTube and Vimeo players', () => {
    expect(directive(CONTENT_SECURITY_POLICY, 'frame-src')).toEqual(['https://www.youtube-nocookie.com', 'https://player.vimeo.com']);
  });

  it('loads remote images only from the thumbnail hosts (no https: wildcard)', () => {
    expect(directive(CONTENT_SECURITY_POLICY, 'img-src')).toEqual(["'self'", 'data:', 'https://i.ytimg.com', 'https://vumbnail.com']);
  });

  it('keeps scripts, connections and everything else to the console itself', () => {
    for (const name of ['default-src', 'script-src', 'style-src', 'connect-src', 'font-src'])
      expect(directive(CONTENT_SECURITY_POLICY, name)).toEqual(["'self'"]);
    expect(directive(CONTENT_SECURITY_POLICY, 'object-src')).toEqual(["'none'"]);
    expect(directive(CONTENT_SECURITY_POLICY, 'frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https:(?!\/\/)/);
  });

  it("index.html's meta tag carries the same policy", () => {
    const html = readFileSync(path.resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
  });
});
