// The console's one window: hardened webPreferences, and guards on every web contents —
// no navigation away from the renderer, no redirects, no webviews, no new windows (an http(s)
// link asked for in a new window opens in the user's browser instead, after isSafeExternalUrl).
import { BrowserWindow, shell, type WebContents } from 'electron';
import { isSafeExternalUrl } from '../console-app';
import { loadWindowState, saveWindowState } from './window-state';

/** Whether a URL is the renderer's own page (any hash or query): same protocol, host and path. */
export function isRendererPage(url: string, rendererUrl: string): boolean {
  try {
    const u = new URL(url);
    const expected = new URL(rendererUrl);
    return u.protocol === expected.protocol && u.host === expected.host && u.pathname === expected.pathname;
  } catch {
    return false;
  }
}

/** Opens an http(s) URL in the user's browser; anything else is dropped. */
export function openExternalSafely(url: string): boolean {
  if (!isSafeExternalUrl(url)) return false;
  void shell.openExternal(url);
  return true;
}

/** The guards every web contents gets (the window's, and any other one Electron creates). */
export function guardWebContents(contents: WebContents, rendererUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== rendererUrl) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
}

export type MainWindowOptions = {
  title: string; preload: string; rendererUrl: string; stateFile: string;
  /** A hash route to open on (a deep link that started the app), e.g. `#/video/<uuid>`. */
  route?: string | null;
};

export function createMainWindow({ title, preload, rendererUrl, stateFile, route }: MainWindowOptions): BrowserWindow {
  const state = loadWindowState(stateFile);
  const win = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title,
    backgroundColor: '#0f1115',
    // What the page may do: nothing of Node, nothing outside its sandbox. Spelled out here (not
    // spread from a constant) so electronegativity's static checks see each one.
    webPreferences: {
      preload,
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
  win.on('close', () => {
    if (!win.isDestroyed()) saveWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  });
  guardWebContents(win.webContents, rendererUrl);
  void win.loadURL(`${rendererUrl}${route ?? ''}`);
  return win;
}

/** Brings the window to the front (a second launch, a deep link, a notification click). */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
