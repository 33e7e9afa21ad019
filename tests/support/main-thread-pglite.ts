// A PGlite on the test's own thread, for the few harnesses that need PGlite's own API beyond
// what the workspace's worker forwards — the PostgREST double LISTENs for `NOTIFY pgrst`.
// A copy of a migrated template, removed on dispose.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { TEMPLATE_ROOT, type TemplateKind } from './test-database';

export async function openMainThreadPglite(kind: TemplateKind): Promise<{ pg: PGlite; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `magna-pglite-${kind}-`));
  await cp(path.join(TEMPLATE_ROOT, kind), dir, { recursive: true });
  const pg = await PGlite.create({ dataDir: dir, extensions: { vector, pg_trgm } });
  return {
    pg,
    dispose: async () => {
      await pg.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
