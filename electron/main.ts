// Electron main process: app lifecycle, one hardened window, the menu, and the handler registry
// on IPC. Secrets, database connections and jobs live here only.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, Menu, session, type BrowserWindow } from 'electron';
import { createConsoleApp, type ConsoleApp } from './shells/console-app';
import { APP_NAME } from './shells/data-dir';
import { registerIpc } from './shells/electron/register-ipc';
import { SafeStorageSecretStore } from './shells/electron/safe-storage-secret-store';
import { applySessionPolicy } from './shells/electron/session-policy';
import { createMainWindow, focusWindow, guardWebContents, openExternalSafely } from './shells/electron/window';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererUrl = pathToFileURL(path.join(here, '..', 'dist', 'renderer', 'index.html')).href;
const preload = path.join(here, 'preload.cjs');

app.setName(APP_NAME);
app.enableSandbox();

let window: BrowserWindow | null = null;
let consoleApp: ConsoleApp | null = null;

function openWindow(): BrowserWindow {
  const win = createMainWindow({ title: APP_NAME, preload, rendererUrl, stateFile: path.join(app.getPath('userData'), 'window-state.json') });
  win.on('closed', () => {
    if (window === win) window = null;
  });
  return win;
}

function buildMenu(): void {
  const isMac = process.platform === 'darwin';
  Menu.setApplicationMenu(Menu.buildFromTemplate([
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: [{ role: 'reload' }, { role: 'togglefullscreen' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }] },
    { role: 'windowMenu' },
  ]));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(window));
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, rendererUrl));

  void app.whenReady().then(async () => {
    applySessionPolicy(session.defaultSession, rendererUrl);
    const dataDir = app.getPath('userData');
    const secrets = await SafeStorageSecretStore.open(path.join(dataDir, 'secrets.enc.json'));
    consoleApp = createConsoleApp({
      shell: 'electron',
      dataDir,
      secrets: () => secrets,
      openExternal: async (url) => openExternalSafely(url),
    });
    registerIpc(consoleApp, rendererUrl, () => window?.webContents ?? null);
    buildMenu();
    window = openWindow();
    consoleApp.logger.info(`electron shell started (${app.getVersion()})`);
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
    void open.close().catch((e: unknown) => open.logger.warn(`closing failed: ${String(e)}`)).finally(() => {
      closed = true;
      open.logger.info('electron shell closed the database');
      app.quit();
    });
  });
}
