// The second vitest run of `npm test`: the SQL suites again, on a real PostgreSQL server
// (MAGNA_TEST_DATABASE_URL). A suite belongs here when it opens its databases with
// openTestDatabase/openEmptyDatabase, which then clone template databases on that server, or
// reads MAGNA_TEST_DATABASE_URL itself (a race test with a database of its own); suites that need
// PGlite itself (the PostgREST double, pglite-socket, the CLI on a folder, the console app on its
// embedded workspace, the embedded worker thread) open it with openEmbedded… and stay in the
// PGlite run.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

const dir = path.resolve(import.meta.dirname, 'tests', 'integration');
const onBoth = readdirSync(dir)
  .filter((f) => f.endsWith('.test.ts') && /\bopen(?:Test|Empty)Database\(|\bMAGNA_TEST_DATABASE_URL\b/.test(readFileSync(path.join(dir, f), 'utf8')))
  .map((f) => `tests/integration/${f}`);

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: onBoth,
    globalSetup: ['tests/support/real-server-setup.ts'],
  },
});
