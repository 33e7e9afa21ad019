// Electron main process: app lifecycle, one hardened window, the menu, and the handler registry
// on IPC. Secrets, database connections and jobs live here only.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, Menu, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from './shells/content-security-policy';
import { createConsoleApp, isSafeExternalUrl, type ConsoleApp } from './shells/console-app';
import { APP_NAME } from './shells/data-dir';
import { registerIpc } from './shells/electron/register-ipc';
import { SafeStorageSecretStore } from './shells/electron/safe-storage-secret-store';
import { loadWindowState, saveWindowState } from './shells/electron/window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererIndex = path.join(here, '..', 'dist', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

app.setName(APP_NAME);
app.enableSandbox();

let window: BrowserWindow | null = null;
let consoleApp: ConsoleApp | null = null;

function createWindow(): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(stateFile);
  const win = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: APP_NAME,
    backgroundColor: '#0f1115',
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const remember = () => {
    if (win.isDestroyed()) return;
    saveWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  win.on('close', remember);

  // No navigation away from the renderer, no new windows; http(s) links open in the browser.
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== rendererUrl) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  void win.loadURL(rendererUrl);
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
  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (url !== rendererUrl) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
    const dataDir = app.getPath('userData');
    const secrets = await SafeStorageSecretStore.open(path.join(dataDir, 'secrets.enc.json'));
    consoleApp = createConsoleApp({
      shell: 'electron',
      dataDir,
      secrets: () => secrets,
      openExternal: async (url) => {
        await shell.openExternal(url);
        return true;
      },
    });
    registerIpc(consoleApp, rendererUrl, () => window?.webContents ?? null);
    buildMenu();
    window = createWindow();
    window.on('closed', () => (window = null));
    consoleApp.logger.info(`electron shell started (${app.getVersion()})`);
  });

  app.on('activate', () => {
    if (!window && app.isReady()) window = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void consoleApp?.close();
  });
}
