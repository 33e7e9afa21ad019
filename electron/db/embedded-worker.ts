// The embedded workspace's thread: PGlite runs its WASM synchronously on the thread that calls
// it, so it lives here and the thread that answers the console's requests only posts messages.
//
// PGlite is one session for every caller, so this thread schedules it: one unit of work at a
// time — a statement, or a whole transaction, held open while its caller on the other side sends
// its queries, until that caller commits or rolls back (nothing else runs meanwhile). Among waiting
// units, the console's own calls go before background work (a backfill's leases and batches, sent
// from inside `inBackground`, background-work.ts), and among the console's calls, transactions
// declared read-only go first: a console read waits only for the one unit that is running, never
// for a queue of background statements. A unit that has waited AGE_MS goes first whatever it is,
// so neither writes nor background work starve.
//
// The thread also keeps figures of its own: how long each unit waited for the session and how long
// it held it, by kind and by admin function (`stats`), so a slow console can be explained.
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
  | ({ id: number; tx: number | null; background?: boolean } & Statement)
  /** Starts transaction `tx` (the caller numbers its own) with its first statement. */
  | { id: number; op: 'begin'; tx: number; first: Statement; background?: boolean }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  /** Statements run in order in one transaction, as one unit; answers the last one's result. */
  | { id: number; op: 'script'; statements: Statement[]; background?: boolean }
  | { id: number; op: 'protocol'; message: Uint8Array }
  | { id: number; op: 'stats'; reset: boolean }
  | { id: number; op: 'close' };

/** What a query answers: the rows, and the rest of PGlite's Results for the escape hatch. */
export type QueryAnswer = Pick<Results, 'rows' | 'fields' | 'affectedRows'>;
/**
 * Every answer says whether the session is left inside a transaction (for the wire-protocol escape
 * hatch); the answer that ends a unit also says how long the unit held the session (`heldMs`: a
 * statement's run, a transaction's BEGIN to COMMIT), so a caller can size its work by its own
 * cost on the session, not by the time it spent queued behind others.
 */
export type Answer<T = unknown> = { value: T; inTransaction: boolean; heldMs?: number };

const AGE_MS = 1000;
const READ_ONLY = /^\s*set\s+transaction\s+read\s+only\s*;?\s*$/i;
/** Whether a transaction starts `set transaction read only` (a console read, served before waiting writes). */
const startsReadOnly = (first: Statement | undefined): boolean => first?.op === 'exec' && READ_ONLY.test(first.sql);

const port = parentPort;
if (!port) throw new Error('embedded-worker runs as a worker thread.');

/** PGlite with pgvector and pg_trgm, in a data folder (or in memory without one). */
async function openPglite(dataDir?: string, load?: Uint8Array): Promise<PGlite> {
  return PGlite.create({ dataDir, extensions: { vector, pg_trgm }, ...(load ? { loadDataDir: new Blob([load as Uint8Array<ArrayBuffer>]) } : {}) });
}

let pg: PGlite | null = null;
/** Open transactions by their caller's number: the handle, and how to end them. */
const transactions = new Map<number, { tx: Transaction; end: (commit: boolean, replyTo: number) => void; unit: { label: string } }>();

const reply = (m: WorkerResponse) => port.postMessage(m);
const answer = (id: number, value: unknown, heldMs?: number) =>
  reply({
    id,
    ok: true,
    value: { value, inTransaction: pg !== null && !pg.closed && pg.isInTransaction(), ...(heldMs === undefined ? {} : { heldMs }) } satisfies Answer,
  });
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

/** How urgent a unit is: the console's reads, then its writes, then background work. */
export type UnitKind = 'read' | 'write' | 'background';
const RANK: Record<UnitKind, number> = { read: 0, write: 1, background: 2 };

type Unit = { kind: UnitKind; label: string; queuedAt: number; run: () => Promise<void> };
const waiting: Unit[] = [];
let busy = false;

/** Waits for the session and times it held, per kind and per admin function (since the last reset). */
export type SchedulerStats = {
  byKind: Record<UnitKind, { units: number; waitMs: number[]; heldMs: number[] }>;
  byLabel: Record<string, { units: number; heldMs: number[] }>;
};
const emptyStats = (): SchedulerStats => ({
  byKind: {
    read: { units: 0, waitMs: [], heldMs: [] },
    write: { units: 0, waitMs: [], heldMs: [] },
    background: { units: 0, waitMs: [], heldMs: [] },
  },
  byLabel: {},
});
let stats = emptyStats();
/** Samples kept per series: enough for percentiles of a long run, bounded in memory. */
const MAX_SAMPLES = 200_000;
const keep = (series: number[], v: number) => void (series.length < MAX_SAMPLES && series.push(v));

function record(unit: Unit, startedAt: number, endedAt: number): void {
  const k = stats.byKind[unit.kind];
  k.units++;
  keep(k.waitMs, startedAt - unit.queuedAt);
  keep(k.heldMs, endedAt - startedAt);
  const l = (stats.byLabel[`${unit.kind} ${unit.label}`] ??= { units: 0, heldMs: [] });
  l.units++;
  keep(l.heldMs, endedAt - startedAt);
}

/** What a unit runs, for the figures: the admin function it calls, else the statement's first words. */
function labelOf(s: Statement): string {
  const text = s.op === 'query' ? s.text : s.sql;
  const fn = /public\."?(admin_\w+)/i.exec(text);
  return fn ? fn[1]! : text.trim().split(/\s+/).slice(0, 3).join(' ').slice(0, 40);
}

function schedule(kind: UnitKind, label: string, work: () => Promise<void>): Unit {
  const unit: Unit = { kind, label, queuedAt: performance.now(), run: work };
  waiting.push(unit);
  pump();
  return unit;
}

/** The unit to run next: the lowest rank, the oldest among equals; a unit waiting AGE_MS ranks first. */
function pickNext<U extends { kind: UnitKind; queuedAt: number }>(queue: U[], now: number): U | undefined {
  const rank = (u: U) => (now - u.queuedAt >= AGE_MS ? -1 : RANK[u.kind]);
  let best = -1;
  for (let i = 0; i < queue.length; i++) {
    if (best < 0 || rank(queue[i]!) < rank(queue[best]!)) best = i;
  }
  return best < 0 ? undefined : queue.splice(best, 1)[0];
}

function pump(): void {
  if (busy) return;
  const unit = pickNext(waiting, performance.now());
  if (!unit) return;
  busy = true;
  const startedAt = performance.now();
  void unit.run().finally(() => {
    record(unit, startedAt, performance.now());
    busy = false;
    pump();
  });
}

/** A statement on the session, as one unit. */
function statement(id: number, s: Statement, background: boolean): void {
  schedule(background ? 'background' : 'write', labelOf(s), async () => {
    const started = performance.now();
    try {
      const value = await run(database(), s);
      answer(id, value, performance.now() - started);
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
  const unit = schedule(m.background ? 'background' : startsReadOnly(m.first) ? 'read' : 'write', labelOf(m.first), async () => {
    const started = performance.now();
    let endReply = -1;
    let finish: (commit: boolean) => void = () => undefined;
    const ended = new Promise<boolean>((resolve) => (finish = resolve));
    try {
      await database().transaction(async (tx) => {
        transactions.set(m.tx, { tx, end: (commit, replyTo) => ((endReply = replyTo), finish(commit)), unit });
        // A failing first statement leaves the transaction open (aborted) for its caller to end.
        await run(tx, m.first).then(
          (v) => answer(m.id, v),
          (e: unknown) => refuse(m.id, e),
        );
        if (!(await ended)) await tx.rollback();
      });
      answer(endReply, null, performance.now() - started);
    } catch (e) {
      // BEGIN failed (nothing to end), or COMMIT did.
      refuse(transactions.has(m.tx) ? endReply : m.id, e);
    } finally {
      transactions.delete(m.tx);
    }
  });
}

/**
 * A script: its statements in one transaction, as one unit, with no round trip to the caller
 * between them (the session is held only while they run). Read-only when it starts so.
 */
function script(m: Extract<Request, { op: 'script' }>): void {
  const last = m.statements.at(-1);
  schedule(m.background ? 'background' : startsReadOnly(m.statements[0]) ? 'read' : 'write', last ? labelOf(last) : 'script', async () => {
    const started = performance.now();
    try {
      const value = await database().transaction(async (tx) => {
        let result: unknown = null;
        for (const s of m.statements) result = await run(tx, s);
        return result;
      });
      answer(m.id, value, performance.now() - started);
    } catch (e) {
      refuse(m.id, e);
    }
  });
}

function inTransaction(m: { id: number; tx: number } & Statement): void {
  const open = transactions.get(m.tx);
  if (!open) return refuse(m.id, new Error('The transaction has already ended.'));
  // The admin function a transaction calls comes after its set-up statements: name it by that.
  if (!open.unit.label.startsWith('admin_')) open.unit.label = labelOf(m);
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
      // A backup holds the session as one unit, as a console call (not background work).
      return void schedule('write', 'dump', async () => {
        try {
          const tarball = await database().dumpDataDir('gzip');
          answer(m.id, new Uint8Array(await tarball.arrayBuffer()));
        } catch (e) {
          refuse(m.id, e);
        }
      });
    case 'query':
    case 'exec':
      return m.tx === null ? statement(m.id, m, m.background === true) : inTransaction({ ...m, tx: m.tx });
    case 'begin':
      return transaction(m);
    case 'script':
      return script(m);
    case 'end': {
      const open = transactions.get(m.tx);
      if (!open) throw new Error('The transaction has already ended.');
      return open.end(m.commit, m.id);
    }
    case 'protocol':
      // The wire protocol (the escape hatch's socket server): a message at a time, as PGlite's runExclusive does.
      return void schedule('write', 'protocol', async () => {
        try {
          const db = database();
          const chunks: Uint8Array[] = [];
          await db.runExclusive(() => db.execProtocolRawStream(m.message, { onRawData: (d) => void chunks.push(d.slice()) }));
          answer(m.id, Buffer.concat(chunks));
        } catch (e) {
          refuse(m.id, e);
        }
      });
    case 'stats': {
      // Answered at once, not queued: it reads this thread's figures, not the database.
      const now = stats;
      if (m.reset) stats = emptyStats();
      return answer(m.id, now);
    }
    case 'close':
      return void schedule('write', 'close', async () => {
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
