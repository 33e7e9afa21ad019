// Real Postgres for tests: PGlite with pgvector. Migrated once into template folders by the
// global setup; each test file opens its own copy (opening a folder is far faster than
// creating and migrating one).
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedDatabase } from '../../electron/db/embedded-database';

export type TemplateKind = 'bare' | 'supabase-like' | 'demo';

export const TEMPLATE_ROOT = path.resolve(import.meta.dirname, '..', '..', '.cache', 'test-templates');
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '..', '..', 'supabase', 'migrations');

export type TestDatabase = { db: EmbeddedDatabase; dir: string; dispose: () => Promise<void> };

export async function openTestDatabase(kind: TemplateKind): Promise<TestDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `magna-${kind}-`));
  await cp(path.join(TEMPLATE_ROOT, kind), dir, { recursive: true });
  const db = await EmbeddedDatabase.open(dir);
  return {
    db,
    dir,
    dispose: async () => {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function openEmptyDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'magna-empty-'));
  const db = await EmbeddedDatabase.open(dir);
  return { db, dir, dispose: async () => { await db.close(); await rm(dir, { recursive: true, force: true }); } };
}

/** What hosted Supabase has before any project migration: roles, auth helpers, default grants. */
export const SUPABASE_LIKE_SETUP = `
create role anon nologin noinherit;
create role authenticated nologin noinherit;
create role service_role nologin noinherit bypassrls;
create role authenticator noinherit login;
grant anon, authenticated, service_role to authenticator;
create schema extensions;
grant usage on schema extensions to anon, authenticated, service_role;
grant usage on schema public to anon, authenticated, service_role;
create schema auth;
grant usage on schema auth to anon, authenticated, service_role;
create function auth.uid() returns uuid language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
                  (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::uuid $$;
create function auth.role() returns text language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claim.role', true), ''),
                  (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'))::text $$;
create function auth.jwt() returns jsonb language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claim', true), ''),
                  nullif(current_setting('request.jwt.claims', true), ''))::jsonb $$;
grant execute on function auth.uid(), auth.role(), auth.jwt() to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
`;

/** Runs fn as a PostgREST request would: in a transaction, with the role and JWT claims set. */
export async function asRole<T>(
  db: EmbeddedDatabase,
  role: 'anon' | 'authenticated' | 'service_role',
  sub: string | null,
  fn: (tx: import('../../electron/db/sql-connection').SqlConnection) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const claims = JSON.stringify(sub ? { role, sub } : { role });
    await tx.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [role, claims]);
    return fn(tx);
  });
}
