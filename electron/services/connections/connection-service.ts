// Connection profiles and the active connection: the admin gateway for the active profile and,
// where the profile has one, the direct SQL connection migrations need.
import { randomUUID } from 'node:crypto';
import type { ConnectionsState, ConnectionTest, Profile, ProfileInput } from '../../api/connections';
import { profileInputSchema } from '../../api/connections';
import { AdminError, toAdminError } from '../../db/admin-error';
import type { AdminGateway } from '../../db/admin-gateway';
import type { EmbeddedDatabase } from '../../db/embedded-database';
import { describeDatabaseUrl, PostgresDatabase } from '../../db/postgres-database';
import { SqlAdminGateway } from '../../db/sql-admin-gateway';
import type { SqlConnection } from '../../db/sql-connection';
import { assertServiceRoleKey, SupabaseAdminGateway } from '../../db/supabase-admin-gateway';
import { supabaseKeyKind } from '../../db/supabase-key';
import type { Redactor } from '../../lib/redactor';
import type { Logger } from '../logger';
import { DEMO_OPERATOR, findOperatorId } from '../operators';
import { requireConfirmation, type DatabaseSession, type ProfileFacts } from '../session';
import { openEmbeddedWorkspace } from './embedded-workspace';
import { SupabaseOperatorAuth, type OperatorSession, type StoredOperatorSession } from './operator-auth';
import { secretsReadOnly } from './file-secret-store';
import type { ProfileStore, StoredProfile } from './profile-store';
import type { SecretName, SecretStore } from './secret-store';

type Open = { profileId: string; gateway: AdminGateway; sql: SqlConnection | null };

async function closeOpen(o: Open): Promise<void> {
  await o.gateway.close();
  // Embedded: the workspace stays open for the app's lifetime. Postgres: the gateway owns it.
  if (o.sql && o.sql.kind !== 'embedded' && !(o.gateway instanceof SqlAdminGateway && o.gateway.db === o.sql)) await o.sql.close();
}

export class ConnectionService implements DatabaseSession {
  private embedded: Promise<EmbeddedDatabase> | null = null;
  private open: Promise<Open> | null = null;
  private demoOperator: { open: Promise<Open> | null; id: Promise<string | null> } | null = null;
  /** Supabase profiles' signed-in operators, by profile id (main process only). */
  private readonly sessions = new Map<string, OperatorSession>();

  constructor(
    private readonly store: ProfileStore,
    private readonly secrets: SecretStore,
    private readonly workspaceDir: string,
    private readonly logger: Logger,
    private readonly redactor: Redactor,
  ) {
    for (const p of store.all()) {
      this.redactor.add(secrets.get(p.id, 'serviceRoleKey'));
      this.redactor.add(secrets.get(p.id, 'databaseUrl'));
    }
  }

  private view(p: StoredProfile): Profile {
    const hasKey = p.kind === 'supabase';
    const hasUrl = p.kind !== 'embedded';
    return {
      id: p.id,
      kind: p.kind,
      name: p.name,
      production: p.production,
      supabaseUrl: p.supabaseUrl,
      databaseLabel: p.kind === 'embedded' ? p.databaseLabel : this.databaseLabel(p),
      serviceRoleKey: hasKey ? this.secrets.status(p.id, 'serviceRoleKey') : null,
      databaseUrl: hasUrl ? this.secrets.status(p.id, 'databaseUrl') : null,
      operatorId: p.kind === 'supabase' ? (this.signedIn(p.id)?.userId ?? null) : p.operatorId,
      readOnly: this.store.isBuiltIn(p.id),
      signedInAs: p.kind === 'supabase' ? (this.signedIn(p.id)?.email ?? null) : null,
    };
  }

  private databaseLabel(p: StoredProfile): string | null {
    const url = this.secrets.get(p.id, 'databaseUrl');
    return url ? describeDatabaseUrl(url) : p.databaseLabel;
  }

  list(): ConnectionsState {
    return {
      profiles: this.store.all().map((p) => this.view(p)),
      activeId: this.store.activeId(),
      secretsEditable: this.secrets.editable,
      secretsFile: this.secrets.location,
    };
  }

  activeProfile(): StoredProfile {
    return this.store.get(this.store.activeId())!;
  }

  profile(): ProfileFacts {
    return this.activeProfile();
  }

  async save(input: ProfileInput): Promise<Profile> {
    const data = profileInputSchema.parse(input);
    if (data.id && this.store.isBuiltIn(data.id)) {
      throw new AdminError({ code: 'profile_read_only', message: 'This profile is built in and cannot be edited.' });
    }
    const existing = data.id ? this.store.get(data.id) : undefined;
    if (data.id && !existing) throw new AdminError({ code: 'profile_not_found', message: 'That profile no longer exists.' });
    const clash = this.store.all().find((p) => p.name.toLowerCase() === data.name.toLowerCase() && p.id !== data.id);
    if (clash)
      throw new AdminError({ code: 'profile_name_taken', message: `A profile named "${clash.name}" already exists.`, hint: 'Choose another name.' });

    const id = data.id ?? randomUUID();
    const secretsGiven = (data.kind === 'supabase' && data.serviceRoleKey) || data.databaseUrl;
    if (secretsGiven && !this.secrets.editable) throw secretsReadOnly(this.secrets.location);
    if (data.kind === 'supabase' && data.serviceRoleKey) assertServiceRoleKey(data.serviceRoleKey);

    // The secrets were given for one project: a new URL or host drops them unless new ones come with it.
    const movedTo = existing && data.kind === 'supabase' && existing.supabaseUrl !== new URL(data.supabaseUrl).origin;
    if (movedTo) {
      if (!this.secrets.editable) {
        throw new AdminError({
          code: 'profile_url_changed',
          message: `The key of "${existing.name}" was given for ${existing.supabaseUrl}; it is never sent to another project.`,
          hint: 'Add a new profile for the other project (and its key in the secrets file).',
        });
      }
      await this.secrets.deleteProfile(id);
      this.logger.info(`profile ${existing.name}: the project URL changed, its stored secrets were dropped`);
    }
    if (data.kind === 'supabase' && data.serviceRoleKey) {
      await this.secrets.set(id, 'serviceRoleKey', data.serviceRoleKey);
      this.redactor.add(data.serviceRoleKey);
    }
    if (data.databaseUrl) {
      await this.secrets.set(id, 'databaseUrl', data.databaseUrl);
      this.redactor.add(data.databaseUrl);
    }
    const profile: StoredProfile = {
      id,
      kind: data.kind,
      name: data.name,
      production: data.production ?? false,
      supabaseUrl: data.kind === 'supabase' ? new URL(data.supabaseUrl).origin : null,
      // The label names the stored database URL: none once the secrets were dropped with the move.
      databaseLabel: data.databaseUrl ? describeDatabaseUrl(data.databaseUrl) : movedTo ? null : (existing?.databaseLabel ?? null),
      operatorId: data.operatorId ?? existing?.operatorId ?? null,
    };
    this.store.upsert(profile);
    if (this.store.activeId() === id) this.resetConnection();
    this.logger.info(`profile saved: ${profile.name} (${profile.kind})`);
    return this.view(profile);
  }

  async delete(id: string, confirm?: string): Promise<ConnectionsState> {
    const p = this.store.get(id);
    if (!p) throw new AdminError({ code: 'profile_not_found', message: 'That profile no longer exists.' });
    if (this.store.isBuiltIn(id)) throw new AdminError({ code: 'profile_read_only', message: 'Built-in profiles cannot be deleted.' });
    requireConfirmation(p, confirm, 'delete it');
    const live = this.sessions.get(id);
    if (live && p.kind === 'supabase')
      void this.auth(p)
        .signOut(live.accessToken)
        .catch(() => undefined);
    this.sessions.delete(id);
    if (this.store.activeId() === id) this.resetConnection();
    this.store.remove(id);
    await this.secrets.deleteProfile(id);
    this.logger.info(`profile deleted: ${p.name}`);
    return this.list();
  }

  setOperator(id: string, operatorId: string | null): ConnectionsState {
    const p = this.store.get(id);
    if (!p) throw new AdminError({ code: 'profile_not_found', message: 'That profile no longer exists.' });
    if (p.kind === 'supabase') {
      throw new AdminError({
        code: 'operator_is_signed_in',
        message: 'On a Supabase profile the operator is the user who signs in, not one picked from a list.',
        hint: 'Sign in as yourself in Settings.',
      });
    }
    this.store.setOperator(id, operatorId);
    this.logger.info(`operator for ${this.store.get(id)!.name}: ${operatorId ?? 'none'}`);
    return this.list();
  }

  /**
   * The user every moderation action of the active profile is recorded as. The embedded demo
   * workspace acts as its demo moderator until another operator is picked.
   */
  async operatorId(): Promise<string> {
    const p = this.activeProfile();
    if (p.kind === 'supabase') return (await this.verifiedOperator(p)).userId;
    if (p.operatorId) return p.operatorId;
    if (p.kind === 'embedded') {
      const id = await this.demoOperatorId();
      if (id) return id;
    }
    throw new AdminError({
      code: 'operator_missing',
      message: `No operator is set for the profile "${p.name}": every moderation action records who took it.`,
      hint: 'Open Settings and pick the operator (a user of this database) for this profile.',
    });
  }

  /** The stored or in-memory session of a Supabase profile's operator, if any (no network). */
  private signedIn(id: string): { userId: string; email: string } | null {
    const live = this.sessions.get(id);
    if (live) return live;
    const stored = this.storedSession(id);
    return stored ? { userId: stored.userId, email: stored.email } : null;
  }

  private storedSession(id: string): StoredOperatorSession | null {
    const raw = this.secrets.get(id, 'operatorSession');
    if (!raw) return null;
    try {
      return JSON.parse(raw) as StoredOperatorSession;
    } catch {
      return null;
    }
  }

  private auth(p: StoredProfile): SupabaseOperatorAuth {
    const key = this.secrets.get(p.id, 'serviceRoleKey');
    if (!key || !p.supabaseUrl)
      throw new AdminError({
        code: 'secret_missing',
        message: `The profile "${p.name}" has no service-role key.`,
        hint: this.secretHint(p, 'serviceRoleKey'),
      });
    return new SupabaseOperatorAuth(p.supabaseUrl, key);
  }

  private async keep(id: string, session: OperatorSession): Promise<void> {
    this.sessions.set(id, session);
    this.redactor.add(session.accessToken);
    this.redactor.add(session.refreshToken);
    if (this.secrets.editable) {
      const stored: StoredOperatorSession = { userId: session.userId, email: session.email, refreshToken: session.refreshToken };
      await this.secrets.set(id, 'operatorSession', JSON.stringify(stored));
    }
  }

  /** The signed-in operator of a Supabase profile, refreshed when its access token is about to expire. */
  private async verifiedOperator(p: StoredProfile): Promise<OperatorSession> {
    const live = this.sessions.get(p.id);
    if (live && live.expiresAt - Date.now() > 60_000) return live;
    const refreshToken = live?.refreshToken ?? this.storedSession(p.id)?.refreshToken;
    if (!refreshToken) {
      throw new AdminError({
        code: 'sign_in_required',
        message: `Nobody is signed in on the profile "${p.name}": every decision records who took it.`,
        hint: 'Open Settings and sign in as yourself (your e-mail and password in this project).',
      });
    }
    try {
      const fresh = await this.auth(p).refresh(refreshToken);
      await this.keep(p.id, fresh);
      return fresh;
    } catch (e) {
      await this.forgetSession(p.id);
      throw e;
    }
  }

  private async forgetSession(id: string): Promise<void> {
    this.sessions.delete(id);
    if (this.secrets.editable && this.secrets.get(id, 'operatorSession')) {
      const key = this.secrets.get(id, 'serviceRoleKey');
      const url = this.secrets.get(id, 'databaseUrl');
      await this.secrets.deleteProfile(id);
      if (key) await this.secrets.set(id, 'serviceRoleKey', key);
      if (url) await this.secrets.set(id, 'databaseUrl', url);
    }
  }

  /** Signs the operator of a Supabase profile in with Supabase Auth; the password is not kept. */
  async signIn(id: string, email: string, password: string): Promise<ConnectionsState> {
    const p = this.store.get(id);
    if (!p) throw new AdminError({ code: 'profile_not_found', message: 'That profile no longer exists.' });
    if (p.kind !== 'supabase')
      throw new AdminError({ code: 'sign_in_not_supported', message: 'Only Supabase profiles sign in; pick the operator of this profile instead.' });
    const session = await this.auth(p).signIn(email, password);
    await this.keep(id, session);
    this.logger.info(`operator signed in on ${p.name}: ${session.email}`);
    return this.list();
  }

  async signOut(id: string): Promise<ConnectionsState> {
    const p = this.store.get(id);
    if (!p) throw new AdminError({ code: 'profile_not_found', message: 'That profile no longer exists.' });
    const live = this.sessions.get(id);
    if (live && p.kind === 'supabase')
      await this.auth(p)
        .signOut(live.accessToken)
        .catch(() => undefined);
    await this.forgetSession(id);
    this.logger.info(`operator signed out on ${p.name}`);
    return this.list();
  }

  activate(id: string): ConnectionsState {
    if (!this.store.get(id)) throw new AdminError({ code: 'profile_not_found', message: 'That profile no longer exists.' });
    if (this.store.activeId() !== id) {
      this.resetConnection();
      this.store.setActive(id);
      this.logger.info(`active profile: ${this.store.get(id)!.name}`);
    }
    return this.list();
  }

  /**
   * The demo moderator's id, looked up once per connection (the lookup searched the users on every
   * call: 38 ms of each at 100,000 videos). The database still checks the operator's role on every
   * call; a miss is not kept (demo data may create the user).
   */
  private async demoOperatorId(): Promise<string | null> {
    const gateway = await this.gateway();
    if (!this.demoOperator || this.demoOperator.open !== this.open)
      this.demoOperator = { open: this.open, id: findOperatorId(gateway, DEMO_OPERATOR) };
    const cached = this.demoOperator;
    const forget = () => {
      if (this.demoOperator === cached) this.demoOperator = null;
    };
    const id = await cached.id.catch((e: unknown) => {
      forget();
      throw e;
    });
    if (!id) forget();
    return id;
  }

  private resetConnection(): void {
    const previous = this.open;
    this.open = null;
    void previous?.then(closeOpen).catch(() => undefined);
  }

  private embeddedDb(): Promise<EmbeddedDatabase> {
    if (!this.embedded) {
      this.embedded = openEmbeddedWorkspace(this.workspaceDir, this.logger);
      this.embedded.catch(() => (this.embedded = null));
    }
    return this.embedded;
  }

  /** The embedded workspace, opened (and so locked by this process) when it is not yet: for backups. */
  workspace(): Promise<EmbeddedDatabase> {
    return this.embeddedDb();
  }

  get workspaceFolder(): string {
    return this.workspaceDir;
  }

  /**
   * Closes the embedded workspace (and the connection that uses it), runs `swap` on its folder
   * while nothing in this process holds it, then leaves it to the next call to open it again.
   */
  async replaceWorkspace(swap: () => Promise<void>): Promise<void> {
    if (this.activeProfile().kind === 'embedded') {
      const open = this.open;
      this.open = null;
      await open?.then((o) => o.gateway.close()).catch(() => undefined);
    }
    const embedded = this.embedded;
    this.embedded = null;
    await embedded?.then((db) => db.close()).catch(() => undefined);
    await swap();
  }

  private async connect(p: StoredProfile): Promise<Open> {
    if (p.kind === 'embedded') {
      const db = await this.embeddedDb();
      return { profileId: p.id, gateway: new SqlAdminGateway(db, false), sql: db };
    }
    const databaseUrl = this.secrets.get(p.id, 'databaseUrl');
    if (p.kind === 'postgres') {
      if (!databaseUrl)
        throw new AdminError({
          code: 'secret_missing',
          message: `The profile "${p.name}" has no database URL.`,
          hint: this.secretHint(p, 'databaseUrl'),
        });
      const db = await PostgresDatabase.connect(databaseUrl);
      return { profileId: p.id, gateway: new SqlAdminGateway(db), sql: db };
    }
    const key = this.secrets.get(p.id, 'serviceRoleKey');
    if (!key)
      throw new AdminError({
        code: 'secret_missing',
        message: `The profile "${p.name}" has no service-role key.`,
        hint: this.secretHint(p, 'serviceRoleKey'),
      });
    const gateway = new SupabaseAdminGateway({ url: p.supabaseUrl ?? '', serviceRoleKey: key });
    return { profileId: p.id, gateway, sql: databaseUrl ? await PostgresDatabase.connect(databaseUrl).catch(() => null) : null };
  }

  private secretHint(p: StoredProfile, name: 'databaseUrl' | 'serviceRoleKey'): string {
    return secretHint(p, name, this.store.isBuiltIn(p.id), this.secrets);
  }

  /** The active profile's connection, opened on first use and kept until the profile changes. */
  active(): Promise<Open> {
    if (!this.open) {
      const p = this.activeProfile();
      const opening = this.connect(p).catch((e: unknown) => {
        if (this.open === opening) this.open = null;
        throw toAdminError(e, (s) => this.redactor.redact(s));
      });
      this.open = opening;
    }
    return this.open;
  }

  async gateway(): Promise<AdminGateway> {
    return (await this.active()).gateway;
  }

  /** Checks a profile without making it active: what works and what does not. */
  async test(id: string): Promise<ConnectionTest> {
    const p = this.store.get(id);
    if (!p) throw new AdminError({ code: 'profile_not_found', message: 'That profile no longer exists.' });
    return this.check(p, (name) => this.secrets.get(p.id, name));
  }

  /**
   * Checks what the form holds before anything is saved: the secrets typed (or, when editing
   * and left empty, the stored ones) are used for this one check and then forgotten.
   */
  async testDraft(input: ProfileInput): Promise<ConnectionTest> {
    const data = profileInputSchema.parse(input);
    const existing = data.id ? this.store.get(data.id) : undefined;
    if (data.id && !existing) throw new AdminError({ code: 'profile_not_found', message: 'That profile no longer exists.' });
    const draft: StoredProfile = {
      id: data.id ?? 'draft',
      kind: data.kind,
      name: data.name,
      production: data.production ?? false,
      supabaseUrl: data.kind === 'supabase' ? new URL(data.supabaseUrl).origin : null,
      databaseLabel: null,
      operatorId: null,
    };
    // A stored key is only ever sent to the project it was given for.
    const sameProject = existing && (data.kind !== 'supabase' || existing.supabaseUrl === draft.supabaseUrl);
    const typed: Partial<Record<'serviceRoleKey' | 'databaseUrl', string>> = {
      serviceRoleKey: data.kind === 'supabase' ? data.serviceRoleKey : undefined,
      databaseUrl: data.databaseUrl || undefined,
    };
    for (const v of Object.values(typed)) this.redactor.add(v);
    return this.check(draft, (name) =>
      name === 'operatorSession' ? null : (typed[name] ?? (sameProject && existing ? this.secrets.get(existing.id, name) : null)),
    );
  }

  private async check(p: StoredProfile, secret: (name: SecretName) => string | null): Promise<ConnectionTest> {
    const checks: ConnectionTest['checks'] = [];
    const check = (name: string, ok: boolean, message: string) => checks.push({ name, ok, message: this.redactor.redact(message) });
    const describe = (e: unknown) => {
      const err = toAdminError(e, (s) => this.redactor.redact(s));
      return `${err.message}${err.hint ? ` ${err.hint}` : ''}`;
    };

    let gateway: AdminGateway | null = null;
    let owned = false;
    try {
      if (p.kind === 'supabase') {
        const key = secret('serviceRoleKey');
        const kind = key ? supabaseKeyKind(key) : null;
        check(
          'Service-role key',
          kind === 'service_role' || kind === 'secret',
          !key
            ? 'Not set.'
            : kind === 'anon' || kind === 'publishable'
              ? 'This is the public (anon/publishable) key; the console needs the service-role key.'
              : kind === 'unknown'
                ? 'Not a Supabase key format (a JWT or sb_secret_…).'
                : 'Set, and it is a service-role key.',
        );
        if (key && (kind === 'service_role' || kind === 'secret')) {
          gateway = new SupabaseAdminGateway({ url: p.supabaseUrl ?? '', serviceRoleKey: key, timeoutMs: 10_000 });
          owned = true;
        }
        const databaseUrl = secret('databaseUrl');
        if (databaseUrl) {
          try {
            const db = await PostgresDatabase.connect(databaseUrl, { connectTimeoutSeconds: 8 });
            await db.close();
            check('Database URL (for migrations)', true, `Connected to ${describeDatabaseUrl(databaseUrl)}.`);
          } catch (e) {
            check('Database URL (for migrations)', false, describe(e));
          }
        } else {
          check('Database URL (for migrations)', false, 'Not set: migrations cannot be applied from the console (everything else works).');
        }
      } else if (p.kind === 'postgres') {
        const url = secret('databaseUrl');
        if (!url) check('Database URL', false, 'Not set.');
        else {
          try {
            gateway = new SqlAdminGateway(await PostgresDatabase.connect(url, { connectTimeoutSeconds: 8 }));
            owned = true;
            check('Reachable', true, `Connected to ${describeDatabaseUrl(url)}.`);
          } catch (e) {
            check('Reachable', false, describe(e));
          }
        }
      } else {
        gateway = new SqlAdminGateway(await this.embeddedDb(), false);
        check('Workspace', true, `Embedded workspace at ${this.workspaceDir}.`);
      }

      if (gateway) {
        try {
          const overview = (await gateway.call('admin_database_overview')) as { latest_migration: string | null; pgvector_version: string | null };
          if (p.kind === 'supabase') check('Reachable', true, `The project answers at ${p.supabaseUrl}.`);
          check('Admin API', true, 'admin_database_overview answered: the key may call admin functions.');
          check(
            'Schema version',
            overview.latest_migration !== null,
            overview.latest_migration ? `Latest migration ${overview.latest_migration}.` : 'No migration history: apply the migrations.',
          );
          check(
            'pgvector',
            overview.pgvector_version !== null,
            overview.pgvector_version ? `pgvector ${overview.pgvector_version}.` : 'pgvector is not installed.',
          );
        } catch (e) {
          const err = toAdminError(e);
          if (err.code === 'key_rejected') {
            // The format looked right, but the project's gateway refused it.
            const key = checks.find((c) => c.name === 'Service-role key');
            if (key) Object.assign(key, { ok: false, message: this.redactor.redact(describe(e)) });
          }
          if (p.kind === 'supabase')
            check('Reachable', err.code !== 'network', err.code === 'network' ? describe(e) : `The project answers at ${p.supabaseUrl}.`);
          if (err.code !== 'network' && err.code !== 'key_rejected') {
            check(
              'Admin API',
              false,
              err.code === 'PGRST202' ? "admin_database_overview is missing: the console's migrations are not applied yet." : describe(e),
            );
          }
        }
      }
    } finally {
      if (owned) await gateway?.close().catch(() => undefined);
    }
    return { ok: checks.every((c) => c.ok || c.name.startsWith('Database URL (for')), checks };
  }

  async close(): Promise<void> {
    const open = this.open;
    this.open = null;
    await open?.then(closeOpen).catch(() => undefined);
    const embedded = this.embedded;
    this.embedded = null;
    await embedded?.then((db) => db.close()).catch(() => undefined);
  }
}

/** Where the missing secret of a profile is set: the environment variable of a built-in profile, else Settings. */
export function secretHint(p: StoredProfile, name: 'databaseUrl' | 'serviceRoleKey', builtIn: boolean, secrets: SecretStore): string {
  if (builtIn) {
    const variable =
      p.kind === 'postgres' ? 'MAGNA_DATABASE_URL' : name === 'serviceRoleKey' ? 'MAGNA_SUPABASE_SERVICE_ROLE_KEY' : 'MAGNA_SUPABASE_DATABASE_URL';
    return `Start the console with ${variable} set (this profile comes from the environment), or add a profile of your own in Settings.`;
  }
  return secrets.editable
    ? `Open Settings, edit the profile "${p.name}" and enter it.`
    : `Add "${name}" under profiles."${p.id}" in ${secrets.location ?? 'the secrets file'} (chmod 600), then restart the console.`;
}
