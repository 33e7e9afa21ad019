// The console's log file. Every line passes through the redactor (electron/lib/redactor.ts).
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Redactor } from '../lib/redactor';

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
