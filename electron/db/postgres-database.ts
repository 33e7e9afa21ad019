// A database reached by URL (self-hosted Postgres, Supabase's direct or pooler URL), through
// postgres.js. Messages never contain the URL's password.
import postgres from 'postgres';
import { Redactor } from '../lib/redactor';
import { AdminError, toAdminError } from './admin-error';
import type { ScriptOptions, ScriptStatement, SqlConnection, SqlParam } from './sql-connection';

type Sql = postgres.Sql | postgres.TransactionSql | postgres.ReservedSql;

export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname || ''}`;
  } catch {
    return 'database';
  }
}

/** Removes every occurrence of the URL's password (and the URL itself) from a message. */
export function parseDatabaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AdminError({
      code: 'invalid_database_url',
      message: 'The database URL is not a valid URL.',
      hint: 'Use the form postgresql://user:password@host:5432/database (Supabase: Project Settings > Database > Connection string).',
    });
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new AdminError({
      code: 'invalid_database_url',
      message: `The database URL must start with postgresql:// (it starts with ${parsed.protocol}//).`,
      hint: 'Use the form postgresql://user:password@host:5432/database.',
    });
  }
  return parsed;
}

class PostgresSession implements SqlConnection {
  readonly kind = 'postgres' as const;
  constructor(
    readonly label: string,
    protected readonly sql: Sql,
    private readonly redact: (s: string) => string,
    protected readonly pool: postgres.Sql | null,
  ) {}

  protected wrap(e: unknown): AdminError {
    return toAdminError(e, this.redact);
  }

  async query<T extends Record<string, unknown>>(text: string, params: SqlParam[] = []): Promise<T[]> {
    try {
      const rows = await this.sql.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as T[];
    } catch (e) {
      throw this.wrap(e);
    }
  }

  async execute(statement: string): Promise<void> {
    try {
      await this.sql.unsafe(statement).simple();
    } catch (e) {
      throw this.wrap(e);
    }
  }

  async transaction<T>(fn: (tx: SqlConnection) => Promise<T>): Promise<T> {
    if (!this.pool) throw new Error('Nested transactions are not supported.');
    try {
      return (await this.pool.begin((tx) => fn(new PostgresSession(this.label, tx, this.redact, null)))) as T;
    } catch (e) {
      throw this.wrap(e);
    }
  }

  /**
   * Waits by polling pg_try_advisory_lock, never by blocking in pg_advisory_lock: a session
   * blocked there keeps a snapshot open, and a `create index concurrently` run by the lock's
   * holder waits for every older snapshot — the holder would wait for the waiter, which waits
   * for the holder, through the client, where Postgres's deadlock detector cannot see it.
   */
  async withExclusiveLock<T>(key: bigint, fn: () => Promise<T>): Promise<T> {
    if (!this.pool) throw new Error('Locks are taken outside transactions.');
    const reserved = await this.pool.reserve();
    try {
      for (let delay = 25; ; delay = Math.min(delay * 2, 500)) {
        const [row] = await reserved.unsafe<{ locked: boolean }[]>('select pg_try_advisory_lock($1) as locked', [key.toString()]);
        if (row?.locked) break;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
      try {
        return await fn();
      } finally {
        await reserved.unsafe('select pg_advisory_unlock($1)', [key.toString()]);
      }
    } finally {
      reserved.release();
    }
  }

  async close(): Promise<void> {
    if (this.pool) await this.pool.end({ timeout: 5 });
  }
}

export class PostgresDatabase extends PostgresSession {
  /**
   * A script (runScript in sql-connection.ts): BEGIN, the statements and COMMIT written at once on
   * one reserved connection: the server runs them in order and answers them in order, so the client
   * waits one round trip, not one a statement. After a failure the server refuses the statements
   * after it (the transaction is aborted) and COMMIT rolls back.
   */
  async runScript<T extends Record<string, unknown>>(statements: ScriptStatement[], options: ScriptOptions = {}): Promise<T[]> {
    const reserved = await this.pool!.reserve();
    try {
      const sent = [
        reserved.unsafe(options.readOnly ? 'begin read only' : 'begin'),
        ...statements.map((s) =>
          'execute' in s ? reserved.unsafe(s.execute) : reserved.unsafe(s.text, (s.params ?? []) as postgres.ParameterOrJSON<never>[]),
        ),
        reserved.unsafe('commit'),
      ];
      const settled = await Promise.allSettled(sent);
      const failed = settled.find((r) => r.status === 'rejected');
      if (failed) {
        // COMMIT has rolled back an aborted transaction; a failed COMMIT leaves nothing open either.
        await reserved.unsafe('rollback').catch(() => undefined);
        throw this.wrap(failed.reason);
      }
      const last = settled.at(-2) as PromiseFulfilledResult<unknown[]>;
      return ('execute' in statements.at(-1)! ? [] : [...last.value]) as T[];
    } finally {
      reserved.release();
    }
  }

  static async connect(url: string, options: { connectTimeoutSeconds?: number; max?: number } = {}): Promise<PostgresDatabase> {
    parseDatabaseUrl(url);
    const redact = Redactor.of(url).fn;
    const sql = postgres(url, {
      max: options.max ?? 4,
      connect_timeout: options.connectTimeoutSeconds ?? 10,
      onnotice: () => undefined,
      prepare: false, // works behind Supabase's transaction pooler (port 6543) too
      connection: { application_name: 'magna-console' },
    });
    const db = new PostgresDatabase(describeDatabaseUrl(url), sql, redact, sql);
    try {
      await sql`select 1`;
    } catch (e) {
      await sql.end({ timeout: 1 }).catch(() => undefined);
      const err = toAdminError(e, redact);
      if (err.code === '28P01') {
        throw new AdminError({
          code: err.code,
          message: 'The database rejected the user name or password.',
          hint: 'Check the credentials in the database URL.',
        });
      }
      if (err.code === 'connection_failed') {
        throw new AdminError({ code: err.code, message: `Could not connect to the database at ${describeDatabaseUrl(url)}.`, hint: err.hint });
      }
      if (err.code === '3D000') {
        throw new AdminError({
          code: err.code,
          message: err.message,
          hint: 'Check the database name at the end of the URL (Supabase uses /postgres).',
        });
      }
      throw err;
    }
    return db;
  }
}
