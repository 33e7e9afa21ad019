// A damaged secrets.json: the console refuses it in one sentence that says where the damage
// is, and never prints the file's content (JSON.parse's own message quotes the text around
// the error, which is where the keys are).
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
