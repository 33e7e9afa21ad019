// The browser shell's secrets: from environment variables (for the "environment" profiles) or
// from a JSON file readable only by the user, which the Settings page writes to (write-only:
// a secret goes in once and only its masked status comes back):
//   { "profiles": { "<profile id>": { "serviceRoleKey": "...", "databaseUrl": "..." } } }
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AdminError } from '../../db/admin-error';
import { describeFsError, fsErrorCode } from '../../lib/fs-errors';
import { maskedStatus, type SecretName, type SecretStore } from './secret-store';

const fileSchema = z.object({
  profiles: z.record(
    z.string(),
    z.object({ serviceRoleKey: z.string().optional(), databaseUrl: z.string().optional(), operatorSession: z.string().optional() }).strict(),
  ),
});

const EXPECTED = '{ "profiles": { "<profile id>": { "serviceRoleKey": "…", "databaseUrl": "…" } } }';

/** "line 3, column 14" from a JSON.parse error that names a position, else null. Only numbers. */
function jsonErrorPosition(e: unknown, text: string): string | null {
  const m = e instanceof SyntaxError ? /at position (\d+)/.exec(e.message) : null;
  if (!m) {
    if (text.trim() === '') return 'the file is empty';
    return e instanceof SyntaxError && /end of JSON input/.test(e.message) ? 'it ends too early' : null;
  }
  const before = text.slice(0, Number(m[1]));
  const lines = before.split('\n');
  return `line ${lines.length}, column ${lines[lines.length - 1]!.length + 1}`;
}

export function secretsReadOnly(location: string | null): AdminError {
  return new AdminError({
    code: 'secrets_read_only',
    message: 'The browser shell does not take secrets from the page.',
    hint: `Put them in ${location ?? 'the secrets file'} (chmod 600) under the profile's id, or start the shell with MAGNA_SUPABASE_URL and MAGNA_SUPABASE_SERVICE_ROLE_KEY (Supabase) or MAGNA_DATABASE_URL (Postgres).`,
  });
}

export class FileSecretStore implements SecretStore {
  readonly editable = true;
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
    } catch (e) {
      if (fsErrorCode(e) === 'ENOENT') return; // no file: only environment secrets
      throw new AdminError({
        code: 'secrets_file_unreadable',
        message: `The secrets file ${this.location} cannot be read: ${describeFsError(e)}.`,
        hint: 'Check the path in MAGNA_SECRETS_FILE and the permissions of its folder.',
      });
    }
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      throw new AdminError({
        code: 'secrets_file_permissions',
        message: `The secrets file ${this.location} can be read by other users; it was not read.`,
        hint: `Run: chmod 600 ${this.location}`,
      });
    }
    let text: string;
    try {
      text = readFileSync(this.location, 'utf8');
    } catch (e) {
      throw new AdminError({
        code: 'secrets_file_unreadable',
        message: `The secrets file ${this.location} cannot be read: ${describeFsError(e)}.`,
        hint: `Fix its permissions (chmod 600 ${this.location}) or move it away.`,
      });
    }
    // Never quote the file: JSON.parse's own message shows the text around the error, which is
    // where the keys are. Only a line and column leave this function.
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      const where = jsonErrorPosition(e, text);
      throw new AdminError({
        code: 'secrets_file_invalid',
        message: `The secrets file ${this.location} is damaged: it is not valid JSON${where ? ` (${where})` : ''}; it was not read.`,
        hint: 'Fix it or move it away, then start again (its content is not shown: it holds keys).',
      });
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
      throw new AdminError({
        code: 'secrets_file_invalid',
        message: `The secrets file ${this.location} is damaged: it is not in the expected shape; it was not read.`,
        hint: `Expected ${EXPECTED}.`,
      });
    }
    for (const [id, secrets] of Object.entries(parsed.data.profiles)) this.fromFile.set(id, secrets);
  }

  get(profileId: string, name: SecretName): string | null {
    return this.fromEnvironment.get(profileId)?.[name] ?? this.fromFile.get(profileId)?.[name] ?? null;
  }

  set(profileId: string, name: SecretName, value: string): void {
    const next = this.snapshot();
    (next[profileId] ??= {})[name] = value;
    this.write(next);
  }

  deleteProfile(profileId: string): void {
    const next = this.snapshot();
    if (!next[profileId]) return;
    delete next[profileId];
    this.write(next);
  }

  private snapshot(): Record<string, Partial<Record<SecretName, string>>> {
    return Object.fromEntries([...this.fromFile].map(([id, secrets]) => [id, { ...secrets }]));
  }

  /**
   * Replaces the file atomically (a crash leaves the old file or the new one, never half of
   * one), created user-only: the temporary file is 0600 before a secret is written to it.
   */
  private write(profiles: Record<string, Partial<Record<SecretName, string>>>): void {
    const tmp = `${this.location}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(this.location), { recursive: true, mode: 0o700 });
      writeFileSync(tmp, '', { mode: 0o600 });
      chmodSync(tmp, 0o600);
      writeFileSync(tmp, `${JSON.stringify({ profiles }, null, 2)}\n`);
      renameSync(tmp, this.location);
    } catch (e) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        /* what is left is not the secrets file */
      }
      throw new AdminError({
        code: 'secrets_file_unwritable',
        message: `The secrets file ${this.location} could not be written: ${describeFsError(e)}; nothing was saved.`,
        hint: 'Check the permissions of its folder (or point MAGNA_SECRETS_FILE at a writable path), then save again.',
      });
    }
    this.fromFile.clear();
    for (const [id, secrets] of Object.entries(profiles)) this.fromFile.set(id, secrets);
  }

  status(profileId: string, name: SecretName) {
    const env = this.fromEnvironment.get(profileId)?.[name];
    if (env) return maskedStatus(env, 'environment');
    return maskedStatus(this.fromFile.get(profileId)?.[name] ?? null, 'file');
  }
}
