// A direct SQL connection: the embedded PGlite workspace or a Postgres URL. The migration
// runner, the demo-data generator and the SQL admin gateway all work through this.

export type SqlParam = string | number | boolean | null | Date | SqlParam[] | { [key: string]: unknown };

export type PipelinedStatement = { text: string; params?: SqlParam[] };

export interface SqlConnection {
  readonly kind: 'embedded' | 'postgres';
  /** A human label without secrets: a folder or host/database. */
  readonly label: string;
  query<T extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: SqlParam[]): Promise<T[]>;
  /** One statement without parameters (DDL from migration files). */
  execute(statement: string): Promise<void>;
  /** Runs `fn` in one transaction on one session; rolls back when it throws. */
  transaction<T>(fn: (tx: SqlConnection) => Promise<T>): Promise<T>;
  /**
   * A server's alternative to transaction() for statements that need no answer before the next:
   * all of them in one transaction, sent together (one round trip), each one's rows in order.
   * The first failure is thrown and nothing is kept. Absent where there is no network to save.
   */
  pipelinedTransaction?(statements: PipelinedStatement[], options?: { readOnly?: boolean }): Promise<Record<string, unknown>[][]>;
  /** Runs `fn` holding a session-level lock that other processes on this database respect. */
  withExclusiveLock<T>(key: bigint, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
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
