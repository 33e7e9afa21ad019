#!/usr/bin/env node
// `npm start`: launches the Electron app; where Electron's binary is absent (it cannot be
// downloaded on every machine), says so in one line and starts the browser shell instead.
// `npm run serve` (--browser) always starts the browser shell.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');

/** The Electron binary's path, without triggering electron's lazy download. */
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const forceBrowser = process.argv.includes('--browser');
const binary = forceBrowser ? null : electronBinary();
let child;
if (binary) {
  child = spawn(binary, [root], { stdio: 'inherit' });
} else {
  if (!forceBrowser) {
    console.log('Electron binary not found on this machine (node_modules/electron/dist): starting the browser shell instead.');
  }
  child = spawn(process.execPath, [path.join(root, 'dist-electron', 'serve.js')], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
