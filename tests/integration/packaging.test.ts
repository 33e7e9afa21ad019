// electron-builder --dir with a stand-in Electron (the real binary cannot be downloaded here):
// the package holds main, preload, renderer and every migration, where the runner finds them.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** @electron/fuses' wire states: ASCII '0' and '1'. */
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'magna-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

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
    await run(
      path.join(root, 'node_modules', '.bin', 'electron-builder'),
      ['--dir', '--linux', '-c', 'electron-builder.yml', `-c.electronDist=${fakeElectron}`, `-c.directories.output=${out}`],
      { cwd: root, timeout: 220_000, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    );

    const resources = path.join(out, 'linux-unpacked', 'resources');
    const files = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    expect(files).toContain('/dist-electron/main.js');
    expect(files).toContain('/dist-electron/preload.cjs');
    expect(files).toContain('/dist/renderer/index.html');
    expect(files.some((f) => /^\/dist\/renderer\/assets\/index-.*\.js$/.test(f))).toBe(true);
    expect(files).toContain('/node_modules/@electric-sql/pglite/package.json');
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
