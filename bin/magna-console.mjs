#!/usr/bin/env node
// Runs the built CLI (dist-electron/cli.js) or, in a source checkout, the TypeScript source.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist-electron/cli.js', import.meta.url));
let cli;
if (existsSync(built)) {
  cli = await import(pathToFileURL(built).href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  cli = await tsImport('../electron/cli/magna-console.ts', import.meta.url);
}
await cli.main(process.argv.slice(2));
