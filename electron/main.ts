// Electron main process: app lifecycle, one hardened window, the menu, deep links, and the
// handler registry on IPC. Secrets, database connections and jobs live here only.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, dialog, Menu, Notification, session, type BrowserWindow } from 'electron';
import { DEEP_LINK_SCHEME } from './api/deep-links';
import { APP_EVENT_CHANNEL, type AppCommand, type AppEvent } from './api/events';
import { createConsoleApp, type ConsoleApp } from './shells/console-app';
import { APP_NAME } from './shells/data-dir';
import { menuTemplate } from './shells/electron/app-menu';
import { DeepLinkRouter } from './shells/electron/deep-link-router';
import { NotificationSettingsStore } from './shells/electron/notification-settings';
import type { Alert } from './shells/electron/urgent-work';
import { createPlatformUpdater, UpdateController } from './shells/electron/updates';
import { UrgentWorkWatcher } from './shells/electron/urgent-work-watcher';
import { registerIpc } from './shells/electron/register-ipc';
import { SafeStorageSecretStore } from './shells/electron/safe-storage-secret-store';
import { applySessionPolicy } from './shells/electron/session-policy';
import { createMainWindow, focusWindow, guardWebContents, openExternalSafely } from './shells/electron/window';
import { showFileDialog } from './shells/electron/file-dialog';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererUrl = pathToFileURL(path.join(here, '..', 'dist', 'renderer', 'index.html')).href;
const preload = path.join(here, 'preload.cjs');

app.setName(APP_NAME);
app.enableSandbox();

let window: BrowserWindow | null = null;
let consoleApp: ConsoleApp | null = null;
const links = new DeepLinkRouter();

function openWindow(route: string | null = null): BrowserWindow {
  const win = createMainWindow({ title: APP_NAME, preload, rendererUrl, route, stateFile: path.join(app.getPath('userData'), 'window-state.json') });
  win.on('closed', () => {
    if (window === win) window = null;
  });
  return win;
}

/** Sends an event to the page on the app channel; false when there is no page to receive it. */
function sendAppEvent(event: AppEvent): boolean {
  if (!window || window.isDestroyed() || window.webContents.isLoading()) return false;
  window.webContents.send(APP_EVENT_CHANNEL, event);
  return true;
}

/** Shows a (validated) link route: in the loaded page, else by loading the page on it. */
function showRoute(route: string): void {
  if (!sendAppEvent({ type: 'open', route })) {
    if (window && !window.isDestroyed()) void window.loadURL(`${rendererUrl}${route}`);
    else if (app.isReady()) window = openWindow(route);
  }
  focusWindow(window);
}

/** A menu command: to the page, which runs it as its palette does. */
function runCommand(command: AppCommand): void {
  if (!window && app.isReady()) window = openWindow();
  else sendAppEvent({ type: 'command', command });
  focusWindow(window);
}

let notificationSettings: NotificationSettingsStore | null = null;

/** The menu, with the active profile's notification choices once they are known. */
async function buildMenu(): Promise<void> {
  const profile = consoleApp && notificationSettings ? await activeProfile(consoleApp) : null;
  const store = notificationSettings;
  const notifications =
    profile && store
      ? {
          profileName: profile.name,
          settings: store.get(profile.id),
          change: (settings: Parameters<typeof store.set>[1]) => {
            store.set(profile.id, settings);
            void buildMenu();
          },
        }
      : null;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ appName: APP_NAME, isMac: process.platform === 'darwin', run: runCommand, notifications })),
  );
}

async function activeProfile(open: ConsoleApp): Promise<{ id: string; name: string } | null> {
  const { profiles, activeId } = await open.connections.list();
  return profiles.find((p) => p.id === activeId) ?? null;
}

/**
 * Updates, where the packaged app has a feed (resources/app-update.yml, written by electron-builder
 * from the publish URL given when packaging); development runs and builds without one never check.
 */
async function startUpdates(open: ConsoleApp, runningJobs: ReadonlySet<string>): Promise<UpdateController | null> {
  const feed = process.resourcesPath ? path.join(process.resourcesPath, 'app-update.yml') : null;
  if (!app.isPackaged || !feed || !existsSync(feed)) {
    open.logger.info('updates: no feed in this build, not checking');
    return null;
  }
  const updater = await createPlatformUpdater(process.resourcesPath);
  const controller = new UpdateController({
    updater,
    isBusy: () => runningJobs.size > 0,
    ask: async (version) => {
      const options = {
        type: 'info' as const,
        buttons: ['Restart and Install', 'Later'],
        defaultId: 0,
        cancelId: 1,
        message: `${APP_NAME} ${version} is ready to install.`,
        detail: 'The download was verified against the update feed. The console restarts to install it.',
      };
      const { response } = window && !window.isDestroyed() ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
      return response === 0;
    },
    log: open.logger,
  });
  controller.start();
  return controller;
}

/** Native notifications stay referenced until clicked or closed (else they can be collected and the click lost). */
const shown = new Set<Notification>();
function showNotification(alert: Alert): void {
  if (!Notification.isSupported()) return;
  const note = new Notification({ title: alert.title, body: alert.body });
  shown.add(note);
  note.on('click', () => {
    shown.delete(note);
    showRoute(alert.route);
  });
  note.on('close', () => shown.delete(note));
  note.show();
}

// The app opens magna-console:// links (electron-builder.yml registers them in installers; this
// covers a run from the sources, where Electron must be told how to start the app).
if (process.defaultApp) {
  if (process.argv[1]) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(process.argv[1])]);
} else {
  app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
}

if (!app.requestSingleInstanceLock()) {
  // A second launch: the first one gets our command line (and its link) through second-instance.
  app.quit();
} else {
  links.handleArgv(process.argv);
  app.on('second-instance', (_event, argv) => {
    if (!links.handleArgv(argv)) focusWindow(window);
  });
  // macOS hands links over here, also before ready on a cold start.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    links.handle(url);
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, rendererUrl));

  void app.whenReady().then(async () => {
    applySessionPolicy(session.defaultSession, rendererUrl);
    const dataDir = app.getPath('userData');
    const secrets = await SafeStorageSecretStore.open(path.join(dataDir, 'secrets.enc.json'));
    // Warnings about a damaged file wait for the logger, which the console app creates.
    const storeWarnings: string[] = [];
    const store = new NotificationSettingsStore(path.join(dataDir, 'notifications.json'), (m) => storeWarnings.push(m));
    notificationSettings = store;
    const opened = createConsoleApp({
      shell: 'electron',
      dataDir,
      secrets: () => secrets,
      openExternal: async (url) => openExternalSafely(url),
      // The Settings page edits the same choices as the Notifications menu, which is rebuilt after each.
      notifications: { store, changed: () => void buildMenu() },
      chooseFile: (request) => showFileDialog(dialog, window, request),
    });
    consoleApp = opened;
    for (const m of storeWarnings) opened.logger.warn(m);
    registerIpc(
      opened,
      rendererUrl,
      () => window?.webContents ?? null,
      (channel) => {
        if (channel.startsWith('connections:')) void buildMenu();
      },
    );
    await buildMenu();
    const watcher = new UrgentWorkWatcher({
      app: opened,
      settings: notificationSettings,
      isWindowFocused: () => window?.isFocused() ?? false,
      show: showNotification,
      onProfile: () => void buildMenu(),
    });
    // Once a minute (MAGNA_NOTIFICATION_POLL_MS shortens it, for tests).
    watcher.start(Math.max(100, Number(process.env.MAGNA_NOTIFICATION_POLL_MS) || 60_000));
    // Jobs of this console (migrations, backfills it works): an update is not installed while one runs.
    const runningJobs = new Set<string>();
    opened.jobs.subscribe((job) => (job.state === 'running' ? runningJobs.add(job.jobId) : runningJobs.delete(job.jobId)));
    const updates = await startUpdates(opened, runningJobs).catch((e: unknown) => {
      opened.logger.warn(`updates: could not start: ${String(e)}`);
      return null;
    });
    app.on('before-quit', () => {
      watcher.stop();
      updates?.stop();
    });
    const route = links.attach({ open: showRoute, warn: (message) => opened.logger.warn(message) });
    window = openWindow(route);
    opened.logger.info(`electron shell started (${app.getVersion()})`);
  });

  app.on('activate', () => {
    if (!window && app.isReady()) window = openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Quitting waits for the database to close (PGlite flushes and removes its pid file): the
  // first will-quit is held, the services close, then the app quits for real.
  let closed = false;
  let closing = false;
  app.on('will-quit', (event) => {
    if (closed || !consoleApp) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    const open = consoleApp;
    void open
      .close()
      .catch((e: unknown) => open.logger.warn(`closing failed: ${String(e)}`))
      .finally(() => {
        closed = true;
        open.logger.info('electron shell closed the database');
        app.quit();
      });
  });
}
