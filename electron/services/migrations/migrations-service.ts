// The migrations page's service: status, a file's SQL, and applying the pending files as a job.
import type { MigrationStatusView } from '../../api/database';
import { AdminError } from '../../db/admin-error';
import type { ConnectionService } from '../connections/connection-service';
import type { JobRegistry } from '../jobs';
import type { SqlConnection } from '../../db/sql-connection';
import type { Redactor } from '../../lib/redactor';
import type { Logger } from '../logger';
import { readMigrationFiles } from './migration-files';
import { defaultAppliedBy, migrateUp, migrationStatus } from './migration-runner';

/** How long, after migrations, to wait for the Data API to see the new functions. */
const STALE_WAIT_MS = 15_000;

export class MigrationsService {
  constructor(
    private readonly connections: ConnectionService,
    private readonly jobs: JobRegistry,
    private readonly logger: Logger,
    private readonly redactor: Redactor,
    private readonly migrationsDir?: string,
  ) {}

  private async sqlConnection() {
    const { sql } = await this.connections.active();
    const p = this.connections.activeProfile();
    if (!sql) {
      return {
        sql: null,
        why: `Migrations need a direct database connection, which PostgREST cannot give. Add the project's database URL to the profile "${p.name}" (Supabase: Project Settings > Database > Connection string), or run \`supabase db push\`.`,
      };
    }
    return { sql, why: null };
  }

  async status(): Promise<MigrationStatusView> {
    const files = await readMigrationFiles(this.migrationsDir);
    const { sql, why } = await this.sqlConnection();
    if (!sql) {
      return {
        migrations: files.map((f) => ({
          version: f.version,
          name: f.name,
          state: 'pending' as const,
          fileName: f.fileName,
          appliedAt: null,
          appliedBy: null,
        })),
        latestShipped: files.at(-1)?.version ?? null,
        latestApplied: null,
        pending: files.length,
        newerInDatabase: [],
        unavailable: why,
      };
    }
    return { ...(await migrationStatus(sql, files)), unavailable: null };
  }

  async sql(version: string): Promise<{ fileName: string; sql: string }> {
    const file = (await readMigrationFiles(this.migrationsDir)).find((f) => f.version === version);
    if (!file) throw new AdminError({ code: 'migration_not_found', message: `This version of the console ships no migration ${version}.` });
    return { fileName: file.fileName, sql: file.sql };
  }

  /**
   * After DDL the API must see the new functions: PostgREST (Supabase) reloads its schema cache
   * on NOTIFY pgrst, and this console forgets the signatures it looked up. Then wait until the
   * admin API answers (at most 15 s), so the next page load never meets a stale cache.
   */
  private async reloadApiSchema(sql: SqlConnection): Promise<void> {
    await sql.execute("notify pgrst, 'reload schema'");
    const gateway = await this.connections.gateway();
    gateway.reloadSchema();
    const deadline = Date.now() + STALE_WAIT_MS;
    for (;;) {
      try {
        await gateway.call('admin_database_overview');
        return;
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        if (code !== 'PGRST202' && code !== '42883') throw e;
        if (Date.now() > deadline) {
          // The migrations are committed: only the API's view of them lags.
          throw new AdminError({
            code: 'api_schema_stale',
            message: `The migrations were applied, but the Data API still did not see the new functions after ${Math.round(STALE_WAIT_MS / 1000)} s.`,
            hint: "PostgREST reloads its schema cache on NOTIFY pgrst, 'reload schema' (sent): wait a moment and reload the page; if it persists, restart the project's API (Supabase: Project Settings > API).",
          });
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  /** The signed-in Supabase operator's e-mail, else the OS user of this console. */
  private appliedBy(): string {
    const state = this.connections.list();
    const active = state.profiles.find((p) => p.id === state.activeId);
    return active?.signedInAs ? `${active.signedInAs} (console)` : defaultAppliedBy('console');
  }

  /** Applies the pending files as a job (a production profile's typed confirmation is checked by the operation). */
  async up(options: { force?: boolean }): Promise<{ jobId: string }> {
    const profile = this.connections.activeProfile();
    const running = this.jobs.running('migrations');
    if (running) return { jobId: running.jobId };
    const { sql, why } = await this.sqlConnection();
    if (!sql) throw new AdminError({ code: 'migrations_unavailable', message: why ?? 'No database connection.' });
    const files = await readMigrationFiles(this.migrationsDir);
    const jobId = this.jobs.start(
      'migrations',
      async (ctx) => {
        this.logger.info(`migrations: applying pending files on ${profile.name}`);
        const result = await migrateUp(sql, files, {
          force: options.force,
          appliedBy: this.appliedBy(),
          onProgress: (p) => {
            if (p.type === 'start') ctx.progress(0, p.total, p.total ? `Applying ${p.total} migration(s)…` : 'Nothing to apply.');
            if (p.type === 'file') ctx.log(`Applying ${p.version}_${p.name}…`);
            if (p.type === 'applied') {
              ctx.log(`Applied ${p.version}_${p.name} in ${Math.round(p.ms)} ms`);
              ctx.progress(p.index + 1, p.total, `Applied ${p.index + 1} of ${p.total}`);
            }
          },
        });
        this.logger.info(`migrations: applied ${result.applied.length} on ${profile.name}`);
        if (result.applied.length) {
          ctx.log('Reloading the API schema cache…');
          await this.reloadApiSchema(sql);
        }
        return result.applied.length ? `Applied ${result.applied.length} migration(s).` : 'The database is up to date.';
      },
      (s) => this.redactor.redact(s),
    );
    return { jobId };
  }
}
