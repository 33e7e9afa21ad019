// The services the operations that are more than one call run on (type-only: the descriptors
// stay free of main-process code so the renderer can import the contract).
import type { WorkspaceBackup } from '../services/backup/workspace-backup';
import type { ConnectionService } from '../services/connections/connection-service';
import type { EmbeddingsService } from '../services/embeddings/embeddings-service';
import type { LinksCsvService } from '../services/graph/links-csv-service';
import type { JobRegistry } from '../services/jobs';
import type { MigrationsService } from '../services/migrations/migrations-service';
import type { NotificationChoices } from '../services/notification-choices';

export type AppInfo = { version: string; shell: 'electron' | 'browser'; platform: string; dataDir: string };

/** What a native file dialog is for: the file a backup is written to, or the backup to restore. */
export type FilePurpose = 'backup' | 'restore';

export type Services = {
  shell: {
    info(): AppInfo;
    openExternal(url: string): Promise<{ opened: boolean }>;
    /** The desktop app's native file dialog: the chosen file's full path, or null when cancelled. */
    chooseFile(purpose: FilePurpose): Promise<{ file: string | null }>;
  };
  connections: ConnectionService;
  migrations: MigrationsService;
  embeddings: EmbeddingsService;
  linksCsv: LinksCsvService;
  jobs: JobRegistry;
  notifications: Pick<NotificationChoices, 'get' | 'set'>;
  backup: WorkspaceBackup;
};
