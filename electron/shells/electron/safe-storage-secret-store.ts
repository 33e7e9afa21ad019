// Electron's secrets: encrypted with safeStorage (Keychain, DPAPI, libsecret/kwallet) in
// secrets.enc.json; decrypted only in the main process, never sent to the renderer.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import { z } from 'zod';
import { AdminError } from '../../db/admin-error';
import { maskedStatus, type SecretName, type SecretStore } from '../../services/connections/secret-store';

const fileSchema = z.record(z.string(), z.record(z.string(), z.string()));

export class SafeStorageSecretStore implements SecretStore {
  readonly editable = true;
  readonly location = null;
  private data: Record<string, Record<string, string>> = {};

  constructor(private readonly file: string) {
    if (existsSync(file)) {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) this.data = parsed.data;
    }
  }

  get(profileId: string, name: SecretName): string | null {
    const encrypted = this.data[profileId]?.[name];
    if (!encrypted) return null;
    try {
      return safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
    } catch {
      return null; // encrypted by another OS user or keyring: treated as not set
    }
  }

  set(profileId: string, name: SecretName, value: string): void {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new AdminError({
        code: 'encryption_unavailable',
        message: 'This system offers no secure storage for secrets, so none was saved.',
        hint: 'On Linux, run a keyring (GNOME Keyring or KWallet), or use the browser shell with environment variables.',
      });
    }
    (this.data[profileId] ??= {})[name] = safeStorage.encryptString(value).toString('base64');
    this.save();
  }

  deleteProfile(profileId: string): void {
    delete this.data[profileId];
    this.save();
  }

  status(profileId: string, name: SecretName) {
    return maskedStatus(this.get(profileId, name), 'encrypted');
  }

  private save(): void {
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.data), { mode: 0o600 });
    renameSync(`${this.file}.tmp`, this.file);
  }
}
