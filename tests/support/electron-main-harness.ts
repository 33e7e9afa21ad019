// Runs the BUILT main process (dist-electron/main.js) and preload (dist-electron/preload.cjs) in
// Node, with the recording stand-in (electron-stand-in.ts) loaded in place of `electron` by a
// module-resolution hook — so every test run exercises the code that ships, not its sources.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import {
  createElectronStandIn,
  StandInBrowserWindow,
  StandInContextBridge,
  StandInIpcRenderer,
  StandInMenu,
  StandInNotification,
  StandInSession,
  type ElectronStandIn,
} from './electron-stand-in';
import { TEMPLATE_ROOT } from './test-database';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const MAIN_JS = path.join(ROOT, 'dist-electron', 'main.js');
export const PRELOAD_CJS = path.join(ROOT, 'dist-electron', 'preload.cjs');

const shared = globalThis as typeof globalThis & { __magnaElectronStandIn?: ElectronStandIn };

/** import() by Node itself, not by vitest's module runner: the bundle runs as it would in Electron. */
const nativeImport = createRequire(import.meta.url)('./native-import.cjs') as (specifier: string) => Promise<unknown>;

let loads = 0;

function standIn(): ElectronStandIn {
  if (!shared.__magnaElectronStandIn) {
    shared.__magnaElectronStandIn = createElectronStandIn();
    // ES modules (the bundle): a resolve hook. CommonJS packages it loads (electron-updater): Node 20
    // runs no hooks for require(), so its resolver is wrapped for the one specifier.
    register(pathToFileURL(path.join(import.meta.dirname, 'electron-stand-in-hooks.mjs')).href);
    const cjs = createRequire(import.meta.url)('node:module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
    const resolveFilename = cjs._resolveFilename;
    const standInCjs = path.join(import.meta.dirname, 'electron-stand-in-module.cjs');
    cjs._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
      return request === 'electron' ? standInCjs : resolveFilename.call(this, request, ...rest);
    };
  }
  return shared.__magnaElectronStandIn;
}

/** Forgets what an earlier load of main recorded (the stand-in is one instance per process). */
function reset(e: ElectronStandIn): void {
  e.app.reset();
  delete (process as { resourcesPath?: string }).resourcesPath;
  e.ipcMain.reset();
  StandInBrowserWindow.all.length = 0;
  StandInMenu.applicationMenu = null;
  StandInNotification.shown.length = 0;
  e.session.defaultSession = new StandInSession();
  e.shell.opened.length = 0;
  e.safeStorage.backend = 'basic_text';
  e.safeStorage.available = true;
  e.dialog.messageBoxes.length = 0;
  e.dialog.response = 0;
  e.dialog.fileDialogs.length = 0;
  e.dialog.fileAnswer = null;
  e.clipboard.text = '';
}

export type MainRun = {
  electron: ElectronStandIn;
  userData: string;
  /** The window main opened once ready. */
  window: () => StandInBrowserWindow;
  /** Quits as the user would and waits until main let the quit through. */
  quit: () => Promise<void>;
  dispose: () => Promise<void>;
};

export type MainOptions = {
  /** What requestSingleInstanceLock() answers (false: this is a second launch). */
  gotLock?: boolean;
  /** safeStorage's backend on Linux ('basic_text': no keyring). */
  backend?: string;
  /** The process's command line as Electron would give it (deep links arrive here on Windows and Linux). */
  argv?: string[];
  /** Become ready right away (default) or leave it to the test. */
  ready?: boolean;
  /** Files to put in the data folder before main starts (name → content). */
  files?: Record<string, string>;
  /** Environment variables main sees while it starts. */
  env?: Record<string, string>;
  /** Play a packaged app whose resources folder is this (process.resourcesPath). */
  packagedResources?: string;
  /** The app's version (app.getVersion()). */
  version?: string;
  /** Set the stand-in up further before main becomes ready. */
  beforeReady?: (electron: ElectronStandIn) => void;
};

export async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Loads dist-electron/main.js afresh (a new module instance each time) on a data folder holding
 * the migrated demo workspace, plays app readiness and waits for the window.
 */
export async function startMain(options: MainOptions = {}): Promise<MainRun> {
  if (!existsSync(MAIN_JS)) throw new Error(`${path.relative(ROOT, MAIN_JS)} is missing: run npm run build first.`);
  const electron = standIn();
  reset(electron);
  const userData = mkdtempSync(path.join(os.tmpdir(), 'magna-main-'));
  cpSync(path.join(TEMPLATE_ROOT, 'demo'), path.join(userData, 'workspace'), { recursive: true });
  electron.app.paths = { userData, temp: os.tmpdir(), home: os.homedir() };
  for (const [name, content] of Object.entries(options.files ?? {})) writeFileSync(path.join(userData, name), content);
  const savedEnv = Object.fromEntries(Object.keys(options.env ?? {}).map((k) => [k, process.env[k]]));
  Object.assign(process.env, options.env ?? {});
  electron.app.gotLock = options.gotLock ?? true;
  electron.safeStorage.backend = options.backend ?? 'basic_text';
  electron.app.version = options.version ?? '0.0.0-stand-in';
  options.beforeReady?.(electron);
  if (options.packagedResources) {
    electron.app.isPackaged = true;
    (process as { resourcesPath?: string }).resourcesPath = options.packagedResources;
  }
  const argv = process.argv;
  if (options.argv) process.argv = options.argv;
  try {
    await nativeImport(`${pathToFileURL(MAIN_JS).href}?load=${++loads}`);
  } finally {
    process.argv = argv;
  }
  const window = () => {
    const w = StandInBrowserWindow.all[0];
    if (!w) throw new Error('main opened no window');
    return w;
  };
  const run: MainRun = {
    electron,
    userData,
    window,
    quit: async () => {
      electron.app.quit();
      await until(() => electron.app.quitted, 'the app to quit');
    },
    dispose: async () => {
      if (!electron.app.quitted && electron.app.gotLock) await run.quit().catch(() => undefined);
      rmSync(userData, { recursive: true, force: true });
    },
  };
  try {
    if ((options.ready ?? true) && electron.app.gotLock) {
      electron.app.emitReady();
      await until(() => StandInBrowserWindow.all.length > 0 && electron.ipcMain.handlers.size > 0, 'main to open its window');
    }
  } finally {
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return run;
}

export type PreloadRun = { contextBridge: StandInContextBridge; ipcRenderer: StandInIpcRenderer; required: string[] };

/**
 * Runs dist-electron/preload.cjs as Electron runs a sandboxed preload: in its own context, with a
 * `require` that knows only `electron` (a sandboxed preload cannot load its own chunks or Node).
 */
export function runPreload(): PreloadRun {
  const contextBridge = new StandInContextBridge();
  const ipcRenderer = new StandInIpcRenderer();
  const required: string[] = [];
  const module = { exports: {} as unknown };
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`a sandboxed preload cannot require "${id}"`);
  };
  const code = readFileSync(PRELOAD_CJS, 'utf8');
  vm.runInNewContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, {}, { filename: PRELOAD_CJS })(
    module.exports,
    sandboxRequire,
    module,
    PRELOAD_CJS,
    path.dirname(PRELOAD_CJS),
  );
  return { contextBridge, ipcRenderer, required };
}
