// The console's log file. Every line passes through the redactor (electron/lib/redactor.ts),
// then control characters are escaped so that no message can start a line of its own (a
// forged "INFO" entry) or drive the terminal it is echoed to.
// Logging never takes the console down: when the file cannot be written (permissions, a
// read-only or full disk) the logger says so once on stderr and writes there from then on.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Redactor } from '../lib/redactor';
import { describeFsError } from '../lib/fs-errors';

export type Logger = {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
  readonly file: string | null;
};

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators, as visible escapes. */
export function escapeControlCharacters(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
    out += control ? (NAMED[c] ?? `\\u${code.toString(16).padStart(4, '0')}`) : c;
  }
  return out;
}

export type LoggerOptions = {
  /** Where the one-time "cannot write the log" notice and fallback lines go (stderr by default). */
  stderr?: (text: string) => void;
};

const writeStderr = (text: string) => {
  try {
    process.stderr.write(text);
  } catch {
    /* nowhere left to report to */
  }
};

export function createLogger(file: string | null, redactor: Redactor, echo = false, options: LoggerOptions = {}): Logger {
  const stderr = options.stderr ?? writeStderr;
  let target = file;

  const fallBack = (e: unknown) => {
    stderr(`Could not write the log file ${escapeControlCharacters(file ?? '')}: ${describeFsError(e)}; log lines go to stderr from now on.\n`);
    target = null;
  };

  if (target) {
    try {
      mkdirSync(path.dirname(target), { recursive: true });
    } catch (e) {
      fallBack(e);
    }
  }

  const write = (level: string, message: string, extra?: Record<string, unknown>) => {
    let rest: string;
    try {
      rest = `${message}${extra ? ` ${JSON.stringify(extra)}` : ''}`;
    } catch {
      rest = `${message} [extra not serializable]`;
    }
    const line = `${new Date().toISOString()} ${level} ${escapeControlCharacters(redactor.redact(rest))}\n`;
    if (target) {
      try {
        appendFileSync(target, line, { mode: 0o600 });
      } catch (e) {
        fallBack(e);
      }
    }
    if (echo || (file && !target)) stderr(line);
  };
  return {
    file,
    info: (m, e) => write('INFO ', m, e),
    warn: (m, e) => write('WARN ', m, e),
    error: (m, e) => write('ERROR', m, e),
  };
}
