// Composes the console's services once per process and gives both shells the same handlers,
// derived from the operation registry.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConnectionService } from '../services/connections/connection-service';
import { ProfileStore, type StoredProfile } from '../services/connections/profile-store';
import type { SecretStore } from '../services/connections/secret-store';
import { JobRegistry } from '../services/jobs';
import { createLogger, type Logger } from '../services/logger';
import { Redactor } from '../lib/redactor';
import { MigrationsService } from '../services/migrations/migrations-service';
import { LinksCsvService } from '../services/graph/links-csv-service';
import { EmbeddingsService } from '../services/embeddings/embeddings-service';
import { NotificationChoices, type NotificationChoicesStore } from '../services/notification-choices';
import { TrendingScheduler } from '../services/maintenance/trending-scheduler';
import { WorkspaceBackup } from '../services/backup/workspace-backup';
import { AdminError } from '../db/admin-error';
import { createHandlers, type Handlers } from '../operations/run-operation';
import type { FilePurpose } from '../operations/services';
import { suggestedBackupName } from '../api/workspace-backup';

export type ConsoleAppOptions = {
  shell: 'electron' | 'browser';
  dataDir: string;
  secrets: (redactor: Redactor) => SecretStore;
  builtInProfiles?: StoredProfile[];
  /** Opens an http(s) URL outside the app; false when the shell leaves it to the page. */
  openExternal: (url: string) => Promise<boolean>;
  echoLog?: boolean;
  /** The desktop app's notification choices (none in the browser shell); `changed` runs after an edit. */
  notifications?: { store: NotificationChoicesStore; changed: () => void };
  /**
   * The desktop app's native file dialog (none in the browser shell): the chosen file's path, or
   * null when cancelled. What it answers is checked here like any other input.
   */
  chooseFile?: (request: FileDialogRequest) => Promise<string | null>;
};

/** A native Save (backup) or Open (restore) dialog, starting in the data folder's backups. */
export type FileDialogRequest = { purpose: FilePurpose; defaultPath: string };

const chosenFileSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((file) => path.isAbsolute(file), 'The file dialog answered a path that is not a full path.')
  .nullable();

export type ConsoleApp = {
  handlers: Handlers;
  jobs: JobRegistry;
  logger: Logger;
  redactor: Redactor;
  connections: ConnectionService;
  /** The trending refresh's timer where the database has no pg_cron (MAGNA_SCHEDULER_TICK_MS: how often it checks). */
  scheduler: TrendingScheduler;
  close(): Promise<void>;
};

export function appVersion(): string {
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    for (const candidate of [path.join(here, '..', 'package.json'), path.join(here, '..', '..', 'package.json')]) {
      try {
        return z.object({ version: z.string() }).parse(JSON.parse(readFileSync(candidate, 'utf8'))).version;
      } catch {
        /* try the next */
      }
    }
  } catch {
    /* fall through */
  }
  return '0.0.0';
}

/** Only http(s) URLs, parsed (a prefix check is fooled by https://example.com.evil.io). */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

export function createConsoleApp(options: ConsoleAppOptions): ConsoleApp {
  const redactor = new Redactor();
  const logger = createLogger(path.join(options.dataDir, 'logs', 'console.log'), redactor, options.echoLog ?? false);
  const secrets = options.secrets(redactor);
  const store = new ProfileStore(path.join(options.dataDir, 'profiles.json'), options.builtInProfiles ?? []);
  const connections = new ConnectionService(store, secrets, path.join(options.dataDir, 'workspace'), logger, redactor);
  const jobs = new JobRegistry();
  const migrations = new MigrationsService(connections, jobs, logger, redactor);
  const embeddings = new EmbeddingsService(connections, jobs, logger);
  const scheduler = new TrendingScheduler(connections, logger);
  scheduler.start();
  const handlers = createHandlers(
    {
      shell: {
        info: () => ({ version: appVersion(), shell: options.shell, platform: process.platform, dataDir: options.dataDir }),
        openExternal: async (url) => {
          if (!isSafeExternalUrl(url)) throw new AdminError({ code: 'unsafe_url', message: 'Only http(s) links can be opened.' });
          return { opened: await options.openExternal(url) };
        },
        chooseFile: async (purpose) => {
          const choose = options.chooseFile;
          if (!choose) {
            throw new AdminError({
              code: 'no_file_dialog',
              message: 'The browser shell cannot open a file dialog: a page may not learn the paths of this machine.',
              hint: "Type the backup file's full path instead.",
            });
          }
          const backups = path.join(options.dataDir, 'backups');
          const defaultPath = purpose === 'backup' ? path.join(backups, suggestedBackupName()) : backups;
          const chosen = chosenFileSchema.safeParse(await choose({ purpose, defaultPath }));
          if (!chosen.success) {
            throw new AdminError({ code: 'file_dialog_invalid', message: chosen.error.issues[0]!.message, hint: 'Choose the file again.' });
          }
          return { file: chosen.data === null ? null : path.normalize(chosen.data) };
        },
      },
      connections,
      migrations,
      embeddings,
      linksCsv: new LinksCsvService(connections),
      jobs,
      notifications: new NotificationChoices(connections, options.notifications?.store ?? null, options.notifications?.changed),
      backup: new WorkspaceBackup(connections, logger),
    },
    connections,
  );

  return {
    handlers,
    jobs,
    logger,
    redactor,
    connections,
    scheduler,
    close: async () => {
      scheduler.stop();
      embeddings.stopAll();
      await connections.close();
    },
  };
}
