// Where profile secrets (service-role keys, database URLs) live. Only the main process ever
// reads them; the renderer sees a SecretStatus ("set · …abcd").
import type { SecretStatus } from '../../api/connections';

/** operatorSession: a Supabase profile's signed-in operator (JSON with the refresh token). */
export type SecretName = 'serviceRoleKey' | 'databaseUrl' | 'operatorSession';

export interface SecretStore {
  /** Whether the renderer may send secrets to be stored (Electron: yes; browser shell: no). */
  readonly editable: boolean;
  /** The file the browser shell reads secrets from, shown in the UI; null in Electron. */
  readonly location: string | null;
  get(profileId: string, name: SecretName): string | null;
  set(profileId: string, name: SecretName, value: string): void | Promise<void>;
  deleteProfile(profileId: string): void | Promise<void>;
  status(profileId: string, name: SecretName): SecretStatus;
}

export function maskedStatus(value: string | null, source: SecretStatus['source']): SecretStatus {
  if (!value) return { set: false, hint: null, source: 'none' };
  return { set: true, hint: value.length > 8 ? `…${value.slice(-4)}` : '…', source };
}
