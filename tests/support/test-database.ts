// Real Postgres for tests. By default PGlite with pgvector: migrated once into template folders
// by the global setup; each test file opens its own copy (opening a folder is far faster than
// creating and migrating one). With MAGNA_TEST_DATABASE_URL set, a real PostgreSQL server: the
// global setup builds template databases there, and each test file gets a fresh database
// cloned from one (`create database … template …`), dropped again by dispose().
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { EmbeddedDatabase } from '../../electron/db/embedded-database';
import { PostgresDatabase } from '../../electron/db/postgres-database';
import type { SqlConnection } from '../../electron/db/sql-connection';

export type TemplateKind = 'bare' | 'supabase-like' | 'demo';
export const TEMPLATE_KINDS: TemplateKind[] = ['bare', 'supabase-like', 'demo'];

export const TEMPLATE_ROOT = path.resolve(import.meta.dirname, '..', '..', '.cache', 'test-templates');
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '..', '..', 'supabase', 'migrations');

/** The server the SQL suites run against instead of PGlite, when set (a maintenance database such as /postgres). */
export const REAL_SERVER_URL = process.env.MAGNA_TEST_DATABASE_URL || null;
export const realServer = REAL_SERVER_URL !== null;
/** Why a test that needs separate connections is skipped, for its name and the log. */
export const NEEDS_REAL_SERVER = 'needs a real PostgreSQL server (PGlite has one session): set MAGNA_TEST_DATABASE_URL, see the README';

export type TestDatabase = {
  db: SqlConnection;
  backend: 'pglite' | 'postgres';
  /**
   * Another connection (its own pool) to the same database, closed by dispose(): for tests of
   * two operators, two workers or two migrators at once. Throws on PGlite, which has one session.
   */
  connect: () => Promise<PostgresDatabase>;
  dispose: () => Promise<void>;
};

/** A PGlite copy, for suites that need PGlite itself (the PostgREST double, pglite-socket, the CLI on a folder). */
export type EmbeddedTestDatabase = { db: EmbeddedDatabase; dir: string; dispose: () => Promise<void> };

/**
 * On a server, a template database per kind and per fingerprint of the migrations and demo data:
 * checkouts with different migrations can share one server without rebuilding each other's
 * templates under each other's feet.
 */
export const templateDatabaseName = (kind: TemplateKind, fingerprint: string) =>
  `magna_template_${kind.replace('-', '_')}_${fingerprint.slice(0, 12)}`;

/** Names of a run's test databases start with this (the run id starts with its start time in seconds). */
export const testDatabasePrefix = (runId: string) => `magna_test_${runId}_`;

/** `url` with its database name replaced. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run in a
 * transaction). Two connections: one may hold an advisory lock while the other works.
 */
export async function onServer<T>(fn: (admin: PostgresDatabase) => Promise<T>): Promise<T> {
  const admin = await PostgresDatabase.connect(REAL_SERVER_URL!, { max: 2 });
  try {
    return await fn(admin);
  } finally {
    await admin.close();
  }
}

export async function dropDatabase(admin: SqlConnection, name: string): Promise<void> {
  // `with (force)` ends connections a failed test left open (PostgreSQL 13+).
  await admin.execute(`drop database if exists ${quoteIdent(name)} with (force)`);
}

async function openServerDatabase(template: string, options: { searchPath?: string }): Promise<TestDatabase> {
  const name = `${testDatabasePrefix(inject('magnaTestServer').runId)}${randomBytes(6).toString('hex')}`;
  await onServer(async (admin) => {
    await admin.execute(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`);
    // Every connection of every pool gets it, as `set` on PGlite's one session does.
    if (options.searchPath) await admin.execute(`alter database ${quoteIdent(name)} set search_path = ${options.searchPath}`);
  });
  const url = databaseUrl(REAL_SERVER_URL!, name);
  const connections: PostgresDatabase[] = [];
  const connect = async () => {
    const db = await PostgresDatabase.connect(url);
    connections.push(db);
    return db;
  };
  const db = await connect();
  return {
    db,
    backend: 'postgres',
    connect,
    dispose: async () => {
      await Promise.all(connections.map((c) => c.close().catch(() => undefined)));
      await onServer((admin) => dropDatabase(admin, name));
    },
  };
}

function pgliteOnly(t: EmbeddedTestDatabase): TestDatabase {
  return {
    db: t.db,
    backend: 'pglite',
    connect: () => Promise.reject(new Error(`A second connection ${NEEDS_REAL_SERVER}.`)),
    dispose: t.dispose,
  };
}

/**
 * A fresh database of that kind: on the real server when MAGNA_TEST_DATABASE_URL is set, else a
 * PGlite copy. `searchPath` stands for a session `set search_path`, which on a server's pool
 * would reach only one of its connections.
 */
export async function openTestDatabase(kind: TemplateKind, options: { searchPath?: string } = {}): Promise<TestDatabase> {
  if (realServer) return openServerDatabase(templateDatabaseName(kind, inject('magnaTestServer').fingerprint), options);
  const t = pgliteOnly(await openEmbeddedTestDatabase(kind));
  if (options.searchPath) await t.db.execute(`set search_path = ${options.searchPath}`);
  return t;
}

/** A database without any migration: on the real server when MAGNA_TEST_DATABASE_URL is set, else PGlite. */
export async function openEmptyDatabase(): Promise<TestDatabase> {
  if (realServer) return openServerDatabase('template0', {});
  return pgliteOnly(await openEmbeddedEmptyDatabase());
}

/** Always PGlite, whatever MAGNA_TEST_DATABASE_URL says. */
export async function openEmbeddedTestDatabase(kind: TemplateKind): Promise<EmbeddedTestDatabase> {
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

/** Always PGlite, whatever MAGNA_TEST_DATABASE_URL says. */
export async function openEmbeddedEmptyDatabase(): Promise<EmbeddedTestDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'magna-empty-'));
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

/**
 * What hosted Supabase has before any project migration: roles, auth helpers, default grants.
 * Roles belong to the whole server, not to one database: on a real server they may exist
 * already (an earlier template, another project's tests). Every step is guarded, like the
 * bootstrap migration, so it creates exactly this on PGlite and only what is missing elsewhere.
 */
export const SUPABASE_LIKE_SETUP = `
do $roles$
begin
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'authenticator') then
    create role authenticator noinherit login;
  end if;
  if not pg_catalog.pg_has_role('authenticator', 'anon', 'member')
     or not pg_catalog.pg_has_role('authenticator', 'authenticated', 'member')
     or not pg_catalog.pg_has_role('authenticator', 'service_role', 'member') then
    grant anon, authenticated, service_role to authenticator;
  end if;
end
$roles$;
create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;
grant usage on schema public to anon, authenticated, service_role;
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;
do $auth$
begin
  if pg_catalog.to_regprocedure('auth.uid()') is null then
    create function auth.uid() returns uuid language sql stable as $fn$
      select coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
                      (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::uuid $fn$;
  end if;
  if pg_catalog.to_regprocedure('auth.role()') is null then
    create function auth.role() returns text language sql stable as $fn$
      select coalesce(nullif(current_setting('request.jwt.claim.role', true), ''),
                      (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'))::text $fn$;
  end if;
  if pg_catalog.to_regprocedure('auth.jwt()') is null then
    create function auth.jwt() returns jsonb language sql stable as $fn$
      select coalesce(nullif(current_setting('request.jwt.claim', true), ''),
                      nullif(current_setting('request.jwt.claims', true), ''))::jsonb $fn$;
  end if;
end
$auth$;
grant execute on function auth.uid(), auth.role(), auth.jwt() to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
`;

/** Runs fn as a PostgREST request would: in a transaction, with the role and JWT claims set. */
export async function asRole<T>(
  db: SqlConnection,
  role: 'anon' | 'authenticated' | 'service_role',
  sub: string | null,
  fn: (tx: SqlConnection) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const claims = JSON.stringify(sub ? { role, sub } : { role });
    await tx.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [role, claims]);
    return fn(tx);
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by the global setup when MAGNA_TEST_DATABASE_URL is: this run's id and the templates' fingerprint. */
    magnaTestServer: { runId: string; fingerprint: string };
  }
}
