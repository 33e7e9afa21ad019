// Connection profiles on disk (profiles.json in the data folder): everything but secrets.
import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { profileKindSchema } from '../../api/connections';

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
  id: 'embedded', kind: 'embedded', name: 'Local workspace', production: false, supabaseUrl: null, databaseLabel: 'embedded demo workspace', operatorId: null,
};

export class ProfileStore {
  private data: ProfilesFile;

  constructor(private readonly file: string, private readonly builtIn: StoredProfile[] = []) {
    this.data = { profiles: [], activeId: null, operators: {} };
    if (existsSync(file)) {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      // A damaged file is set aside rather than crashing the app: the user keeps a working console.
      if (parsed.success) this.data = parsed.data;
      else renameSync(file, `${file}.damaged-${Date.now()}`);
    }
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
    return id && this.get(id) ? id : this.builtIn[0]?.id ?? EMBEDDED_PROFILE.id;
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
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
