// The migrations page's service: status, a file's SQL, and applying the pending files as a job.
import type { MigrationStatusView } from '../../api/database';
import { AdminError } from '../../db/admin-error';
import type { ConnectionService } from '../connections/connection-service';
import type { JobRegistry } from '../jobs';
import type { Redactor } from '../../lib/redactor';
import type { Logger } from '../logger';
import { readMigrationFiles } from './migration-files';
import { migrateUp, migrationStatus } from './migration-runner';

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
        migrations: files.map((f) => ({ version: f.version, name: f.name, state: 'pending' as const, fileName: f.fileName })),
        latestShipped: files.at(-1)?.version ?? null, latestApplied: null, pending: files.length, newerInDatabase: [], unavailable: why,
      };
    }
    return { ...(await migrationStatus(sql, files)), unavailable: null };
  }

  async sql(version: string): Promise<{ fileName: string; sql: string }> {
    const file = (await readMigrationFiles(this.migrationsDir)).find((f) => f.version === version);
    if (!file) throw new AdminError({ code: 'migration_not_found', message: `This version of the console ships no migration ${version}.` });
    return { fileName: file.fileName, sql: file.sql };
  }

  /** Applies the pending files as a job (a production profile's typed confirmation is checked by the operation). */
  async up(options: { force?: boolean }): Promise<{ jobId: string }> {
    const profile = this.connections.activeProfile();
    const running = this.jobs.running('migrations');
    if (running) return { jobId: running.jobId };
    const { sql, why } = await this.sqlConnection();
    if (!sql) throw new AdminError({ code: 'migrations_unavailable', message: why ?? 'No database connection.' });
    const files = await readMigrationFiles(this.migrationsDir);
    const jobId = this.jobs.start('migrations', async (ctx) => {
      this.logger.info(`migrations: applying pending files on ${profile.name}`);
      const result = await migrateUp(sql, files, {
        force: options.force,
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
      return result.applied.length ? `Applied ${result.applied.length} migration(s).` : 'The database is up to date.';
    }, (s) => this.redactor.redact(s));
    return { jobId };
  }
}
