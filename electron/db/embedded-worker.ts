// The embedded workspace's thread: PGlite runs its WASM synchronously on the thread that calls
// it, so it lives here and the thread that answers the console's requests only posts messages.
//
// PGlite is one session for every caller, so this thread schedules it: one unit of work at a
// time — a statement, or a whole transaction, held open while its caller on the other side sends
// its queries, until that caller commits or rolls back (nothing else runs meanwhile). Among waiting
// units, transactions declared read-only go first: the console's reads (queue counts, pages) must
// not wait behind a queue of background writes (a backfill's batches), only behind the one unit
// that is running. A unit that has waited AGE_MS goes first whatever it is, so writes never starve.
import { parentPort } from 'node:worker_threads';
import { PGlite, type Results, type Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { serializeError, type WorkerRequest, type WorkerResponse } from './worker-thread';

type Params = unknown[];
/** A statement: on the session, or inside the caller's open transaction `tx`. */
export type Statement = { op: 'query'; text: string; params: Params } | { op: 'exec'; sql: string };
type Request =
  /** `load`: a backup (PGlite's data-folder tarball) to create the folder from. */
  | { id: number; op: 'open'; dataDir: string | null; load?: Uint8Array }
  /** The whole data folder as a gzipped tarball (a backup), taken as one unit on the session. */
  | { id: number; op: 'dump' }
  | ({ id: number; tx: number | null } & Statement)
  /** Starts transaction `tx` (the caller numbers its own) with its first statement. */
  | { id: number; op: 'begin'; tx: number; first: Statement }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'protocol'; message: Uint8Array }
  | { id: number; op: 'close' };

/** What a query answers: the rows, and the rest of PGlite's Results for the escape hatch. */
export type QueryAnswer = Pick<Results, 'rows' | 'fields' | 'affectedRows'>;
/** Every answer says whether the session is left inside a transaction (for the wire-protocol escape hatch). */
export type Answer<T = unknown> = { value: T; inTransaction: boolean };

const AGE_MS = 1000;
const READ_ONLY = /^\s*set\s+transaction\s+read\s+only\s*;?\s*$/i;

const port = parentPort;
if (!port) throw new Error('embedded-worker runs as a worker thread.');

/** PGlite with pgvector and pg_trgm, in a data folder (or in memory without one). */
async function openPglite(dataDir?: string, load?: Uint8Array): Promise<PGlite> {
  return PGlite.create({ dataDir, extensions: { vector, pg_trgm }, ...(load ? { loadDataDir: new Blob([load as Uint8Array<ArrayBuffer>]) } : {}) });
}

let pg: PGlite | null = null;
/** Open transactions by their caller's number: the handle, and how to end them. */
const transactions = new Map<number, { tx: Transaction; end: (commit: boolean, replyTo: number) => void }>();

const reply = (m: WorkerResponse) => port.postMessage(m);
const answer = (id: number, value: unknown) =>
  reply({ id, ok: true, value: { value, inTransaction: pg !== null && !pg.closed && pg.isInTransaction() } satisfies Answer });
const refuse = (id: number, e: unknown) => reply({ id, ok: false, error: serializeError(e) });

function database(): PGlite {
  if (!pg || pg.closed) throw new Error('The embedded database is not open.');
  return pg;
}

const plain = (r: Results): QueryAnswer => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows });

async function run(on: Pick<Transaction, 'query' | 'exec'>, s: Statement): Promise<unknown> {
  return s.op === 'query' ? plain(await on.query(s.text, s.params)) : (await on.exec(s.sql)).map(plain);
}

// ---- the scheduler: one unit at a time on the session ----

type Unit = { readOnly: boolean; queuedAt: number; run: () => Promise<void> };
const waiting: Unit[] = [];
let busy = false;

function schedule(readOnly: boolean, work: () => Promise<void>): void {
  waiting.push({ readOnly, queuedAt: performance.now(), run: work });
  pump();
}

function next(): Unit | undefined {
  const now = performance.now();
  const rank = (u: Unit) => (u.readOnly || now - u.queuedAt >= AGE_MS ? 0 : 1);
  let best = -1;
  for (let i = 0; i < waiting.length; i++) {
    if (best < 0 || rank(waiting[i]!) < rank(waiting[best]!)) best = i;
  }
  return best < 0 ? undefined : waiting.splice(best, 1)[0];
}

function pump(): void {
  if (busy) return;
  const unit = next();
  if (!unit) return;
  busy = true;
  void unit.run().finally(() => {
    busy = false;
    pump();
  });
}

/** A statement on the session, as one unit. */
function statement(id: number, s: Statement): void {
  schedule(false, async () => {
    try {
      answer(id, await run(database(), s));
    } catch (e) {
      refuse(id, e);
    }
  });
}

/**
 * A transaction, as one unit: BEGIN and its first statement (the answer to `begin`), then the
 * caller's statements as they come, until `end` commits or rolls it back.
 */
function transaction(m: Extract<Request, { op: 'begin' }>): void {
  const readOnly = m.first.op === 'exec' && READ_ONLY.test(m.first.sql);
  schedule(readOnly, async () => {
    let endReply = -1;
    let finish: (commit: boolean) => void = () => undefined;
    const ended = new Promise<boolean>((resolve) => (finish = resolve));
    try {
      await database().transaction(async (tx) => {
        transactions.set(m.tx, { tx, end: (commit, replyTo) => ((endReply = replyTo), finish(commit)) });
        // A failing first statement leaves the transaction open (aborted) for its caller to end.
        await run(tx, m.first).then(
          (v) => answer(m.id, v),
          (e: unknown) => refuse(m.id, e),
        );
        if (!(await ended)) await tx.rollback();
      });
      answer(endReply, null);
    } catch (e) {
      // BEGIN failed (nothing to end), or COMMIT did.
      refuse(transactions.has(m.tx) ? endReply : m.id, e);
    } finally {
      transactions.delete(m.tx);
    }
  });
}

function inTransaction(m: { id: number; tx: number } & Statement): void {
  const open = transactions.get(m.tx);
  if (!open) return refuse(m.id, new Error('The transaction has already ended.'));
  run(open.tx, m).then(
    (v) => answer(m.id, v),
    (e: unknown) => refuse(m.id, e),
  );
}

async function handle(m: Request): Promise<void> {
  switch (m.op) {
    case 'open':
      pg = await openPglite(m.dataDir ?? undefined, m.load);
      return answer(m.id, null);
    case 'dump':
      return schedule(false, async () => {
        try {
          const tarball = await database().dumpDataDir('gzip');
          answer(m.id, new Uint8Array(await tarball.arrayBuffer()));
        } catch (e) {
          refuse(m.id, e);
        }
      });
    case 'query':
    case 'exec':
      return m.tx === null ? statement(m.id, m) : inTransaction({ ...m, tx: m.tx });
    case 'begin':
      return transaction(m);
    case 'end': {
      const open = transactions.get(m.tx);
      if (!open) throw new Error('The transaction has already ended.');
      return open.end(m.commit, m.id);
    }
    case 'protocol':
      // The wire protocol (the escape hatch's socket server): a message at a time, as PGlite's runExclusive does.
      return schedule(false, async () => {
        try {
          const db = database();
          const chunks: Uint8Array[] = [];
          await db.runExclusive(() => db.execProtocolRawStream(m.message, { onRawData: (d) => void chunks.push(d.slice()) }));
          answer(m.id, Buffer.concat(chunks));
        } catch (e) {
          refuse(m.id, e);
        }
      });
    case 'close':
      return schedule(false, async () => {
        try {
          if (pg && !pg.closed) await pg.close();
          answer(m.id, null);
        } catch (e) {
          refuse(m.id, e);
        }
      });
    default:
      throw new Error(`Unknown request: ${String((m as { op: unknown }).op)}`);
  }
}

port.on('message', (m: WorkerRequest) => {
  handle(m as Request).catch((e: unknown) => refuse(m.id, e));
});
