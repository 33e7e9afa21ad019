#!/usr/bin/env node
// In a source checkout (tsx installed), runs the TypeScript source, so the CLI is never a stale
// build; elsewhere the built CLI (dist-electron/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../electron/cli/magna-console.ts', import.meta.url));
const built = fileURLToPath(new URL('../dist-electron/cli.js', import.meta.url));
let tsx = null;
if (existsSync(source)) {
  tsx = await import('tsx/esm/api').catch(() => null);
}
const cli = tsx ? await tsx.tsImport('../electron/cli/magna-console.ts', import.meta.url) : await import(pathToFileURL(built).href);
await cli.main(process.argv.slice(2));
