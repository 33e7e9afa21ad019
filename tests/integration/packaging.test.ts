// electron-builder --dir with a stand-in Electron (the real binary cannot be downloaded here):
// the package holds main, preload, renderer and every migration, where the runner finds them.
// It is packaged with an update feed served from this machine, and the built main process (run
// with the recording electron stand-in, as the packaged app) finds an update there, verifies its
// sha512 and asks before installing — and refuses the same update when the file is tampered with.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { startMain, until } from '../support/electron-main-harness';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** @electron/fuses' wire states: ASCII '0' and '1'. */
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'magna-package-'));

// The update feed: version 9.9.9 with one AppImage; `tampered` serves other bytes under its name.
const UPDATE = Buffer.from('#!/bin/sh\necho magna 9.9.9 stand-in update\n'.repeat(200));
const UPDATE_FILE = 'Magna-Galactica-Console-9.9.9.AppImage';
const feed = { tampered: false, requests: [] as string[] };
const server = http.createServer((req, res) => {
  feed.requests.push(req.url ?? '');
  if (req.url?.startsWith('/feed/latest-linux.yml')) {
    const sha512 = createHash('sha512').update(UPDATE).digest('base64');
    res.writeHead(200, { 'content-type': 'text/yaml' });
    res.end(
      `version: 9.9.9\nfiles:\n  - url: ${UPDATE_FILE}\n    sha512: ${sha512}\n    size: ${UPDATE.length}\npath: ${UPDATE_FILE}\nsha512: ${sha512}\nreleaseDate: '2026-11-26T00:00:00.000Z'\n`,
    );
  } else if (req.url === `/feed/${UPDATE_FILE}`) {
    const body = feed.tampered ? Buffer.concat([UPDATE.subarray(0, 100), Buffer.from('rm -rf ~ # tampered'), UPDATE.subarray(119)]) : UPDATE;
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    res.end(body);
  } else {
    res.writeHead(404).end();
  }
});
const feedUrl = new Promise<string>((resolve) =>
  server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/feed/`)),
);
afterAll(() => {
  server.close();
  rmSync(work, { recursive: true, force: true });
});
const resources = path.join(work, 'release', 'linux-unpacked', 'resources');

describe('packaging', () => {
  it('packs main, preload, renderer and every migration', { timeout: 240_000 }, async () => {
    if (!existsSync(path.join(root, 'dist-electron', 'main.js')) || !existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
      await run('npm', ['run', 'build'], { cwd: root });
    }
    const fakeElectron = path.join(work, 'electron-dist');
    mkdirSync(fakeElectron);
    // A stand-in binary that carries a fuse wire as Electron's does (sentinel, version 1, 8 fuses
    // at Electron's defaults), so electron-builder's fuse flipping runs for real.
    writeFileSync(
      path.join(fakeElectron, 'electron'),
      Buffer.concat([
        Buffer.from('#!/bin/sh\necho stand-in electron\nexit 0\n#'),
        Buffer.from(SENTINEL),
        Buffer.from([1, 8]),
        Buffer.from('10110001'),
      ]),
    );
    chmodSync(path.join(fakeElectron, 'electron'), 0o755);
    writeFileSync(path.join(fakeElectron, 'LICENSE'), 'stand-in');
    const out = path.join(work, 'release');
    // The update feed's URL is given when packaging (README, "Updates").
    await run(
      path.join(root, 'node_modules', '.bin', 'electron-builder'),
      [
        '--dir',
        '--linux',
        '--publish',
        'never',
        '-c',
        'electron-builder.yml',
        `-c.electronDist=${fakeElectron}`,
        `-c.directories.output=${out}`,
        '-c.publish.provider=generic',
        `-c.publish.url=${await feedUrl}`,
      ],
      { cwd: root, timeout: 220_000, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    );

    const files = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    expect(files).toContain('/dist-electron/main.js');
    expect(files).toContain('/dist-electron/preload.cjs');
    expect(files).toContain('/dist/renderer/index.html');
    expect(files.some((f) => /^\/dist\/renderer\/assets\/index-.*\.js$/.test(f))).toBe(true);
    expect(files).toContain('/node_modules/@electric-sql/pglite/package.json');
    expect(files).toContain('/node_modules/electron-updater/package.json');
    expect(files.some((f) => f.startsWith('/node_modules/react/'))).toBe(false);
    const shipped = readdirSync(path.join(root, 'supabase', 'migrations'))
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect(readdirSync(path.join(resources, 'supabase', 'migrations')).sort()).toEqual(shipped);

    // The fuses of electron-builder.yml are flipped in the packaged binary.
    const wire = await getCurrentFuseWire(path.join(out, 'linux-unpacked', 'magna-galactica-console'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });
});

describe('updates of the packaged app', () => {
  /** Runs the built main as the packaged app (its resources, its version) until the update is settled. */
  async function launch(answer: number) {
    expect(readFileSync(path.join(resources, 'app-update.yml'), 'utf8')).toContain(`url: ${await feedUrl}`);
    const appImage = path.join(work, 'Magna-Galactica-Console-0.1.0.AppImage');
    writeFileSync(appImage, 'the installed version');
    const saved = { APPIMAGE: process.env.APPIMAGE, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
    process.env.APPIMAGE = appImage;
    process.env.XDG_CACHE_HOME = mkdtempSync(path.join(work, 'cache-'));
    const main = await startMain({ packagedResources: resources, version: '0.1.0', beforeReady: (e) => (e.dialog.response = answer) });
    const log = () => readFileSync(path.join(main.userData, 'logs', 'console.log'), 'utf8');
    return {
      main,
      log,
      done: async () => {
        await main.dispose();
        process.env.APPIMAGE = saved.APPIMAGE;
        process.env.XDG_CACHE_HOME = saved.XDG_CACHE_HOME;
        if (saved.APPIMAGE === undefined) delete process.env.APPIMAGE;
        if (saved.XDG_CACHE_HOME === undefined) delete process.env.XDG_CACHE_HOME;
      },
    };
  }

  it('finds the update in the feed, verifies its sha512 and installs only if the user agrees', { timeout: 60_000 }, async () => {
    feed.tampered = false;
    feed.requests.length = 0;
    const { main, log, done } = await launch(1);
    try {
      await until(() => main.electron.dialog.messageBoxes.length > 0, 'the question whether to install', 40_000);
      expect(log()).toContain('update 9.9.9 available');
      expect(log()).toContain('update 9.9.9 downloaded and verified (sha512)');
      expect(feed.requests).toContain(`/feed/${UPDATE_FILE}`);
      expect(main.electron.dialog.messageBoxes[0]!.options).toMatchObject({
        buttons: ['Restart and Install', 'Later'],
        message: 'Magna Galactica Console 9.9.9 is ready to install.',
      });
      await until(() => log().includes('update 9.9.9 declined for now'), 'the answer');
      expect(main.electron.app.calls).not.toContain('quit');
    } finally {
      await done();
    }
  });

  it('refuses a tampered update: sha512 mismatch, nothing offered', { timeout: 60_000 }, async () => {
    feed.tampered = true;
    feed.requests.length = 0;
    const { main, log, done } = await launch(0);
    try {
      await until(() => log().includes('update refused or failed: sha512 checksum mismatch'), 'the refusal', 40_000);
      expect(log()).toContain('update 9.9.9 available');
      expect(log()).not.toContain('downloaded and verified');
      expect(main.electron.dialog.messageBoxes).toEqual([]);
    } finally {
      await done();
    }
  });

  it('a build without a feed never checks', async () => {
    const main = await startMain({ packagedResources: mkdtempSync(path.join(work, 'no-feed-')) });
    try {
      await until(
        () => readFileSync(path.join(main.userData, 'logs', 'console.log'), 'utf8').includes('updates: no feed in this build, not checking'),
        'the log line',
      );
    } finally {
      await main.dispose();
    }
  });
});
