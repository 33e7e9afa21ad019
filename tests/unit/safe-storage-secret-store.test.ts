// Electron's secret store, with a stand-in safeStorage: encrypted at rest with a keyring; on
// Linux's basic_text backend (a hard-coded password, i.e. no protection) never written at all.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const backend = { value: 'gnome_libsecret' as string };
vi.mock('electron', () => ({
  safeStorage: {
    isAsyncEncryptionAvailable: async () => true,
    getSelectedStorageBackend: () => backend.value,
    encryptStringAsync: async (s: string) => Buffer.from(`enc:${Buffer.from(s).toString('hex')}`),
    decryptStringAsync: async (b: Buffer) => ({ result: Buffer.from(b.toString().slice(4), 'hex').toString(), shouldReEncrypt: false }),
  },
}));
const { SafeStorageSecretStore } = await import('../../electron/shells/electron/safe-storage-secret-store');

const dir = mkdtempSync(path.join(os.tmpdir(), 'magna-safe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KEY = 'sb_secret_abcdefghijklmnopqrstuvwxyz';

describe('SafeStorageSecretStore', () => {
  beforeEach(() => {
    backend.value = 'gnome_libsecret';
  });

  it('with a keyring: writes only ciphertext, reads it back after a restart', async () => {
    const file = path.join(dir, 'keyring.enc.json');
    const store = await SafeStorageSecretStore.open(file);
    await store.set('p1', 'serviceRoleKey', KEY);
    expect(readFileSync(file, 'utf8')).not.toContain(KEY);
    expect(store.status('p1', 'serviceRoleKey')).toMatchObject({ set: true, source: 'encrypted', hint: '…wxyz' });
    const reopened = await SafeStorageSecretStore.open(file);
    expect(reopened.get('p1', 'serviceRoleKey')).toBe(KEY);
  });

  it("on Linux's basic_text backend: keeps the secret for this session only, says so, and writes nothing", async () => {
    if (process.platform !== 'linux') return;
    backend.value = 'basic_text';
    const file = path.join(dir, 'basic.enc.json');
    const store = await SafeStorageSecretStore.open(file);
    await store.set('p1', 'serviceRoleKey', KEY);
    expect(store.get('p1', 'serviceRoleKey')).toBe(KEY);
    expect(store.status('p1', 'serviceRoleKey')).toMatchObject({ set: true, source: 'session' });
    expect(existsSync(file)).toBe(false);
  });
});
