// Backup and restore of the embedded workspace. A backup is PGlite's own dump of the data folder
// (a gzipped tarball), taken as one unit on the workspace's session, so it is consistent. A
// restore is built in a new folder beside the workspace and checked there (it opens, it holds
// the console's schema, not a newer one than this console ships; older ones are migrated up)
// before anything of the workspace is touched; then the two folders are swapped by renames. A
// restore that fails at any step leaves the old workspace as it was.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AdminError, toAdminError } from '../../db/admin-error';
import { EmbeddedDatabase } from '../../db/embedded-database';
import { LOCK_DIR } from '../../db/workspace-lock';
import type { ConnectionService } from '../connections/connection-service';
import type { Logger } from '../logger';
import { readMigrationFiles } from '../migrations/migration-files';
import { defaultAppliedBy, migrateUp, migrationStatus } from '../migrations/migration-runner';

export type BackupResult = { file: string; bytes: number; latestMigration: string | null };
export type RestoreResult = { file: string; latestMigration: string | null; migrated: number };

const GZIP_MAGIC = [0x1f, 0x8b];

function requireAbsolute(file: string): string {
  if (!path.isAbsolute(file)) {
    throw new AdminError({ code: 'backup_path_relative', message: `"${file}" is not a full path.`, hint: 'Give the full path of the backup file.' });
  }
  return path.normalize(file);
}

export class WorkspaceBackup {
  constructor(
    private readonly connections: ConnectionService,
    private readonly logger: Logger,
    private readonly migrationsDir?: string,
  ) {}

  /** Writes the workspace to `file` (replaced atomically if it exists). */
  async backup(file: string): Promise<BackupResult> {
    const target = requireAbsolute(file);
    const db = await this.connections.workspace();
    const [latest] = await db.query<{ version: string | null }>('select max(version) as version from supabase_migrations.schema_migrations');
    const data = await db.dump();
    const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(tmp, data, { mode: 0o600 });
      await rename(tmp, target);
    } catch (e) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw new AdminError({
        code: 'backup_unwritable',
        message: `The backup could not be written to ${target}: ${toAdminError(e).message}`,
        hint: 'Choose a folder you can write to.',
      });
    }
    this.logger.info(`workspace backed up to ${target} (${data.byteLength} bytes)`);
    return { file: target, bytes: data.byteLength, latestMigration: latest?.version ?? null };
  }

  /** Replaces the workspace with the backup in `file`, or changes nothing and says why. */
  async restore(file: string): Promise<RestoreResult> {
    const source = requireAbsolute(file);
    let data: Buffer;
    try {
      if ((await stat(source)).isDirectory()) throw new Error('it is a folder');
      data = await readFile(source);
    } catch (e) {
      throw new AdminError({ code: 'backup_unreadable', message: `The backup ${source} cannot be read: ${toAdminError(e).message}.` });
    }
    if (data[0] !== GZIP_MAGIC[0] || data[1] !== GZIP_MAGIC[1]) {
      throw new AdminError({
        code: 'backup_invalid',
        message: `${source} is not a backup of a console workspace.`,
        hint: 'Choose a file made by "Back up".',
      });
    }
    // The workspace must be this console's to replace: another process holding it is named here.
    await this.connections.workspace();

    const files = await readMigrationFiles(this.migrationsDir);
    const live = this.connections.workspaceFolder;
    const staging = `${live}.restore-${randomBytes(4).toString('hex')}`;
    let migrated: number;
    let latest: string | null;
    try {
      let db: EmbeddedDatabase;
      try {
        db = await EmbeddedDatabase.open(staging, { program: 'console', load: data });
      } catch (e) {
        throw new AdminError({
          code: 'backup_invalid',
          message: `${source} is not a backup of a console workspace: it could not be opened (${toAdminError(e).message}).`,
          hint: 'Choose a file made by "Back up".',
        });
      }
      try {
        const status = await migrationStatus(db, files);
        if (status.latestApplied === null) {
          throw new AdminError({ code: 'backup_invalid', message: `${source} holds no console schema: it is not a backup of a console workspace.` });
        }
        if (status.newerInDatabase.length > 0) {
          throw new AdminError({
            code: 'backup_from_newer_console',
            message: `This backup comes from a newer version of the console (its schema goes up to ${status.latestApplied}; this one knows up to ${status.latestShipped}): update the console, then restore it.`,
          });
        }
        migrated = (await migrateUp(db, files, { appliedBy: defaultAppliedBy('console restore') })).applied.length;
        latest = (await migrationStatus(db, files)).latestApplied;
      } finally {
        await db.close();
      }
      // The backup carries the lock folder of the process that made it: not a lock of this one.
      await rm(path.join(staging, LOCK_DIR), { recursive: true, force: true });

      await this.connections.replaceWorkspace(async () => {
        const old = `${live}.old-${randomBytes(4).toString('hex')}`;
        const hadOne = existsSync(live);
        if (hadOne) await rename(live, old);
        try {
          await rename(staging, live);
        } catch (e) {
          if (hadOne) await rename(old, live);
          throw e;
        }
        if (hadOne) await rm(old, { recursive: true, force: true });
      });
    } finally {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    }
    this.logger.info(`workspace restored from ${source}${migrated ? ` (${migrated} migration(s) applied)` : ''}`);
    return { file: source, latestMigration: latest, migrated };
  }
}
