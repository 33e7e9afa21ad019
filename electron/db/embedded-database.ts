// The embedded workspace: PGlite (WASM Postgres) with pgvector and pg_trgm, in a data folder.
// PGlite runs on a worker thread (embedded-worker.ts), so a long query never blocks the thread
// that answers the console's requests; this side keeps the SqlConnection interface and forwards
// every call. The folder is locked for this process first (workspace-lock.ts).
import type { PGlite } from '@electric-sql/pglite';
import { AdminError } from './admin-error';
import { chargeSessionTime, isBackground } from './background-work';
import type { Answer, QueryAnswer, SchedulerStats, Statement } from './embedded-worker';
import { pgliteEscapeHatch } from './embedded-escape-hatch';
import { Mutex, type ScriptOptions, type ScriptStatement, type SqlConnection, type SqlParam } from './sql-connection';
import { startWorker, WorkerClient } from './worker-thread';
import { WorkspaceLock, type WorkspaceProgram } from './workspace-lock';

export type OpenOptions = {
  /** Who is opening it: named to a second opener, which is refused (default 'process'). */
  program?: WorkspaceProgram;
  /** A backup (from {@link EmbeddedDatabase.dump}) to create the new folder from. */
  load?: Uint8Array;
};

/**
 * Where calls go: the whole session, or one transaction of it. A transaction begins with its
 * first statement (sent together, so the worker knows what it is scheduling: a transaction that
 * starts `set transaction read only` is served before waiting writes).
 */
type Route = { tx: null } | { tx: number; begun: Promise<unknown> | null };

/** Requests to the worker's PGlite session, as the main thread and the escape hatch make them. */
export class EmbeddedChannel {
  private lost: AdminError | null = null;
  private nextTx = 1;
  /** Whether the session was inside a transaction after the last answer (for the escape hatch). */
  inTransaction = false;

  constructor(
    private readonly client: WorkerClient,
    readonly label: string,
  ) {}

  async send<T>(message: { op: string; [key: string]: unknown }): Promise<T> {
    if (this.lost) throw this.lost;
    const answer = await this.client.request<Answer<T>>(message);
    this.inTransaction = answer.inTransaction;
    if (answer.heldMs !== undefined) chargeSessionTime(answer.heldMs);
    return answer.value;
  }

  private async statement<T>(s: Statement, route: Route): Promise<T> {
    // Background work waits for the console's calls: the worker schedules it last.
    if (route.tx === null) return this.send<T>({ ...s, tx: null, background: isBackground() });
    if (!route.begun) {
      route.begun = this.send<T>({ op: 'begin', tx: route.tx, first: s, background: isBackground() });
      return route.begun as Promise<T>;
    }
    // Statements of one transaction run in order, after its BEGIN (which may be queued).
    await route.begun.catch(() => undefined);
    return this.send<T>({ ...s, tx: route.tx });
  }

  query(text: string, params: SqlParam[], route: Route): Promise<QueryAnswer> {
    return this.statement<QueryAnswer>({ op: 'query', text, params }, route);
  }

  exec(sql: string, route: Route): Promise<QueryAnswer[]> {
    return this.statement<QueryAnswer[]>({ op: 'exec', sql }, route);
  }

  /**
   * Runs `fn` inside one transaction held open by the worker: nothing else runs on the session
   * until it ends, so its queries are never interleaved with other callers'. Commits when `fn`
   * resolves, rolls back when it throws.
   */
  async transaction<T>(fn: (route: Route) => Promise<T>): Promise<T> {
    const route: Route = { tx: this.nextTx++, begun: null };
    const end = async (commit: boolean) => {
      if (!route.begun) return; // no statement was made: there is nothing to end
      await route.begun.catch(() => undefined);
      await this.send({ op: 'end', tx: route.tx, commit });
    };
    let result: T;
    try {
      result = await fn(route);
    } catch (e) {
      await end(false).catch(() => undefined);
      throw e;
    }
    await end(true);
    return result;
  }

  /** A script in one message: one unit on the session, one transaction; the last statement's answer. */
  script(statements: ScriptStatement[]): Promise<QueryAnswer | QueryAnswer[]> {
    const message = statements.map((s): Statement =>
      'execute' in s ? { op: 'exec', sql: s.execute } : { op: 'query', text: s.text, params: s.params ?? [] },
    );
    return this.send({ op: 'script', statements: message, background: isBackground() });
  }

  /** From now on every call fails with `reason` (the workspace lock was lost). */
  stop(reason: AdminError): void {
    this.lost ??= reason;
  }
}

class EmbeddedSession implements SqlConnection {
  readonly kind = 'embedded' as const;
  private ended = false;

  constructor(
    private readonly channel: EmbeddedChannel,
    private readonly route: Route,
  ) {}

  get label(): string {
    return this.channel.label;
  }

  private check(): void {
    if (this.ended) throw new Error('The transaction has already ended: use the connection it was opened on.');
  }

  async query<T extends Record<string, unknown>>(text: string, params: SqlParam[] = []): Promise<T[]> {
    this.check();
    return (await this.channel.query(text, params, this.route)).rows as T[];
  }

  async execute(statement: string): Promise<void> {
    this.check();
    await this.channel.exec(statement, this.route);
  }

  async transaction<T>(): Promise<T> {
    throw new Error('Nested transactions are not supported.');
  }

  async withExclusiveLock<T>(): Promise<T> {
    throw new Error('Locks are taken outside transactions.');
  }

  end(): void {
    this.ended = true;
  }

  async close(): Promise<void> {}
}

export class EmbeddedDatabase implements SqlConnection {
  readonly kind = 'embedded' as const;
  private readonly locks = new Map<bigint, Mutex>();
  private closing: Promise<void> | null = null;
  private hatch: PGlite | null = null;

  private constructor(
    private readonly client: WorkerClient,
    private readonly channel: EmbeddedChannel,
    private readonly lock: WorkspaceLock | null,
  ) {}

  get label(): string {
    return this.channel.label;
  }

  /**
   * Opens the workspace in `dataDir` (created when missing; in memory without one) on its own
   * worker thread, after taking the folder's lock: a folder another process holds is refused with
   * `workspace_locked` naming that process.
   */
  static async open(dataDir?: string, options: OpenOptions = {}): Promise<EmbeddedDatabase> {
    const label = dataDir ? `embedded workspace at ${dataDir}` : 'in-memory workspace';
    let db: EmbeddedDatabase | null = null;
    const lock = dataDir ? await WorkspaceLock.acquire(dataDir, options.program ?? 'process', () => void db?.lockLost()) : null;
    const client = new WorkerClient(startWorker('embedded-worker', import.meta.dirname, null), `worker thread of the ${label}`);
    const channel = new EmbeddedChannel(client, label);
    try {
      await channel.send({ op: 'open', dataDir: dataDir ?? null, ...(options.load ? { load: options.load } : {}) });
    } catch (e) {
      await client.terminate().catch(() => undefined);
      await lock?.release().catch(() => undefined);
      throw e;
    }
    db = new EmbeddedDatabase(client, channel, lock);
    // A worker that dies (a WASM crash) takes PGlite with it: the folder is free for the next
    // opener, which recovers it as Postgres does after a crash.
    client.worker.once('exit', () => void (db?.closing ? undefined : lock?.release().catch(() => undefined)));
    return db;
  }

  /**
   * PGlite's own API for test harnesses that need it (the wire-protocol socket server, the
   * PostgREST double): a stand-in that forwards to the worker's PGlite, not the instance itself.
   */
  get db(): PGlite {
    this.hatch ??= pgliteEscapeHatch(this.channel, () => this.closing !== null);
    return this.hatch;
  }

  /** The whole workspace as a gzipped tarball (PGlite's dumpDataDir), consistent: one unit on the session. */
  async dump(): Promise<Uint8Array> {
    return new Uint8Array(await this.channel.send<Uint8Array>({ op: 'dump' }));
  }

  async query<T extends Record<string, unknown>>(text: string, params: SqlParam[] = []): Promise<T[]> {
    return (await this.channel.query(text, params, { tx: null })).rows as T[];
  }

  async execute(statement: string): Promise<void> {
    await this.channel.exec(statement, { tx: null });
  }

  transaction<T>(fn: (tx: SqlConnection) => Promise<T>): Promise<T> {
    return this.channel.transaction(async (route) => {
      const session = new EmbeddedSession(this.channel, route);
      try {
        return await fn(session);
      } finally {
        session.end();
      }
    });
  }

  /** The statements in one transaction, sent to the worker in one message (see runScript in sql-connection.ts). */
  async runScript<T extends Record<string, unknown>>(statements: ScriptStatement[], options: ScriptOptions = {}): Promise<T[]> {
    // Read-only is the script's first statement of its own: the worker serves such a transaction before waiting writes.
    const answer = await this.channel.script(options.readOnly ? [{ execute: 'set transaction read only' }, ...statements] : statements);
    // An exec answers one result per statement it held; a query, its rows.
    return (Array.isArray(answer) ? [] : answer.rows) as T[];
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

  /** Another process took the folder (this one stopped refreshing its lock): stop at once, write nothing more. */
  private lockLost(): void {
    this.channel.stop(
      new AdminError({
        code: 'workspace_lock_lost',
        message: `This process lost the lock on the ${this.label}, so it stopped using it to keep it from being corrupted.`,
        hint: 'Close every other console and CLI using that folder, then reopen it.',
      }),
    );
    this.closing ??= this.client.terminate('The workspace lock was lost.');
  }

  /** How long calls waited for the one session and held it, by kind and admin function, since the last reset. */
  schedulerStats(reset = false): Promise<SchedulerStats> {
    return this.channel.send<SchedulerStats>({ op: 'stats', reset });
  }

  /** Closes PGlite (it writes everything out), stops the worker, then releases the folder. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        if (this.client.alive) await this.channel.send({ op: 'close' });
      } finally {
        await this.client.terminate();
        await this.lock?.release();
      }
    })();
    return this.closing;
  }
}
