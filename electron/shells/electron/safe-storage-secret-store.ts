// Electron's secrets: encrypted with safeStorage (Keychain, DPAPI, libsecret/kwallet) in
// secrets.enc.json; decrypted only in the main process, never sent to the renderer. Uses the
// asynchronous safeStorage API (the synchronous one is deprecated in Electron 45).
//
// On Linux without a keyring, safeStorage falls back to the `basic_text` backend: "encrypted"
// with a password hard-coded in Chromium, i.e. not protected at all. There the secrets are kept
// for this session only (never written), and the renderer is told so ("session").
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import { z } from 'zod';
import { AdminError } from '../../db/admin-error';
import { maskedStatus, type SecretName, type SecretStore } from '../../services/connections/secret-store';

const fileSchema = z.record(z.string(), z.record(z.string(), z.string()));
type Secrets = Record<string, Partial<Record<SecretName, string>>>;

/** Whether secrets written to disk are protected by the OS: a keyring, or nothing worth the name. */
export async function keyringProtection(): Promise<'keyring' | 'unprotected' | 'unavailable'> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'unavailable';
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'unprotected';
  return 'keyring';
}

export class SafeStorageSecretStore implements SecretStore {
  readonly editable = true;
  readonly location = null;
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly plain: Secrets,
    private readonly persisted: boolean,
  ) {}

  /** Decrypts what is stored, once, at start-up. Secrets another OS user or keyring encrypted count as not set. */
  static async open(file: string): Promise<SafeStorageSecretStore> {
    const protection = await keyringProtection();
    const plain: Secrets = {};
    if (protection === 'keyring' && existsSync(file)) {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      for (const [profileId, names] of Object.entries(parsed.success ? parsed.data : {})) {
        for (const [name, encrypted] of Object.entries(names)) {
          try {
            const { result } = await safeStorage.decryptStringAsync(Buffer.from(encrypted, 'base64'));
            (plain[profileId] ??= {})[name as SecretName] = result;
          } catch {
            /* not ours to read: treated as not set */
          }
        }
      }
    }
    return new SafeStorageSecretStore(file, plain, protection === 'keyring');
  }

  get(profileId: string, name: SecretName): string | null {
    return this.plain[profileId]?.[name] ?? null;
  }

  async set(profileId: string, name: SecretName, value: string): Promise<void> {
    (this.plain[profileId] ??= {})[name] = value;
    await this.persist();
  }

  async deleteProfile(profileId: string): Promise<void> {
    delete this.plain[profileId];
    await this.persist();
  }

  status(profileId: string, name: SecretName) {
    return maskedStatus(this.get(profileId, name), this.persisted ? 'encrypted' : 'session');
  }

  /** Encrypts everything and replaces the file atomically; writes are serialized. Without a keyring nothing is written. */
  private persist(): Promise<void> {
    if (!this.persisted) return Promise.resolve();
    const snapshot = structuredClone(this.plain);
    this.writes = this.writes
      .catch(() => undefined)
      .then(async () => {
        const out: Record<string, Record<string, string>> = {};
        for (const [profileId, names] of Object.entries(snapshot)) {
          for (const [name, value] of Object.entries(names)) {
            if (value) (out[profileId] ??= {})[name] = (await safeStorage.encryptStringAsync(value)).toString('base64');
          }
        }
        try {
          writeFileSync(`${this.file}.tmp`, JSON.stringify(out), { mode: 0o600 });
          renameSync(`${this.file}.tmp`, this.file);
        } catch (e) {
          throw new AdminError({
            code: 'secrets_not_saved',
            message: `The encrypted secrets could not be written (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
            hint: 'Check that the data folder is writable and the disk is not full; the secret is kept for this session.',
          });
        }
      });
    return this.writes;
  }
}
