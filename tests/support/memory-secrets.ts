// An editable in-memory secret store for tests, as Electron's safeStorage store is (nothing on disk).
import { maskedStatus, type SecretName, type SecretStore } from '../../electron/services/connections/secret-store';

export class MemorySecrets implements SecretStore {
  readonly editable = true;
  readonly location = null;
  readonly data = new Map<string, Partial<Record<SecretName, string>>>();
  get(id: string, name: SecretName) {
    return this.data.get(id)?.[name] ?? null;
  }
  set(id: string, name: SecretName, value: string) {
    this.data.set(id, { ...this.data.get(id), [name]: value });
  }
  deleteProfile(id: string) {
    this.data.delete(id);
  }
  status(id: string, name: SecretName) {
    return maskedStatus(this.get(id, name), 'encrypted');
  }
}
