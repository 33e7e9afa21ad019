// The migrations produce exactly the functions and views declared under supabase/schemas/ — same
// definition, grants, settings and comment, nothing missing, nothing undeclared — and the check
// bites: a declaration edited without a migration fails it, naming the file.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findDeclarationDrift, formatDrift } from '../support/declaration-drift';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

const SCHEMAS_DIR = path.resolve(import.meta.dirname, '..', '..', 'supabase', 'schemas');

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

async function migrated(): Promise<TestDatabase> {
  const t = await openTestDatabase('bare');
  cleanup.push(() => t.dispose());
  return t;
}

/** A copy of supabase/schemas/ under <tmp>/supabase/schemas, changed by `edit`. */
async function editedSchemas(edit: (dir: string) => Promise<void>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'magna-schemas-'));
  cleanup.push(() => rm(root, { recursive: true, force: true }));
  const dir = path.join(root, 'supabase', 'schemas');
  await cp(SCHEMAS_DIR, dir, { recursive: true });
  await edit(dir);
  return dir;
}

async function replaceIn(file: string, from: string, to: string): Promise<void> {
  const sql = await readFile(file, 'utf8');
  expect(sql, `${file} should contain ${from}`).toContain(from);
  await writeFile(file, sql.replace(from, to));
}

describe('declarations', () => {
  it('are exactly what the migrations create: definitions, grants, settings and comments', async () => {
    const t = await migrated();
    const problems = await findDeclarationDrift(t.db, SCHEMAS_DIR);
    expect(problems, formatDrift(problems)).toEqual([]);
  });

  it('a function edited without a migration fails the check, naming its file', async () => {
    const dir = await editedSchemas((d) =>
      replaceIn(path.join(d, 'moderation', 'admin_moderate_videos.sql'), "'A rejection needs a reason.'", "'Say why you reject it.'"),
    );
    const problems = await findDeclarationDrift((await migrated()).db, dir);
    expect(problems).toEqual([
      {
        file: 'supabase/schemas/moderation/admin_moderate_videos.sql',
        object: 'public.admin_moderate_videos(uuid, text, jsonb, text, text)',
        problem: expect.stringContaining('differs from what the migrations create (definition)'),
      },
    ]);
    expect(formatDrift(problems)).toMatch(/^supabase\/schemas\/moderation\/admin_moderate_videos\.sql: /);
  });

  it('a grant or a comment removed from a file fails the check too', async () => {
    const dir = await editedSchemas(async (d) => {
      await replaceIn(
        path.join(d, 'foundation', 'keyset_page.sql'),
        'grant execute on function private.keyset_page(jsonb, integer, text[]) to service_role;\n',
        '',
      );
      const file = path.join(d, 'taxonomy', 'admin_tag_page.sql');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^comment on function .*\n/m, ''));
    });
    const problems = await findDeclarationDrift((await migrated()).db, dir);
    expect(problems.map((p) => [p.file, p.problem.match(/\(([^)]*)\)/)?.[1]])).toEqual([
      ['supabase/schemas/foundation/keyset_page.sql', 'grants'],
      ['supabase/schemas/taxonomy/admin_tag_page.sql', 'comment'],
    ]);
  });

  it('a declaration no migration creates, and a function no file declares, fail the check', async () => {
    const dir = await editedSchemas(async (d) => {
      await rm(path.join(d, 'moderation', 'admin_release_claim.sql'));
      await writeFile(
        path.join(d, 'moderation', 'admin_claims_held.sql'),
        `-- Admin API: how many claims an operator holds.
create or replace function public.admin_claims_held(p_operator uuid)
returns integer
language sql
stable
set search_path = ''
as $$
  select count(*)::integer from public.moderation_claims where operator_id = p_operator
$$;
comment on function public.admin_claims_held(uuid) is 'Admin: how many claims an operator holds.';
revoke execute on function public.admin_claims_held(uuid) from public, anon, authenticated;
grant execute on function public.admin_claims_held(uuid) to service_role;
`,
      );
    });
    const problems = await findDeclarationDrift((await migrated()).db, dir);
    expect(problems).toEqual([
      {
        file: 'supabase/schemas/moderation/admin_claims_held.sql',
        object: 'public.admin_claims_held(uuid)',
        problem: expect.stringContaining('no migration creates it'),
      },
      { file: null, object: 'public.admin_release_claim(uuid, text, uuid)', problem: expect.stringContaining('declared in no file') },
    ]);
  });
});
