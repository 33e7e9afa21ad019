// The browser shell's secrets: never from the page. They come from environment variables
// (for the "environment" profiles) or from a JSON file readable only by the user:
//   { "profiles": { "<profile id>": { "serviceRoleKey": "...", "databaseUrl": "..." } } }
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { AdminError } from '../../db/admin-error';
import { maskedStatus, type SecretName, type SecretStore } from './secret-store';

const fileSchema = z.object({
  profiles: z.record(z.string(), z.object({ serviceRoleKey: z.string().optional(), databaseUrl: z.string().optional() }).strict()),
});

export function secretsReadOnly(location: string | null): AdminError {
  return new AdminError({
    code: 'secrets_read_only',
    message: 'The browser shell does not take secrets from the page.',
    hint: `Put them in ${location ?? 'the secrets file'} (chmod 600) under the profile's id, or start the shell with MAGNA_SUPABASE_URL and MAGNA_SUPABASE_SERVICE_ROLE_KEY.`,
  });
}

export class FileSecretStore implements SecretStore {
  readonly editable = false;
  private readonly fromFile = new Map<string, Partial<Record<SecretName, string>>>();

  constructor(
    readonly location: string,
    private readonly fromEnvironment: Map<string, Partial<Record<SecretName, string>>> = new Map(),
  ) {
    this.reload();
  }

  reload(): void {
    this.fromFile.clear();
    let stat;
    try {
      stat = statSync(this.location);
    } catch {
      return; // no file: only environment secrets
    }
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      throw new AdminError({
        code: 'secrets_file_permissions',
        message: `The secrets file ${this.location} can be read by other users; it was not read.`,
        hint: `Run: chmod 600 ${this.location}`,
      });
    }
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(this.location, 'utf8')));
    if (!parsed.success) {
      throw new AdminError({
        code: 'secrets_file_invalid',
        message: `The secrets file ${this.location} is not in the expected shape.`,
        hint: 'Expected { "profiles": { "<profile id>": { "serviceRoleKey": "…", "databaseUrl": "…" } } }.',
      });
    }
    for (const [id, secrets] of Object.entries(parsed.data.profiles)) this.fromFile.set(id, secrets);
  }

  get(profileId: string, name: SecretName): string | null {
    return this.fromEnvironment.get(profileId)?.[name] ?? this.fromFile.get(profileId)?.[name] ?? null;
  }

  set(): void {
    throw secretsReadOnly(this.location);
  }

  deleteProfile(): void {}

  status(profileId: string, name: SecretName) {
    const env = this.fromEnvironment.get(profileId)?.[name];
    if (env) return maskedStatus(env, 'environment');
    return maskedStatus(this.fromFile.get(profileId)?.[name] ?? null, 'file');
  }
}
