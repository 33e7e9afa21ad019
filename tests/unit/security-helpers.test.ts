import { describe, expect, it } from 'vitest';
import { providerFor } from '../../electron/services/embeddings/embeddings-service';
import { isSafeExternalUrl } from '../../electron/shells/console-app';
import { Redactor } from '../../electron/lib/redactor';

describe('isSafeExternalUrl', () => {
  it.each(['https://www.youtube.com/watch?v=abc', 'http://vimeo.com/1'])('allows %s', (url) => expect(isSafeExternalUrl(url)).toBe(true));
  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com', 'not a url', 'ms-msdt:/id'])(
    'refuses %s',
    (url) => expect(isSafeExternalUrl(url)).toBe(false),
  );
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

describe('embeddings API key', () => {
  const openai = (baseUrl: string) => ({ provider: 'openai' as const, baseUrl, model: 'text-embedding-3-small', pricePerMillionTokens: 0 });
  it('goes only to the base URL configured in this process, never to one read from a shared job row', () => {
    const credentials = { apiKey: 'sk-test-abcdefghijklmnop', baseUrl: 'https://api.openai.com/v1' };
    expect(() => providerFor(openai('https://api.openai.com/v1/'), credentials)).not.toThrow();
    expect(() => providerFor(openai('https://evil.example/v1'), credentials)).toThrow(/never sent elsewhere/);
    expect(() => providerFor(openai('https://api.openai.com.evil.example/v1'), credentials)).toThrow(/never sent elsewhere/);
  });
  it('is not needed, and not sent, for a server on this machine', () => {
    expect(() =>
      providerFor(openai('http://127.0.0.1:8080/v1'), { apiKey: 'sk-test-abcdefghijklmnop', baseUrl: 'https://api.openai.com/v1' }),
    ).not.toThrow();
  });
});
