// Updates of the packaged app (electron-updater, a generic feed). The feed's URL is set when the
// app is packaged (electron-builder writes it to resources/app-update.yml); a build without one —
// every development run — never checks. Checks on start and once a day, downloads in the
// background, and electron-updater verifies the download's sha512 against the feed's before it is
// offered: a tampered file is refused (logged, never installed). Installing waits until no job is
// running in this console and the user agrees; declined, it is offered again at the next check.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppUpdater, UpdateInfo } from 'electron-updater';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** How soon a downloaded update is offered again while a job runs. */
export const BUSY_RETRY_MS = 10 * 60 * 1000;

/**
 * The platform's updater, a new one each start (not electron-updater's process-wide singleton):
 * NSIS on Windows, Squirrel.Mac on macOS; on Linux the package's own kind (resources/package-type
 * of a deb, rpm or pacman install), else AppImage. Loaded only where there is a feed.
 */
export async function createPlatformUpdater(resourcesPath: string): Promise<AppUpdater> {
  const loaded = (await import('electron-updater')) as Partial<typeof import('electron-updater')> & { default?: typeof import('electron-updater') };
  const u = (loaded.AppImageUpdater ? loaded : loaded.default!) as typeof import('electron-updater');
  if (process.platform === 'win32') return new u.NsisUpdater();
  if (process.platform === 'darwin') return new u.MacUpdater();
  const identity = path.join(resourcesPath, 'package-type');
  const kind = existsSync(identity) ? readFileSync(identity, 'utf8').trim() : '';
  if (kind === 'deb') return new u.DebUpdater();
  if (kind === 'rpm') return new u.RpmUpdater();
  if (kind === 'pacman') return new u.PacmanUpdater();
  return new u.AppImageUpdater();
}

export type UpdateEvents = Pick<AppUpdater, 'on' | 'checkForUpdates' | 'quitAndInstall' | 'removeAllListeners'> &
  Partial<Pick<AppUpdater, 'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade' | 'allowPrerelease' | 'logger'>>;

export type UpdateControllerOptions = {
  updater: UpdateEvents;
  /** A job (migration, backfill) is running in this console. */
  isBusy: () => boolean;
  /** Asks the user whether to restart and install `version` now. */
  ask: (version: string) => Promise<boolean>;
  log: { info: (m: string) => void; warn: (m: string) => void };
};

export class UpdateController {
  private timers: NodeJS.Timeout[] = [];
  private downloaded: UpdateInfo | null = null;
  private asking = false;

  constructor(private readonly options: UpdateControllerOptions) {
    const { updater, log } = options;
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = false;
    updater.allowDowngrade = false;
    updater.allowPrerelease = false;
    updater.logger = null;
    updater.on('update-available', (info) => log.info(`update ${info.version} available: downloading in the background`));
    updater.on('update-not-available', (info) => log.info(`no update (the feed has ${info.version})`));
    updater.on('update-downloaded', (info) => {
      log.info(`update ${info.version} downloaded and verified (sha512)`);
      this.downloaded = info;
      void this.offer();
    });
    // A download whose sha512 differs from the feed's is refused here, as is any other failure.
    updater.on('error', (error) => log.warn(`update refused or failed: ${error.message.split('\n')[0]}`));
  }

  /** Checks now, then once a day. */
  start(): void {
    void this.check();
    const daily = setInterval(() => void this.check(), DAY_MS);
    daily.unref();
    this.timers.push(daily);
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.options.updater.removeAllListeners();
  }

  async check(): Promise<void> {
    if (this.downloaded) {
      await this.offer();
      return;
    }
    try {
      const result = await this.options.updater.checkForUpdates();
      // The background download's failure (a sha512 mismatch…) arrives as the 'error' event too.
      result?.downloadPromise?.catch(() => undefined);
    } catch (e) {
      this.options.log.warn(`update check failed: ${(e as Error).message.split('\n')[0]}`);
    }
  }

  /** Offers the downloaded update: only with no job running, installed only if the user agrees. */
  async offer(): Promise<'installing' | 'busy' | 'declined' | 'nothing'> {
    const info = this.downloaded;
    if (!info || this.asking) return 'nothing';
    if (this.options.isBusy()) {
      this.options.log.info(`update ${info.version} waits: a job is running`);
      const retry = setTimeout(() => void this.offer(), BUSY_RETRY_MS);
      retry.unref();
      this.timers.push(retry);
      return 'busy';
    }
    this.asking = true;
    try {
      if (!(await this.options.ask(info.version))) {
        this.options.log.info(`update ${info.version} declined for now`);
        return 'declined';
      }
      if (this.options.isBusy()) return 'busy';
      this.options.log.info(`installing update ${info.version}`);
      this.options.updater.quitAndInstall(false, true);
      return 'installing';
    } finally {
      this.asking = false;
    }
  }
}
