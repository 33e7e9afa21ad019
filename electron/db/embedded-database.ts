// The embedded workspace: PGlite (WASM Postgres) with pgvector and pg_trgm, in a data folder.
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Mutex, type SqlConnection, type SqlParam } from './sql-connection';

export async function openPglite(dataDir?: string): Promise<PGlite> {
  return PGlite.create({ dataDir, extensions: { vector, pg_trgm } });
}

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

class PgliteSession implements SqlConnection {
  readonly kind = 'embedded' as const;
  constructor(
    readonly label: string,
    private readonly target: Queryable,
    private readonly root: EmbeddedDatabase | null,
  ) {}

  async query<T extends Record<string, unknown>>(text: string, params: SqlParam[] = []): Promise<T[]> {
    const result = await this.target.query<T>(text, params);
    return result.rows;
  }

  async execute(statement: string): Promise<void> {
    await this.target.exec(statement);
  }

  async transaction<T>(fn: (tx: SqlConnection) => Promise<T>): Promise<T> {
    if (!this.root) throw new Error('Nested transactions are not supported.');
    return this.root.transaction(fn);
  }

  async withExclusiveLock<T>(key: bigint, fn: () => Promise<T>): Promise<T> {
    if (!this.root) throw new Error('Locks are taken outside transactions.');
    return this.root.withExclusiveLock(key, fn);
  }

  async close(): Promise<void> {}
}

export class EmbeddedDatabase implements SqlConnection {
  readonly kind = 'embedded' as const;
  private readonly locks = new Map<bigint, Mutex>();
  private readonly session: PgliteSession;

  private constructor(readonly db: PGlite, readonly label: string) {
    this.session = new PgliteSession(label, db, this);
  }

  static async open(dataDir?: string): Promise<EmbeddedDatabase> {
    const db = await openPglite(dataDir);
    return new EmbeddedDatabase(db, dataDir ? `embedded workspace at ${dataDir}` : 'in-memory workspace');
  }

  static wrap(db: PGlite, label = 'embedded workspace'): EmbeddedDatabase {
    return new EmbeddedDatabase(db, label);
  }

  query<T extends Record<string, unknown>>(text: string, params?: SqlParam[]): Promise<T[]> {
    return this.session.query<T>(text, params);
  }

  execute(statement: string): Promise<void> {
    return this.session.execute(statement);
  }

  transaction<T>(fn: (tx: SqlConnection) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(new PgliteSession(this.label, tx, null)));
  }

  /**
   * PGlite is one backend shared by every caller in this process, so a session advisory
   * lock would be re-entrant for everyone here: an in-process mutex serializes instead.
   */
  withExclusiveLock<T>(key: bigint, fn: () => Promise<T>): Promise<T> {
    let mutex = this.locks.get(key);
    if (!mutex) {
      mutex = new Mutex();
      this.locks.set(key, mutex);
    }
    return mutex.run(fn);
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
