// profiles.json as a crash, a bad edit or a full disk leaves it: the console starts with the
// default profiles and keeps the damaged file aside, and a save that fails says why.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileStore, readProfilesFile } from '../../electron/services/connections/profile-store';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'magna-profiles-'));
  file = path.join(dir, 'profiles.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const damagedCopies = () => readdirSync(dir).filter((n) => n.startsWith('profiles.json.damaged-'));

describe('a damaged profiles.json', () => {
  it('is set aside as profiles.json.damaged-<time> when it is not JSON (a write cut short), and the defaults are used', () => {
    writeFileSync(file, '{"profiles": [{"id": "a", "ki');
    const read = readProfilesFile(file, new Date('2026-11-26T10:20:30.456Z'));
    expect(read).toEqual({
      status: 'set-aside',
      copy: path.join(dir, 'profiles.json.damaged-2026-11-26T10-20-30-456Z'),
      reason: 'it is not valid JSON',
    });
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(path.join(dir, 'profiles.json.damaged-2026-11-26T10-20-30-456Z'), 'utf8')).toBe('{"profiles": [{"id": "a", "ki');
    expect(new ProfileStore(file).all().map((p) => p.id)).toEqual(['embedded']);
  });

  it('is set aside when it is JSON of the wrong shape, and the store starts with the defaults', () => {
    writeFileSync(file, JSON.stringify({ profiles: 'nope' }));
    const store = new ProfileStore(file);
    expect(store.all().map((p) => p.id)).toEqual(['embedded']);
    expect(damagedCopies()).toHaveLength(1);
    // The next save writes a good file beside the kept copy.
    store.setActive('embedded');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ activeId: 'embedded' });
  });

  it('is left alone when it is fine, and missing is not an error', () => {
    expect(readProfilesFile(file)).toEqual({ status: 'missing' });
    writeFileSync(file, JSON.stringify({ profiles: [], activeId: null }));
    expect(readProfilesFile(file)).toMatchObject({ status: 'ok' });
    expect(damagedCopies()).toHaveLength(0);
  });

  it('refuses a profiles.json that cannot be read at all rather than overwrite it later', () => {
    // A folder where the file should be: EISDIR, whoever runs the test.
    const blocked = path.join(dir, 'blocked.json');
    symlinkSync(dir, blocked);
    expect(() => readProfilesFile(blocked)).toThrow(/The profiles file .*blocked\.json cannot be read: it is a folder, not a file \(EISDIR\)\./);
  });
});

describe('saving profiles on a full disk', () => {
  it('fails with a sentence that says the disk is full, not an ENOSPC stack', () => {
    if (process.platform !== 'linux') return; // /dev/full is Linux's always-full device
    const store = new ProfileStore(file);
    symlinkSync('/dev/full', `${file}.tmp`);
    let error: unknown;
    try {
      store.setActive('embedded');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'profiles_not_saved',
      message: `Could not save the profiles to ${file}: the disk is full (ENOSPC).`,
      hint: 'Free some disk space, then try again.',
    });
  });
});
