// A direct SQL connection: the embedded PGlite workspace or a Postgres URL. The migration
// runner, the demo-data generator and the SQL admin gateway all work through this.

export type SqlParam = string | number | boolean | null | Date | SqlParam[] | { [key: string]: unknown };

export interface SqlConnection {
  readonly kind: 'embedded' | 'postgres';
  /** A human label without secrets: a folder or host/database. */
  readonly label: string;
  query<T extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: SqlParam[]): Promise<T[]>;
  /** One statement without parameters (DDL from migration files). */
  execute(statement: string): Promise<void>;
  /** Runs `fn` in one transaction on one session; rolls back when it throws. */
  transaction<T>(fn: (tx: SqlConnection) => Promise<T>): Promise<T>;
  /** Runs `fn` holding a session-level lock that other processes on this database respect. */
  withExclusiveLock<T>(key: bigint, fn: () => Promise<T>): Promise<T>;
  /** Where a connection can send a whole script at once (see {@link runScript}). */
  runScript?<T extends Record<string, unknown>>(statements: ScriptStatement[], options?: ScriptOptions): Promise<T[]>;
  close(): Promise<void>;
}

/** A statement of a script: a query with its parameters, or one without (`execute`). */
export type ScriptStatement = { text: string; params?: SqlParam[] } | { execute: string };
/** `readOnly`: the transaction is read only (and, on the embedded workspace, served before waiting writes). */
export type ScriptOptions = { readOnly?: boolean };

/**
 * Runs `statements` in order in one transaction and returns the last one's rows (rolled back if
 * one fails), for statements that need no answer before the next. A connection that can send the
 * whole script at once does: a server gets BEGIN, the statements and COMMIT in one round trip; the
 * embedded workspace gets one message to its worker, so its one session is held while the
 * statements run, not also across a round trip between threads after each.
 */
export async function runScript<T extends Record<string, unknown>>(
  db: SqlConnection,
  statements: ScriptStatement[],
  options: ScriptOptions = {},
): Promise<T[]> {
  if (db.runScript) return db.runScript<T>(statements, options);
  return db.transaction(async (tx) => {
    if (options.readOnly) await tx.execute('set transaction read only');
    let rows: T[] = [];
    for (const s of statements) {
      if ('execute' in s) {
        await tx.execute(s.execute);
        rows = [];
      } else rows = await tx.query<T>(s.text, s.params ?? []);
    }
    return rows;
  });
}

/** Serializes async work in one process (PGlite has one session shared by everything). */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
