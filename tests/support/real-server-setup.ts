// Global setup of the real-server run (vitest.real-postgres.config.ts): only the server's
// template databases, since every suite of that run opens its databases there.
import type { TestProject } from 'vitest/node';
import { setupServer } from './global-setup';
import { REAL_SERVER_URL } from './test-database';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!REAL_SERVER_URL) throw new Error('The real-server run needs MAGNA_TEST_DATABASE_URL (see the README).');
  return setupServer(project);
}
