import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../electron/shells/console-app';
import { Redactor } from '../../electron/lib/redactor';

describe('isSafeExternalUrl', () => {
  it.each(['https://www.youtube.com/watch?v=abc', 'http://vimeo.com/1'])('allows %s', (url) => expect(isSafeExternalUrl(url)).toBe(true));
  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com', 'not a url', 'ms-msdt:/id'])(
    'refuses %s', (url) => expect(isSafeExternalUrl(url)).toBe(false));
});

describe('Redactor', () => {
  it('replaces registered secrets and masks key-shaped strings', () => {
    const r = new Redactor();
    r.add('my-very-secret-value');
    expect(r.redact('oops my-very-secret-value leaked')).toBe('oops [redacted] leaked');
    expect(r.redact('key sb_secret_abcDEF123_xyz')).toBe('key sb_secret_[redacted]');
    expect(r.redact('postgresql://postgres:hunter2@db.host:5432/postgres')).toBe('postgresql://postgres:[redacted]@db.host:5432/postgres');
    expect(r.redact('token eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.abcdefghijklmnop')).toBe('token [jwt redacted]');
  });
});
