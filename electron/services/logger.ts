// The console's log file. Every line passes through the redactor: known secrets are replaced
// wherever they appear, and anything shaped like a key, a JWT or a URL password is masked.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const PATTERNS: [RegExp, string][] = [
  [/\bsb_secret_[A-Za-z0-9_-]+/g, 'sb_secret_[redacted]'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, '[jwt redacted]'],
  [/\b(postgres(?:ql)?:\/\/[^:/\s]+:)[^@\s]+@/g, '$1[redacted]@'],
  [/\b(sk-[A-Za-z0-9]{4})[A-Za-z0-9_-]{8,}/g, '$1[redacted]'],
];

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers a secret value: it is replaced wherever it appears from now on. */
  add(secret: string | null | undefined): void {
    if (secret && secret.length >= 6) this.secrets.add(secret);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('[redacted]');
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
    return out;
  }
}

export type Logger = {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
  readonly file: string | null;
};

export function createLogger(file: string | null, redactor: Redactor, echo = false): Logger {
  if (file) mkdirSync(path.dirname(file), { recursive: true });
  const write = (level: string, message: string, extra?: Record<string, unknown>) => {
    const line = redactor.redact(`${new Date().toISOString()} ${level} ${message}${extra ? ` ${JSON.stringify(extra)}` : ''}`);
    if (file) appendFileSync(file, `${line}\n`, { mode: 0o600 });
    if (echo) process.stderr.write(`${line}\n`);
  };
  return {
    file,
    info: (m, e) => write('INFO ', m, e),
    warn: (m, e) => write('WARN ', m, e),
    error: (m, e) => write('ERROR', m, e),
  };
}
