// A damaged secrets.json: the console refuses it in one sentence that says where the damage
// is, and never prints the file's content (JSON.parse's own message quotes the text around
// the error, which is where the keys are).
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../electron/services/connections/file-secret-store';

const KEY = 'sb_secret_CANARYcanaryCANARY0123456789';
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'magna-secrets-'));
  file = path.join(dir, 'secrets.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function failure(content: string): { code: string; message: string; hint: string } {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
  try {
    new FileSecretStore(file);
  } catch (e) {
    return e as { code: string; message: string; hint: string };
  }
  throw new Error('the damaged file was accepted');
}

describe('a damaged secrets.json', () => {
  it('is refused with the line and column of the damage and none of its content', () => {
    const e = failure(`{\n  "profiles": {\n    "prod": { "serviceRoleKey": "${KEY}" "databaseUrl": "postgresql://u:pw-CANARY@h/db" }\n  }\n}\n`);
    expect(e.code).toBe('secrets_file_invalid');
    expect(e.message).toMatch(
      new RegExp(
        `^The secrets file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged: it is not valid JSON \\(line 3, column \\d+\\); it was not read\\.$`,
      ),
    );
    for (const text of [e.message, e.hint, JSON.stringify(e)]) {
      expect(text).not.toContain('CANARY');
      expect(text).not.toContain('pw-');
    }
  });

  it('is refused when cut short, or empty, or of the wrong shape — never quoting it', () => {
    for (const [content, detail] of [
      [`{"profiles": {"prod": {"serviceRoleKey": "${KEY}"`, /it ends too early|line 1/],
      ['', /the file is empty/],
      [JSON.stringify({ profiles: { prod: { serviceRoleKey: KEY, extra: KEY } } }), /not in the expected shape/],
    ] as const) {
      const e = failure(content);
      expect(e.code).toBe('secrets_file_invalid');
      expect(e.message).toMatch(detail);
      expect(JSON.stringify(e)).not.toContain('CANARY');
    }
  });

  it('reads a good file', () => {
    writeFileSync(file, JSON.stringify({ profiles: { prod: { serviceRoleKey: KEY } } }), { mode: 0o600 });
    expect(new FileSecretStore(file).get('prod', 'serviceRoleKey')).toBe(KEY);
  });
});

describe('secrets saved from the Settings page', () => {
  it('are written to a user-only file, keep the other profiles, and read back after a restart', () => {
    writeFileSync(file, JSON.stringify({ profiles: { other: { databaseUrl: 'postgresql://u:p@h/db' } } }), { mode: 0o600 });
    const store = new FileSecretStore(file);
    store.set('prod', 'serviceRoleKey', KEY);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = new FileSecretStore(file);
    expect(again.get('prod', 'serviceRoleKey')).toBe(KEY);
    expect(again.get('other', 'databaseUrl')).toBe('postgresql://u:p@h/db');
    expect(again.status('prod', 'serviceRoleKey')).toEqual({ set: true, hint: '…6789', source: 'file' });
    again.deleteProfile('prod');
    expect(new FileSecretStore(file).get('prod', 'serviceRoleKey')).toBeNull();
  });

  it('creates the file user-only when there was none, and an environment secret still wins', () => {
    const store = new FileSecretStore(file, new Map([['env-postgres', { databaseUrl: 'postgresql://env@h/db' }]]));
    store.set('env-postgres', 'databaseUrl', 'postgresql://file@h/db');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(store.get('env-postgres', 'databaseUrl')).toBe('postgresql://env@h/db');
  });

  it('leaves the old file intact when it cannot be written, and says so', () => {
    writeFileSync(file, JSON.stringify({ profiles: { prod: { serviceRoleKey: KEY } } }), { mode: 0o600 });
    const store = new FileSecretStore(file);
    // The temporary file's place is taken (a folder): the write fails even for root.
    mkdirSync(`${file}.${process.pid}.tmp`);
    expect(() => store.set('prod', 'databaseUrl', 'postgresql://u:p@h/db')).toThrow(/could not be written.*nothing was saved/);
    expect(new FileSecretStore(file).get('prod', 'databaseUrl')).toBeNull();
    expect(store.get('prod', 'databaseUrl')).toBeNull();
  });
});
