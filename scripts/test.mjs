#!/usr/bin/env node
// `npm test`: every check, in order, failing fast — type-check, lint, format, build, unit + integration tests
// (vitest, real PGlite), the SQL suites again on a real PostgreSQL server, the electronegativity
// check, end-to-end tests (Playwright in Debian's Chromium). Ends with one summary line
// "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
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

/** The titles of the report's tests that passed only on a retry. */
function flakyTitles(suite, parents = []) {
  const path = suite.title ? [...parents, suite.title] : parents;
  return [
    ...(suite.specs ?? []).flatMap((spec) => ((spec.tests ?? []).some((t) => t.status === 'flaky') ? [[...path, spec.title].join(' › ')] : [])),
    ...(suite.suites ?? []).flatMap((s) => flakyTitles(s, path)),
  ];
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const { stats } = report;
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
  const flaky = (report.suites ?? []).flatMap((s) => flakyTitles(s));
  if (flaky.length) console.log(`\n  FLAKY (failed once, passed on the retry; fix these):\n${flaky.map((t) => `    - ${t}`).join('\n')}`);
}

function finish(ok) {
  console.log(`\n${ok ? 'All checks passed' : 'Checks FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(ok ? 0 : 1);
}

/** Whether something listens at the URL's host and port. */
function listening(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

const REAL_SERVER_TITLE = 'SQL suites on a real PostgreSQL server';
const realPostgresScript = path.resolve(root, '..', 'shared', 'tools', 'real-postgres.sh');
const HOW =
  'install PostgreSQL 15 with pgvector 0.8.1 (Debian: postgresql-15 and postgresql-15-pgvector) and set MAGNA_TEST_DATABASE_URL; see the README';

/**
 * The server for the real-server step: MAGNA_TEST_DATABASE_URL, else the one real-postgres.sh
 * starts (as root; it installs and builds what is missing), else a reason to skip the step.
 */
async function realServer() {
  if (process.env.MAGNA_TEST_DATABASE_URL) return { url: process.env.MAGNA_TEST_DATABASE_URL, stop: null };
  if (!existsSync(realPostgresScript)) return { skip: `MAGNA_TEST_DATABASE_URL is unset and ${realPostgresScript} is absent: ${HOW}` };
  if (process.getuid?.() !== 0)
    return {
      skip: `MAGNA_TEST_DATABASE_URL is unset and ${path.relative(root, realPostgresScript)} needs root to start a server: run as root, or ${HOW}`,
    };
  const run = (arg) => spawnSync('bash', [realPostgresScript, arg], { cwd: os.tmpdir(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const wasRunning = await listening(run('url').stdout.trim());
  console.log(
    wasRunning
      ? `\n  the server of ${path.relative(root, realPostgresScript)} is already running: using it`
      : `\n  starting a server with ${path.relative(root, realPostgresScript)} start (installs postgresql-15 and builds pgvector when missing)`,
  );
  const started = run('start');
  const url = started.stdout.trim().split('\n').at(-1);
  if (started.status !== 0 || !url) return { error: `${path.relative(root, realPostgresScript)} start failed (exit ${started.status})` };
  // Leave a server that was already running as it was; stop the one this run started.
  return { url, stop: wasRunning ? null : () => run('stop') };
}

const vitestJson = path.join(root, '.cache', 'vitest.json');
const realServerJson = path.join(root, '.cache', 'vitest-real-postgres.json');
const playwrightJson = path.join(root, '.cache', 'playwright.json');
rmSync(vitestJson, { force: true });
rmSync(realServerJson, { force: true });
rmSync(playwrightJson, { force: true });

if (!step('type-check (main, renderer, e2e)', 'npm', ['run', '--silent', 'typecheck'])) finish(false);
if (!step('lint (ESLint: typescript-eslint, react-hooks, layer boundaries)', bin('eslint'), ['.', '--max-warnings', '0'])) finish(false);
if (!step('format (Prettier --check)', bin('prettier'), ['--check', '.', '--log-level', 'warn'])) finish(false);
if (!step('build', 'npm', ['run', '--silent', 'build'])) finish(false);
const unitOk = step('unit and integration tests (vitest, PGlite)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
countVitest(vitestJson);
if (!unitOk) finish(false);
const server = await realServer();
if (server.skip) console.log(`\n▶ ${REAL_SERVER_TITLE}: skipped — ${server.skip}`);
else if (server.error) {
  console.log(`\n▶ ${REAL_SERVER_TITLE}: FAILED — ${server.error}`);
  finish(false);
} else {
  const ok = step(
    `${REAL_SERVER_TITLE} (vitest, ${new URL(server.url).host})`,
    bin('vitest'),
    ['run', '--config', 'vitest.real-postgres.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${realServerJson}`],
    { MAGNA_TEST_DATABASE_URL: server.url },
  );
  countVitest(realServerJson);
  if (!ok) {
    server.stop?.();
    finish(false);
  }
}
if (!step('electronegativity', process.execPath, [path.join(root, 'scripts/check-electronegativity.mjs')])) {
  server.stop?.();
  finish(false);
}
// The onboarding journey adds a Postgres profile against the same server (skipped, saying why, without one).
const e2eOk = step('end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test'], server.url ? { MAGNA_TEST_DATABASE_URL: server.url } : {});
server.stop?.();
countPlaywright(playwrightJson);
finish(e2eOk);
