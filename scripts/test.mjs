#!/usr/bin/env node
// `npm test`: every check, in order, failing fast — type-check, lint, build, unit + integration tests
// (vitest, real PGlite), the electronegativity check, end-to-end tests (Playwright in Debian's
// Chromium). Ends with one summary line "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

function step(title, command, args, env = {}) {
  const t = Date.now();
  console.log(`\n▶ ${title}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`  ${title}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
}

function finish(ok) {
  console.log(`\n${ok ? 'All checks passed' : 'Checks FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(ok ? 0 : 1);
}

const vitestJson = path.join(root, '.cache', 'vitest.json');
const playwrightJson = path.join(root, '.cache', 'playwright.json');
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

if (!step('type-check (main, renderer, e2e)', 'npm', ['run', '--silent', 'typecheck'])) finish(false);
if (!step('lint (ESLint: typescript-eslint, react-hooks, layer boundaries)', bin('eslint'), ['.', '--max-warnings', '0'])) finish(false);
if (!step('build', 'npm', ['run', '--silent', 'build'])) finish(false);
const unitOk = step('unit and integration tests (vitest, PGlite)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
countVitest(vitestJson);
if (!unitOk) finish(false);
if (!step('electronegativity', process.execPath, [path.join(root, 'scripts/check-electronegativity.mjs')])) finish(false);
const e2eOk = step('end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test']);
countPlaywright(playwrightJson);
finish(e2eOk);
