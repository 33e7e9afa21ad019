// The built main process (dist-electron/main.js) and preload (dist-electron/preload.cjs), run in
// Node with a recording stand-in for `electron`: the hardening of ARCHITECTURE.md §3 checked on
// what ships, in every test run, on machines without Electron's binary.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../electron/api/channels';
import { APP_COMMANDS, APP_EVENT_CHANNEL, EVENT_CHANNEL } from '../../electron/api/events';
import { CONTENT_SECURITY_POLICY } from '../../electron/shells/content-security-policy';
import { MAIN_JS, PRELOAD_CJS, ROOT, runPreload, startMain, until, type MainRun } from '../support/electron-main-harness';
import { StandInEvent, type MenuItemTemplate, type StandInWebContents } from '../support/electron-stand-in';

const VIDEO = '3f2b8c1e-9a4d-4c7b-8e21-5d6f7a8b9c0d';

type Result = { ok: boolean; data?: unknown; error?: { code: string } };

/** An invoke event as Electron builds it: the sending web contents and frame. */
function fromFrame(sender: StandInWebContents, url: string, parent: unknown = null) {
  return { sender, senderFrame: { url, parent } };
}

describe('the built main process', () => {
  let run: MainRun;
  const rendererUrl = () => run.window().webContents.url;
  const invoke = (channel: string, event: unknown, payload: unknown = {}) => run.electron.ipcMain.invoke(channel, event, payload) as Promise<Result>;

  beforeAll(async () => {
    run = await startMain();
  });
  afterAll(() => run.dispose());

  it('enables the sandbox for every renderer and names the app before anything else', () => {
    expect(run.electron.app.sandboxEnabled).toBe(true);
    expect(run.electron.app.name).toBe('Magna Galactica Console');
    expect(run.electron.app.calls.slice(0, 2)).toEqual(['setName', 'enableSandbox']);
    expect(run.electron.app.calls).toContain('requestSingleInstanceLock');
  });

  it('opens one window with hardened webPreferences', () => {
    const prefs = run.window().options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableRemoteModule');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(run.window().options.show).toBe(false);
  });

  it('loads the preload and the renderer from where they sit in the build', () => {
    const preload = run.window().options.webPreferences!.preload as string;
    expect(preload).toBe(PRELOAD_CJS);
    expect(existsSync(preload)).toBe(true);
    const page = fileURLToPath(rendererUrl());
    expect(page).toBe(path.join(ROOT, 'dist', 'renderer', 'index.html'));
    // …and the page's own script and style are there beside it.
    const html = readFileSync(page, 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) expect(existsSync(path.join(path.dirname(page), asset)), asset).toBe(true);
    expect(run.window().calls).toContain('loadURL');
  });

  it('registers every contract channel on ipcMain exactly once', () => {
    const { registrations, handlers } = run.electron.ipcMain;
    expect([...registrations].sort()).toEqual([...CHANNELS].sort());
    expect(new Set(registrations).size).toBe(registrations.length);
    expect(handlers.size).toBe(CHANNELS.length);
  });

  it("answers the console window's top frame", async () => {
    const r = await invoke('app:info', fromFrame(run.window().webContents, rendererUrl()));
    expect(r).toMatchObject({ ok: true, data: { shell: 'electron', dataDir: run.userData } });
  });

  it('refuses every channel from another web contents, a sub-frame, or another page', async () => {
    const own = run.window().webContents;
    const foreign = new (Object.getPrototypeOf(own).constructor as new () => StandInWebContents)();
    for (const channel of CHANNELS) {
      for (const event of [
        fromFrame(foreign, rendererUrl()),
        fromFrame(own, rendererUrl(), { url: rendererUrl() }),
        fromFrame(own, 'https://evil.example/index.html'),
        fromFrame(own, 'file:///tmp/other.html'),
        { sender: own, senderFrame: null },
      ]) {
        const r = await invoke(channel, event);
        expect(r, `${channel} from ${JSON.stringify(event.senderFrame)}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
  });

  it('sets the Content-Security-Policy header on every response', () => {
    const listener = run.electron.session.defaultSession.headersReceived as (
      d: unknown,
      cb: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    expect(listener).toBeTypeOf('function');
    let headers: Record<string, string[]> = {};
    listener(
      { url: rendererUrl(), responseHeaders: { 'Content-Security-Policy': ["default-src *; script-src 'unsafe-eval'"], 'X-Other': ['1'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['X-Other']).toEqual(['1']);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)/);
  });

  it("leaves an allowed player's frame its own headers; any other frame, and a player page loaded as the window, gets the console's policy", () => {
    const listener = run.electron.session.defaultSession.headersReceived as (
      d: unknown,
      cb: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const served = (url: string, resourceType: string) => {
      let headers: Record<string, string[]> = {};
      listener(
        { url, resourceType, responseHeaders: { 'Content-Security-Policy': ["script-src 'self' https://www.youtube.com"] } },
        (r) => (headers = r.responseHeaders),
      );
      return headers['Content-Security-Policy'];
    };
    expect(served('https://www.youtube-nocookie.com/embed/abc', 'subFrame')).toEqual(["script-src 'self' https://www.youtube.com"]);
    expect(served('https://player.vimeo.com/video/123?dnt=1', 'subFrame')).toEqual(["script-src 'self' https://www.youtube.com"]);
    for (const [url, type] of [
      ['https://www.youtube.com/embed/abc', 'subFrame'],
      ['https://www.youtube-nocookie.com.evil.io/embed/abc', 'subFrame'],
      ['http://www.youtube-nocookie.com/embed/abc', 'subFrame'],
      ['https://www.youtube-nocookie.com/embed/abc', 'mainFrame'],
    ] as const) {
      expect(served(url, type), `${type} ${url}`).toEqual([CONTENT_SECURITY_POLICY]);
    }
  });

  it('denies every permission; only the console page may write the clipboard', () => {
    const session = run.electron.session.defaultSession;
    const request = session.permissionRequestHandler as (wc: unknown, p: string, cb: (ok: boolean) => void, d: unknown) => void;
    const check = session.permissionCheckHandler as (wc: unknown, p: string, origin: string, d: unknown) => boolean;
    const asked = (permission: string, requestingUrl: string, isMainFrame = true) => {
      let granted: boolean | null = null;
      request(run.window().webContents, permission, (ok) => (granted = ok), { requestingUrl, isMainFrame });
      return granted;
    };
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'openExternal',
      'fullscreen',
      'pointerLock',
      'clipboard-read',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'unknown',
    ]) {
      expect(asked(permission, rendererUrl()), permission).toBe(false);
      expect(check(run.window().webContents, permission, 'file://', { requestingUrl: rendererUrl(), isMainFrame: true }), permission).toBe(false);
    }
    expect(asked('clipboard-sanitized-write', rendererUrl())).toBe(true);
    expect(asked('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(asked('clipboard-sanitized-write', rendererUrl(), false)).toBe(false);
    expect((session.devicePermissionHandler as () => boolean)()).toBe(false);
  });

  it('keeps the window on its page: navigation, redirects and webviews are prevented', () => {
    const contents = run.window().webContents;
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-navigate', rendererUrl())).toBe(false);
    expect(contents.attempt('will-redirect', rendererUrl())).toBe(true);
    expect(contents.attempt('will-attach-webview', {}, {})).toBe(true);
  });

  it('denies new windows; an http(s) link opens in the browser, only after isSafeExternalUrl', () => {
    const open = run.window().webContents.windowOpenHandler!;
    const opened = run.electron.shell.opened;
    opened.length = 0;
    for (const url of ['https://www.youtube.com/watch?v=abc', 'http://vimeo.com/1']) expect(open({ url })).toEqual({ action: 'deny' });
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://user:pw@example.com/',
      'smb://host/share',
      'magna-console://video/x',
      'not a url',
    ]) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://www.youtube.com/watch?v=abc', 'http://vimeo.com/1']);
  });

  it('guards any other web contents Electron creates the same way', () => {
    const own = run.window().webContents;
    const other = new (Object.getPrototypeOf(own).constructor as new () => StandInWebContents)();
    run.electron.app.emit('web-contents-created', new StandInEvent(), other);
    expect(other.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(other.attempt('will-attach-webview', {}, {})).toBe(true);
    expect(other.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('a second launch hands off to this one: the window is restored and focused', () => {
    const win = run.window();
    win.minimize();
    win.calls.length = 0;
    run.electron.app.emit('second-instance', new StandInEvent(), ['magna-galactica-console'], '/home/someone');
    expect(win.calls).toEqual(expect.arrayContaining(['restore', 'focus']));
    expect(win.isMinimized()).toBe(false);
  });

  it('is the handler of magna-console:// links', () => {
    expect(run.electron.app.protocolClients.map((c) => c.protocol)).toEqual(['magna-console']);
  });

  it('opens a link from a second launch in this window, as a route, and focuses it', () => {
    const win = run.window();
    win.minimize();
    win.webContents.sent.length = 0;
    run.electron.app.emit(
      'second-instance',
      new StandInEvent(),
      ['magna-galactica-console', '--enable-logging', `magna-console://video/${VIDEO}`],
      '/',
    );
    expect(win.webContents.sent).toEqual([{ channel: APP_EVENT_CHANNEL, payload: { type: 'open', route: `#/video/${VIDEO}` } }]);
    expect(win.isMinimized()).toBe(false);
    expect(win.calls.at(-1)).toBe('focus');
  });

  it('opens a macOS open-url link the same way, and holds the default', () => {
    const win = run.window();
    win.webContents.sent.length = 0;
    const event = new StandInEvent();
    run.electron.app.emit('open-url', event, `magna-console://job/${VIDEO}?profile=embedded`);
    expect(event.defaultPrevented).toBe(true);
    expect(win.webContents.sent).toEqual([{ channel: APP_EVENT_CHANNEL, payload: { type: 'open', route: `#/job/${VIDEO}?profile=embedded` } }]);
  });

  it('ignores and logs a link that is not a console link; nothing reaches the page', () => {
    const win = run.window();
    win.webContents.sent.length = 0;
    for (const url of [`magna-console://video/${VIDEO}?cmd=calc.exe`, 'magna-console://settings/x', `magna-console://video/../../etc/${VIDEO}`]) {
      run.electron.app.emit('second-instance', new StandInEvent(), ['magna-galactica-console', url], '/');
      run.electron.app.emit('open-url', new StandInEvent(), url);
    }
    expect(win.webContents.sent).toEqual([]);
    expect(run.electron.shell.opened.filter((u) => u.startsWith('magna'))).toEqual([]);
    expect(readFileSync(path.join(run.userData, 'logs', 'console.log'), 'utf8')).toContain(
      'ignored a link that is not a console link: "magna-console://video/',
    );
  });

  it("sets a native menu whose items send the console's commands to the page", () => {
    const menu = run.electron.Menu.applicationMenu!;
    const flat = (list: MenuItemTemplate[]): MenuItemTemplate[] => list.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
    const commands = flat(menu.items).filter((i) => i.click && !i.id?.startsWith('notify-'));
    expect(commands.map((i) => i.id).sort()).toEqual([...APP_COMMANDS].sort());
    const win = run.window();
    win.webContents.sent.length = 0;
    for (const item of commands) item.click!({}, win, {});
    expect(win.webContents.sent).toEqual(commands.map((i) => ({ channel: APP_EVENT_CHANNEL, payload: { type: 'command', command: i.id } })));
  });

  it("keeps secrets for the session only on Linux's basic_text backend (never written)", async () => {
    const top = fromFrame(run.window().webContents, rendererUrl());
    const saved = await invoke('connections:save', top, {
      kind: 'postgres',
      name: 'Self-hosted',
      databaseUrl: 'postgresql://app:hunter2-secret@db.example:5432/app',
    });
    expect(saved).toMatchObject({ ok: true, data: { databaseUrl: { set: true, source: 'session' } } });
    expect(JSON.stringify(saved)).not.toContain('hunter2-secret');
    expect(existsSync(path.join(run.userData, 'secrets.enc.json'))).toBe(false);
  });

  it('backs up to the file chosen in the native Save dialog and offers a backup from the Open dialog; a cancelled dialog changes nothing', async () => {
    const top = fromFrame(run.window().webContents, rendererUrl());
    const dialog = run.electron.dialog;
    const backups = path.join(run.userData, 'backups');

    // Cancelled: no path, and nothing is written (the default folder is not even made).
    dialog.fileAnswer = null;
    expect(await invoke('workspace:choose-file', top, { purpose: 'backup' })).toEqual({ ok: true, data: { file: null } });
    expect(dialog.fileDialogs).toHaveLength(1);
    expect(existsSync(backups)).toBe(false);

    // Chosen: the Save dialog, on the console window, starting in the data folder's backups, answers
    // the path the backup is then written to.
    const file = path.join(run.userData, 'elsewhere', 'chosen.tar.gz');
    dialog.fileAnswer = file;
    const chosen = await invoke('workspace:choose-file', top, { purpose: 'backup' });
    expect(chosen).toEqual({ ok: true, data: { file } });
    const save = dialog.fileDialogs[1]!;
    expect(save.kind).toBe('save');
    expect(save.window).toBe(run.window());
    expect(path.dirname(save.options.defaultPath as string)).toBe(backups);
    expect(path.basename(save.options.defaultPath as string)).toMatch(/^workspace-\d{8}-\d{4}\.tar\.gz$/);
    expect(await invoke('workspace:backup', top, { file: (chosen.data as { file: string }).file })).toMatchObject({ ok: true, data: { file } });
    expect(existsSync(file)).toBe(true);

    // The Open dialog for a restore answers the backup chosen; cancelled, it answers nothing.
    expect(await invoke('workspace:choose-file', top, { purpose: 'restore' })).toEqual({ ok: true, data: { file } });
    expect(dialog.fileDialogs[2]).toMatchObject({ kind: 'open', window: run.window(), options: { defaultPath: backups, properties: ['openFile'] } });
    dialog.fileAnswer = null;
    expect(await invoke('workspace:choose-file', top, { purpose: 'restore' })).toEqual({ ok: true, data: { file: null } });

    // What the dialog answers is checked like any input: a path that is not a full one is refused.
    dialog.fileAnswer = 'relative.tar.gz';
    expect(await invoke('workspace:choose-file', top, { purpose: 'backup' })).toMatchObject({ ok: false, error: { code: 'file_dialog_invalid' } });
  });

  it('quitting closes the database before the app goes', async () => {
    const top = fromFrame(run.window().webContents, rendererUrl());
    expect(await invoke('moderation:counts', top, {})).toMatchObject({ ok: true });
    const pid = path.join(run.userData, 'workspace', 'postmaster.pid');
    expect(existsSync(pid)).toBe(true);
    await run.quit();
    expect(existsSync(pid)).toBe(false);
    expect(readFileSync(path.join(run.userData, 'logs', 'console.log'), 'utf8')).toContain('electron shell closed the database');
  });
});

describe('the built main process, other launches', () => {
  it('a second launch quits at once: no window, no IPC, no database', async () => {
    const run = await startMain({ gotLock: false });
    try {
      expect(run.electron.app.calls).toContain('quit');
      run.electron.app.emitReady();
      await new Promise((r) => setTimeout(r, 100));
      expect(run.electron.ipcMain.handlers.size).toBe(0);
      expect(() => run.window()).toThrow(/no window/);
    } finally {
      await run.dispose();
    }
  });

  it("a first launch by a link opens its window on that link's route", async () => {
    const run = await startMain({ argv: ['magna-galactica-console', `magna-console://report/${VIDEO}`] });
    try {
      expect(run.window().webContents.url).toMatch(new RegExp(`/dist/renderer/index\\.html#/report/${VIDEO}$`));
    } finally {
      await run.dispose();
    }
  });

  it('notifications: opt-in per profile from the menu, quiet while the window is focused', async () => {
    const run = await startMain({ env: { MAGNA_NOTIFICATION_POLL_MS: '150' } });
    try {
      const win = run.window();
      win.focus();
      const flat = (list: MenuItemTemplate[]): MenuItemTemplate[] => list.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
      const item = (id: string) => flat(run.electron.Menu.applicationMenu!.items).find((i) => i.id === id)!;
      expect(item('notify-pending-off').checked).toBe(true);
      item('notify-pending-1').click!({}, win, {});
      expect(JSON.parse(readFileSync(path.join(run.userData, 'notifications.json'), 'utf8'))).toEqual({
        embedded: { urgentReports: false, backfills: false, oldestPendingHours: 1 },
      });
      await until(() => item('notify-pending-1').checked === true, 'the menu rebuilt with the new choice');
      const log = path.join(run.userData, 'logs', 'console.log');
      await until(() => readFileSync(log, 'utf8').includes('notification oldest-pending: quiet'), 'a quiet notification');
      expect(run.electron.Notification.shown).toEqual([]);
    } finally {
      await run.dispose();
    }
  });

  it('notifications: the Settings page edits the same choices as the menu, for the active profile only', async () => {
    const run = await startMain();
    try {
      const top = fromFrame(run.window().webContents, run.window().webContents.url);
      const call = (channel: string, payload: unknown) => run.electron.ipcMain.invoke(channel, top, payload) as Promise<Result>;
      const flat = (list: MenuItemTemplate[]): MenuItemTemplate[] => list.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
      const item = (id: string) => flat(run.electron.Menu.applicationMenu!.items).find((i) => i.id === id)!;
      expect(await call('notifications:get', {})).toMatchObject({ ok: true, data: { available: true, profileId: 'embedded' } });
      const saved = await call('notifications:set', {
        profileId: 'embedded',
        settings: { urgentReports: true, backfills: false, oldestPendingHours: 4 },
      });
      expect(saved).toMatchObject({ ok: true, data: { settings: { urgentReports: true, oldestPendingHours: 4 } } });
      expect(JSON.parse(readFileSync(path.join(run.userData, 'notifications.json'), 'utf8'))).toEqual({
        embedded: { urgentReports: true, backfills: false, oldestPendingHours: 4 },
      });
      await until(
        () => item('notify-urgent-reports').checked === true && item('notify-pending-4').checked === true,
        'the menu rebuilt with the choices',
      );
      // Choices shown for another profile are refused, never applied to the active one.
      expect(
        await call('notifications:set', { profileId: 'staging', settings: { urgentReports: false, backfills: false, oldestPendingHours: null } }),
      ).toMatchObject({
        ok: false,
        error: { code: 'profile_changed' },
      });
    } finally {
      await run.dispose();
    }
  });

  it('notifications: the oldest pending video past the age shows one, and a click opens it', async () => {
    const run = await startMain({
      env: { MAGNA_NOTIFICATION_POLL_MS: '150' },
      files: { 'notifications.json': JSON.stringify({ embedded: { oldestPendingHours: 24 } }) },
    });
    try {
      await until(() => run.electron.Notification.shown.length > 0, 'a notification');
      await new Promise((r) => setTimeout(r, 600));
      expect(run.electron.Notification.shown).toHaveLength(1); // once per video, not every check
      const note = run.electron.Notification.shown[0]!;
      expect(note.options.title).toMatch(/^A submission has waited \d+ (days|hours)$/);
      const win = run.window();
      win.webContents.sent.length = 0;
      note.emit('click');
      expect(win.webContents.sent).toEqual([
        { channel: APP_EVENT_CHANNEL, payload: { type: 'open', route: expect.stringMatching(/^#\/video\/[0-9a-f-]{36}\?profile=embedded$/) } },
      ]);
    } finally {
      await run.dispose();
    }
  });

  it('writes secrets encrypted, never in plain text, where a keyring exists', async () => {
    const run = await startMain({ backend: 'gnome_libsecret' });
    try {
      const top = fromFrame(run.window().webContents, run.window().webContents.url);
      const saved = await run.electron.ipcMain.invoke('connections:save', top, {
        kind: 'postgres',
        name: 'Self-hosted',
        databaseUrl: 'postgresql://app:hunter2-secret@db.example:5432/app',
      });
      expect(saved).toMatchObject({ ok: true, data: { databaseUrl: { set: true, source: 'encrypted' } } });
      const file = readFileSync(path.join(run.userData, 'secrets.enc.json'), 'utf8');
      expect(file).not.toContain('hunter2-secret');
    } finally {
      await run.dispose();
    }
  });

  it('is the bundle that ships (dist-electron/main.js)', () => {
    expect(existsSync(MAIN_JS)).toBe(true);
  });
});

describe('the built preload', () => {
  it('exposes exactly one frozen object: one function per channel and the event subscriptions', () => {
    const { contextBridge, ipcRenderer, required } = runPreload();
    expect(required).toEqual(['electron']);
    expect(contextBridge.exposed.map((e) => e.key)).toEqual(['magna']);
    const api = contextBridge.exposed[0]!.api as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onAppEvent', 'onJobEvent'].sort());
    for (const key of Object.keys(api)) expect(api[key], key).toBeTypeOf('function');
    // Each function invokes its own channel with the input only.
    for (const channel of CHANNELS) void api[channel]!({ probe: channel }, 'extra');
    expect(ipcRenderer.invocations).toEqual(CHANNELS.map((channel) => ({ channel, args: [{ probe: channel }] })));
  });

  it.each([
    ['onJobEvent', EVENT_CHANNEL],
    ['onAppEvent', APP_EVENT_CHANNEL],
  ])("%s delivers its channel's payloads without the IPC event, and unsubscribes", (name, channel) => {
    const { contextBridge, ipcRenderer } = runPreload();
    const api = contextBridge.exposed[0]!.api as Record<string, (l: (...args: unknown[]) => void) => () => void>;
    const seen: unknown[][] = [];
    const off = api[name]!((...args) => seen.push(args));
    ipcRenderer.deliver(channel, { id: 'event-1' });
    ipcRenderer.deliver(channel === EVENT_CHANNEL ? APP_EVENT_CHANNEL : EVENT_CHANNEL, { id: 'other channel' });
    off();
    ipcRenderer.deliver(channel, { id: 'event-2' });
    expect(seen).toEqual([[{ id: 'event-1' }]]);
    expect(ipcRenderer.listeners.get(channel)?.size ?? 0).toBe(0);
  });
});
