// The one redactor: known secrets are replaced wherever they appear, and anything shaped like a
// key, a JWT or a URL password is masked — before text reaches a log, an error message or the
// renderer.
const PATTERNS: [RegExp, string][] = [
  [/\bsb_secret_[A-Za-z0-9_-]+/g, 'sb_secret_[redacted]'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, '[jwt redacted]'],
  [/\b(postgres(?:ql)?:\/\/[^:/\s]+:)[^@\s]+@/g, '$1[redacted]@'],
  [/\b(sk-[A-Za-z0-9]{4})[A-Za-z0-9_-]{8,}/g, '$1[redacted]'],
];

/** A URL's password, decoded (a message may quote it either way). */
function urlPassword(value: string): string | null {
  try {
    const password = new URL(value).password;
    return password ? decodeURIComponent(password) : null;
  } catch {
    return null;
  }
}

export class Redactor {
  private readonly secrets = new Set<string>();

  /** A redactor that already knows these secrets. */
  static of(...secrets: (string | null | undefined)[]): Redactor {
    const r = new Redactor();
    for (const s of secrets) r.add(s);
    return r;
  }

  /** Registers a secret value (for a URL, also its password): it is replaced wherever it appears from now on. */
  add(secret: string | null | undefined): void {
    if (!secret || secret.length < 6) return;
    this.secrets.add(secret);
    const password = urlPassword(secret);
    if (password && password.length >= 4) this.secrets.add(password);
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a URL is replaced whole before its password alone.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('[redacted]');
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
    return out;
  }

  /** `redact` as a plain function, for APIs that take one. */
  readonly fn = (text: string): string => this.redact(text);
}
