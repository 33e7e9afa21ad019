// A small recording stand-in for the `electron` module: only what the console uses (app,
// BrowserWindow, ipcMain, Menu, session, shell, safeStorage, Notification, dialog, clipboard, and
// contextBridge / ipcRenderer for the preload). It behaves enough like Electron for the built
// main process to start in Node — ready, a window, IPC, quit — and records every call so a test
// can check what main asked for. Electron's own rules are kept where a mistake would otherwise
// pass unnoticed: a second ipcMain.handle() for a channel throws, as in Electron.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import https from 'node:https';

/** An Electron event whose default a listener may prevent (will-navigate, will-quit…). */
export class StandInEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type Fn = (...args: never[]) => unknown;
export type WindowOpenHandler = (details: { url: string; frameName?: string; disposition?: string }) => { action: 'allow' | 'deny' };

export class StandInWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = StandInWebContents.nextId++;
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly sent: { channel: string; payload: unknown }[] = [];
  url = '';
  destroyed = false;
  loading = false;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload?: unknown): void {
    this.sent.push({ channel, payload });
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isLoading(): boolean {
    return this.loading;
  }
  /** Emits a cancellable event as Electron does; true when a listener prevented it. */
  attempt(name: string, ...args: unknown[]): boolean {
    const event = new StandInEvent();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
}

export type Bounds = { x: number; y: number; width: number; height: number };

export class StandInBrowserWindow extends EventEmitter {
  static readonly all: StandInBrowserWindow[] = [];
  static getAllWindows(): StandInBrowserWindow[] {
    return StandInBrowserWindow.all.filter((w) => !w.destroyed);
  }
  static getFocusedWindow(): StandInBrowserWindow | null {
    return StandInBrowserWindow.getAllWindows().find((w) => w.focused) ?? null;
  }

  readonly webContents = new StandInWebContents();
  /** Every method main called on the window, in order. */
  readonly calls: string[] = [];
  minimized = false;
  visible = false;
  focused = false;
  maximized = false;
  destroyed = false;
  title = '';

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    this.title = typeof options.title === 'string' ? options.title : '';
    StandInBrowserWindow.all.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.calls.push('loadURL');
    this.webContents.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.calls.push('show');
    this.visible = true;
  }
  hide(): void {
    this.calls.push('hide');
    this.visible = false;
  }
  focus(): void {
    this.calls.push('focus');
    this.focused = true;
  }
  blur(): void {
    this.focused = false;
    this.emit('blur');
  }
  restore(): void {
    this.calls.push('restore');
    this.minimized = false;
  }
  minimize(): void {
    this.calls.push('minimize');
    this.minimized = true;
    this.focused = false;
  }
  maximize(): void {
    this.calls.push('maximize');
    this.maximized = true;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isFocused(): boolean {
    return this.focused;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): Bounds {
    return { x: 10, y: 10, width: Number(this.options.width ?? 1360), height: Number(this.options.height ?? 860) };
  }
  close(): void {
    const event = new StandInEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export class StandInApp extends EventEmitter {
  name = 'Electron';
  version = '0.0.0-stand-in';
  paths: Record<string, string> = {};
  sandboxEnabled = false;
  /** What requestSingleInstanceLock() answers: false plays the second launch. */
  gotLock = true;
  /** Every method main called on app, in order (event subscriptions excluded). */
  calls: string[] = [];
  protocolClients: { protocol: string; args: unknown[] }[] = [];
  quitted = false;
  exitCode: number | null = null;
  ready = false;
  /** Whether this plays a packaged app (updates are only checked there). */
  isPackaged = false;
  appPath = '';
  private resolveReady: () => void = () => undefined;
  private readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));

  reset(): void {
    this.removeAllListeners();
    this.name = 'Electron';
    this.paths = {};
    this.sandboxEnabled = false;
    this.gotLock = true;
    this.calls = [];
    this.protocolClients = [];
    this.quitted = false;
    this.exitCode = null;
    this.ready = false;
    this.isPackaged = false;
    this.appPath = '';
    this.readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));
  }

  setName(name: string): void {
    this.calls.push('setName');
    this.name = name;
  }
  getName(): string {
    return this.name;
  }
  getVersion(): string {
    return this.version;
  }
  getAppPath(): string {
    return this.appPath;
  }
  relaunch(): void {
    this.calls.push('relaunch');
  }
  enableSandbox(): void {
    this.calls.push('enableSandbox');
    this.sandboxEnabled = true;
  }
  getPath(name: string): string {
    const p = this.paths[name];
    if (!p) throw new Error(`stand-in app.getPath: no path set for "${name}"`);
    return p;
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.gotLock;
  }
  setAsDefaultProtocolClient(protocol: string, ...args: unknown[]): boolean {
    this.calls.push('setAsDefaultProtocolClient');
    this.protocolClients.push({ protocol, args });
    return true;
  }
  setAboutPanelOptions(): void {
    this.calls.push('setAboutPanelOptions');
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.ready;
  }
  /** Plays Electron becoming ready. */
  emitReady(): void {
    this.ready = true;
    this.resolveReady();
    this.emit('ready');
  }
  focus(): void {
    this.calls.push('focus');
  }
  /** As Electron: before-quit, then will-quit; either may be prevented, then nothing quits. */
  quit(): void {
    this.calls.push('quit');
    const before = new StandInEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    const will = new StandInEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return;
    this.quitted = true;
    this.emit('quit');
  }
  exit(code = 0): void {
    this.calls.push('exit');
    this.exitCode = code;
    this.quitted = true;
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export class StandInIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  /** Every channel passed to handle(), in order, repeats included. */
  registrations: string[] = [];

  handle(channel: string, handler: Handler): void {
    this.registrations.push(channel);
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Plays the renderer's ipcRenderer.invoke() arriving from `event`'s sender. */
  async invoke(channel: string, event: unknown, payload: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, payload);
  }
  reset(): void {
    this.removeAllListeners();
    this.handlers.clear();
    this.registrations = [];
  }
}

export type MenuItemTemplate = {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  id?: string;
  enabled?: boolean;
  checked?: boolean;
  submenu?: MenuItemTemplate[];
  click?: (item: unknown, window: unknown, event: unknown) => unknown;
};

export class StandInMenu {
  static applicationMenu: StandInMenu | null = null;
  constructor(readonly items: MenuItemTemplate[]) {}
  static buildFromTemplate(template: MenuItemTemplate[]): StandInMenu {
    return new StandInMenu(template);
  }
  static setApplicationMenu(menu: StandInMenu | null): void {
    StandInMenu.applicationMenu = menu;
  }
  static getApplicationMenu(): StandInMenu | null {
    return StandInMenu.applicationMenu;
  }
}

export class StandInSession {
  readonly partitions: string[] = [];
  fromPartition(name: string): StandInSession {
    this.partitions.push(name);
    return new StandInSession();
  }
  permissionRequestHandler: Fn | null = null;
  permissionCheckHandler: Fn | null = null;
  devicePermissionHandler: Fn | null = null;
  headersReceived: Fn | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: Fn) => {
      this.headersReceived = listener;
    },
  };
  setPermissionRequestHandler(handler: Fn | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Fn | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Fn | null): void {
    this.devicePermissionHandler = handler;
  }
}

/** safeStorage with a chosen backend; "encryption" is reversible but never the plain text. */
export class StandInSafeStorage {
  backend = 'basic_text';
  available = true;
  isAsyncEncryptionAvailable(): Promise<boolean> {
    return Promise.resolve(this.available);
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
  encryptStringAsync(plain: string): Promise<Buffer> {
    return Promise.resolve(Buffer.from(`stand-in:${Buffer.from(plain, 'utf8').toString('hex')}`));
  }
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    const text = encrypted.toString('utf8');
    if (!text.startsWith('stand-in:')) return Promise.reject(new Error('not encrypted by this stand-in'));
    return Promise.resolve({ result: Buffer.from(text.slice('stand-in:'.length), 'hex').toString('utf8'), shouldReEncrypt: false });
  }
}

export class StandInNotification extends EventEmitter {
  static readonly shown: StandInNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return StandInNotification.supported;
  }
  constructor(readonly options: { title?: string; body?: string; silent?: boolean; urgency?: string }) {
    super();
  }
  show(): void {
    StandInNotification.shown.push(this);
  }
  close(): void {}
}

export type MessageBoxCall = { options: Record<string, unknown>; window: unknown };

export type FileDialogCall = { kind: 'save' | 'open'; options: Record<string, unknown>; window: unknown };

/** Electron's dialogs take (window, options) or (options). */
const windowAndOptions = (windowOrOptions: unknown, maybeOptions?: Record<string, unknown>): [unknown, Record<string, unknown>] =>
  maybeOptions ? [windowOrOptions, maybeOptions] : [null, windowOrOptions as Record<string, unknown>];

export class StandInDialog {
  readonly messageBoxes: MessageBoxCall[] = [];
  /** The button index the next message boxes answer with. */
  response = 0;
  readonly fileDialogs: FileDialogCall[] = [];
  /** What the next Save / Open dialogs answer: the chosen path, or null for Cancel. */
  fileAnswer: string | null = null;
  showSaveDialog(windowOrOptions: unknown, maybeOptions?: Record<string, unknown>): Promise<{ canceled: boolean; filePath: string }> {
    const [window, options] = windowAndOptions(windowOrOptions, maybeOptions);
    this.fileDialogs.push({ kind: 'save', options, window });
    return Promise.resolve({ canceled: this.fileAnswer === null, filePath: this.fileAnswer ?? '' });
  }
  showOpenDialog(windowOrOptions: unknown, maybeOptions?: Record<string, unknown>): Promise<{ canceled: boolean; filePaths: string[] }> {
    const [window, options] = windowAndOptions(windowOrOptions, maybeOptions);
    this.fileDialogs.push({ kind: 'open', options, window });
    return Promise.resolve({ canceled: this.fileAnswer === null, filePaths: this.fileAnswer === null ? [] : [this.fileAnswer] });
  }
  showMessageBox(windowOrOptions: unknown, maybeOptions?: Record<string, unknown>): Promise<{ response: number; checkboxChecked: boolean }> {
    const [window, options] = windowAndOptions(windowOrOptions, maybeOptions);
    this.messageBoxes.push({ options, window });
    return Promise.resolve({ response: this.response, checkboxChecked: false });
  }
}

/** The preload's side: contextBridge and ipcRenderer. */
export class StandInContextBridge {
  readonly exposed: { key: string; api: unknown }[] = [];
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.push({ key, api });
  }
}

export class StandInIpcRenderer {
  readonly invocations: { channel: string; args: unknown[] }[] = [];
  readonly listeners = new Map<string, Set<Fn>>();
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve({ ok: true, data: { channel } });
  }
  on(channel: string, listener: Fn): this {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)!.add(listener);
    return this;
  }
  removeListener(channel: string, listener: Fn): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  /** Plays main sending `payload` on `channel`. */
  deliver(channel: string, payload: unknown): void {
    for (const l of this.listeners.get(channel) ?? []) (l as (e: unknown, p: unknown) => void)({ sender: null }, payload);
  }
}

export function createElectronStandIn() {
  const standIn = {
    app: new StandInApp(),
    BrowserWindow: StandInBrowserWindow,
    Menu: StandInMenu,
    session: {
      defaultSession: new StandInSession(),
      fromPartition: (name: string) => standIn.session.defaultSession.fromPartition(name),
    },
    /** Electron's net.request, played by Node's http(s) (electron-updater downloads with it). */
    net: { request: (options: http.RequestOptions & { protocol?: string }) => (options.protocol === 'https:' ? https : http).request(options) },
    shell: { opened: [] as string[], openExternal: (url: string) => (standIn.shell.opened.push(url), Promise.resolve()) },
    safeStorage: new StandInSafeStorage(),
    ipcMain: new StandInIpcMain(),
    Notification: StandInNotification,
    dialog: new StandInDialog(),
    clipboard: { text: '', writeText: (text: string) => void (standIn.clipboard.text = text) },
    contextBridge: new StandInContextBridge(),
    ipcRenderer: new StandInIpcRenderer(),
  };
  return standIn;
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;
