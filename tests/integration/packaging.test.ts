// electron-builder --dir with a stand-in Electron (the real binary cannot be downloaded here):
// the package holds main, preload, renderer and every migration, where the runner finds them.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { listPackage } from '@electron/asar';

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
    writeFileSync(path.join(fakeElectron, 'electron'), '#!/bin/sh\necho stand-in electron\n');
    chmodSync(path.join(fakeElectron, 'electron'), 0o755);
    writeFileSync(path.join(fakeElectron, 'LICENSE'), 'stand-in');
    const out = path.join(work, 'release');
    await run(path.join(root, 'node_modules', '.bin', 'electron-builder'), [
      '--dir', '--linux', '-c', 'electron-builder.yml', `-c.electronDist=${fakeElectron}`, `-c.directories.output=${out}`,
    ], { cwd: root, timeout: 220_000, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } });

    const resources = path.join(out, 'linux-unpacked', 'resources');
    const files = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    expect(files).toContain('/dist-electron/main.js');
    expect(files).toContain('/dist-electron/preload.cjs');
    expect(files).toContain('/dist/renderer/index.html');
    expect(files.some((f) => /^\/dist\/renderer\/assets\/index-.*\.js$/.test(f))).toBe(true);
    expect(files).toContain('/node_modules/@electric-sql/pglite/package.json');
    expect(files.some((f) => f.startsWith('/node_modules/react/'))).toBe(false);
    const shipped = readdirSync(path.join(root, 'supabase', 'migrations')).filter((f) => f.endsWith('.sql')).sort();
    expect(readdirSync(path.join(resources, 'supabase', 'migrations')).sort()).toEqual(shipped);
  });
});
