// The log as an attacker or a failing disk meets it: a message cannot forge a line of its own,
// and a log that cannot be written never takes the console down.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Redactor } from '../../electron/lib/redactor';
import { createLogger, escapeControlCharacters } from '../../electron/services/logger';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'magna-log-'));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

const LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (INFO |WARN |ERROR) /;

describe('log forging', () => {
  it('keeps a message with a newline on its one line: no forged entry', () => {
    const file = path.join(dir, 'console.log');
    const log = createLogger(file, new Redactor());
    const forged = `profile saved: x\n${new Date().toISOString()} INFO  operator admin approved everything`;
    log.info(forged);
    log.warn('carriage\rreturn, tab\t, escape \u001b[31mred\u001b[0m, NUL \u0000, separators \u2028\u2029, DEL \u007f');
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(LINE);
    expect(lines[0]).toContain('profile saved: x\\n');
    expect(lines[0]!.match(LINE)).toHaveLength(2); // one timestamp+level at the start, the forged one inside
    expect(lines[1]).toContain('carriage\\rreturn, tab\\t, escape \\u001b[31mred\\u001b[0m, NUL \\u0000, separators \\u2028\\u2029, DEL \\u007f');
  });

  it('escapes control characters in the extra fields and still redacts secrets', () => {
    const file = path.join(dir, 'console.log');
    const log = createLogger(file, Redactor.of('sb_secret_abcdefghijklmnop'));
    log.info('saved', { name: 'a\nFAKE', key: 'sb_secret_abcdefghijklmnop' });
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
    expect(text).not.toContain('sb_secret_abcdefghijklmnop');
  });

  it('escapes only control characters: ordinary text, quotes and backslashes are unchanged', () => {
    expect(escapeControlCharacters('C:\\Users\\ada "quoted" é ✓')).toBe('C:\\Users\\ada "quoted" é ✓');
    expect(escapeControlCharacters('a\nb')).toBe('a\\nb');
  });
});

describe('a log that cannot be written', () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, stderr: (t: string) => void lines.push(t) };
  };

  it('survives a full disk (ENOSPC), says so once, and carries on on stderr', () => {
    if (process.platform !== 'linux') return; // /dev/full is Linux's always-full device
    const out = capture();
    const log = createLogger('/dev/full', new Redactor(), false, { stderr: out.stderr });
    expect(() => {
      log.info('first');
      log.error('second');
      log.warn('third\nforged');
    }).not.toThrow();
    const notices = out.lines.filter((l) => l.startsWith('Could not write the log file'));
    expect(notices).toEqual(['Could not write the log file /dev/full: the disk is full (ENOSPC); log lines go to stderr from now on.\n']);
    // The line that failed and the ones after it reach stderr, still escaped.
    expect(out.lines.filter((l) => LINE.test(l)).map((l) => l.slice(25))).toEqual(['INFO  first\n', 'ERROR second\n', 'WARN  third\\nforged\n']);
  });

  it('survives a log folder that cannot be created (a file is in the way)', () => {
    writeFileSync(path.join(dir, 'logs'), 'not a folder');
    const out = capture();
    const log = createLogger(path.join(dir, 'logs', 'console.log'), new Redactor(), false, { stderr: out.stderr });
    expect(() => log.info('hello')).not.toThrow();
    expect(out.lines[0]).toMatch(
      /^Could not write the log file .*console\.log: (a part of the path is a file, not a folder \(ENOTDIR\)|a file is in the way \(EEXIST\)); log lines go to stderr from now on\.\n$/,
    );
    expect(out.lines.filter((l) => l.startsWith('Could not'))).toHaveLength(1);
    expect(out.lines[1]).toMatch(/INFO {2}hello\n$/);
  });

  it.skipIf(process.getuid?.() === 0)('survives a read-only log folder (EACCES)', () => {
    // Skipped as root, who may write anywhere; tests/integration/browser-shell-startup.test.ts
    // runs the same fault as an unprivileged user when it can.
    chmodSync(dir, 0o500);
    const out = capture();
    const log = createLogger(path.join(dir, 'logs', 'console.log'), new Redactor(), false, { stderr: out.stderr });
    expect(() => log.info('hello')).not.toThrow();
    expect(out.lines[0]).toMatch(/permission denied \(EACCES\)/);
  });

  it('never echoes twice: with echo on, a failed file write still prints each line once', () => {
    if (process.platform !== 'linux') return;
    const out = capture();
    const log = createLogger('/dev/full', new Redactor(), true, { stderr: out.stderr });
    log.info('only once');
    expect(out.lines.filter((l) => l.includes('only once'))).toHaveLength(1);
  });
});
