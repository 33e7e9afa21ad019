// Connection profiles on disk (profiles.json in the data folder): everything but secrets.
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { profileKindSchema } from '../../api/connections';
import { AdminError } from '../../db/admin-error';
import { describeFsError, fsErrorCode } from '../../lib/fs-errors';

export const storedProfileSchema = z.object({
  id: z.string(),
  kind: profileKindSchema,
  name: z.string(),
  production: z.boolean(),
  supabaseUrl: z.string().nullable().default(null),
  databaseLabel: z.string().nullable().default(null),
  operatorId: z.string().nullable().default(null),
});
export type StoredProfile = z.infer<typeof storedProfileSchema>;

const fileSchema = z.object({
  profiles: z.array(storedProfileSchema),
  activeId: z.string().nullable(),
  /** Operators chosen for any profile, built-in ones included. */
  operators: z.record(z.string(), z.string()).default({}),
});
type ProfilesFile = z.infer<typeof fileSchema>;

export const EMBEDDED_PROFILE: StoredProfile = {
  id: 'embedded',
  kind: 'embedded',
  name: 'Local workspace',
  production: false,
  supabaseUrl: null,
  databaseLabel: 'embedded demo workspace',
  operatorId: null,
};

export class ProfileStore {
  private data: ProfilesFile;

  constructor(
    private readonly file: string,
    private readonly builtIn: StoredProfile[] = [],
  ) {
    const read = readProfilesFile(file);
    this.data = read.status === 'ok' ? read.data : { profiles: [], activeId: null, operators: {} };
  }

  all(): StoredProfile[] {
    return [EMBEDDED_PROFILE, ...this.builtIn, ...this.data.profiles].map((p) => ({ ...p, operatorId: this.data.operators[p.id] ?? p.operatorId }));
  }

  setOperator(id: string, operatorId: string | null): void {
    if (operatorId) this.data.operators[id] = operatorId;
    else delete this.data.operators[id];
    this.save();
  }

  get(id: string): StoredProfile | undefined {
    return this.all().find((p) => p.id === id);
  }

  isBuiltIn(id: string): boolean {
    return id === EMBEDDED_PROFILE.id || this.builtIn.some((p) => p.id === id);
  }

  activeId(): string {
    const id = this.data.activeId;
    return id && this.get(id) ? id : (this.builtIn[0]?.id ?? EMBEDDED_PROFILE.id);
  }

  upsert(profile: StoredProfile): void {
    const i = this.data.profiles.findIndex((p) => p.id === profile.id);
    if (i >= 0) this.data.profiles[i] = profile;
    else this.data.profiles.push(profile);
    this.save();
  }

  remove(id: string): void {
    this.data.profiles = this.data.profiles.filter((p) => p.id !== id);
    delete this.data.operators[id];
    if (this.data.activeId === id) this.data.activeId = null;
    this.save();
  }

  setActive(id: string): void {
    this.data.activeId = id;
    this.save();
  }

  private save(): void {
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.tmp`;
      writeFileSync(tmp, JSON.stringify(this.data, null, 2), { mode: 0o600 });
      renameSync(tmp, this.file);
    } catch (e) {
      throw new AdminError({
        code: 'profiles_not_saved',
        message: `Could not save the profiles to ${this.file}: ${describeFsError(e)}.`,
        hint: fsErrorCode(e) === 'ENOSPC' ? 'Free some disk space, then try again.' : 'Check that the data folder can be written, then try again.',
      });
    }
  }
}

export type ProfilesFileRead =
  | { status: 'ok'; data: ProfilesFile }
  | { status: 'missing' }
  /** It could not be parsed: moved to `copy` (null when even that failed) and the defaults are used. */
  | { status: 'set-aside'; copy: string | null; reason: string };

/**
 * Reads profiles.json. A damaged file is set aside as `profiles.json.damaged-<time>` rather than
 * crashing the app: the user keeps a working console with the default profiles, and the damaged
 * copy to repair or delete. A file that exists but cannot be read at all (permissions) throws an
 * AdminError: starting with the defaults would overwrite it on the next save.
 */
export function readProfilesFile(file: string, now = new Date()): ProfilesFileRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (fsErrorCode(e) === 'ENOENT') return { status: 'missing' };
    throw new AdminError({
      code: 'profiles_unreadable',
      message: `The profiles file ${file} cannot be read: ${describeFsError(e)}.`,
      hint: `Fix its permissions (chmod 600 ${file}) or move it away.`,
    });
  }
  let reason: string;
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { status: 'ok', data: parsed.data };
    reason = 'it is not in the expected shape';
  } catch {
    reason = 'it is not valid JSON';
  }
  const copy = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(file, copy);
    return { status: 'set-aside', copy, reason };
  } catch {
    return { status: 'set-aside', copy: null, reason };
  }
}
