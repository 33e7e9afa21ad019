#!/usr/bin/env node
// `npm start`: launches the Electron app; where Electron's binary is absent (it cannot be
// downloaded on every machine), says so in one line and starts the browser shell instead.
// `npm run serve` (--browser) always starts the browser shell.
// The child's exit code is passed on, so a shell that could not start fails the command.
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
let command;
let args;
if (binary) {
  [command, args] = [binary, [root]];
} else {
  if (!forceBrowser) {
    console.log('Electron binary not found on this machine (node_modules/electron/dist): starting the browser shell instead.');
  }
  const serve = path.join(root, 'dist-electron', 'serve.js');
  if (!existsSync(serve)) {
    console.error(`The browser shell is not built (${path.relative(root, serve)} is missing): run \`npm run build\` first.`);
    process.exit(1);
  }
  [command, args] = [process.execPath, [serve]];
}
const child = spawn(command, args, { stdio: 'inherit' });
child.on('error', (e) => {
  console.error(`Could not start ${path.basename(command)}: ${e.message}.`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
// A child ended by a signal other than the ones passed on did not finish normally.
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
