// The embedded workspace's thread: PGlite runs its WASM synchronously on the thread that calls
// it, so it lives here and the thread that answers the console's requests only posts messages.
// One PGlite session serves every caller: PGlite's own mutex queues plain queries behind an
// open transaction, which this thread holds open until the caller on the other side commits or
// rolls back.
import { parentPort } from 'node:worker_threads';
import { PGlite, type Results, type Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { serializeError, type WorkerRequest, type WorkerResponse } from './worker-thread';

type Params = unknown[];
type Request =
  | { id: number; op: 'open'; dataDir: string | null }
  | { id: number; op: 'query'; text: string; params: Params; tx: number | null }
  | { id: number; op: 'exec'; sql: string; tx: number | null }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'protocol'; message: Uint8Array }
  | { id: number; op: 'close' };

/** What a query answers: the rows, and the rest of PGlite's Results for the escape hatch. */
export type QueryAnswer = Pick<Results, 'rows' | 'fields' | 'affectedRows'>;
/** Every answer says whether the session is left inside a transaction (for the wire-protocol escape hatch). */
export type Answer<T = unknown> = { value: T; inTransaction: boolean };

const port = parentPort;
if (!port) throw new Error('embedded-worker runs as a worker thread.');

/** PGlite with pgvector and pg_trgm, in a data folder (or in memory without one). */
async function openPglite(dataDir?: string): Promise<PGlite> {
  return PGlite.create({ dataDir, extensions: { vector, pg_trgm } });
}

let pg: PGlite | null = null;
/** Open transactions by the id of their `begin` request: the handle, and how to end them. */
const transactions = new Map<number, { tx: Transaction; end: (commit: boolean, replyTo: number) => void }>();

const reply = (m: WorkerResponse) => port.postMessage(m);
const answer = (id: number, value: unknown) => reply({ id, ok: true, value: { value, inTransaction: pg !== null && !pg.closed && pg.isInTransaction() } satisfies Answer });
const refuse = (id: number, e: unknown) => reply({ id, ok: false, error: serializeError(e) });

function database(): PGlite {
  if (!pg || pg.closed) throw new Error('The embedded database is not open.');
  return pg;
}

function target(tx: number | null): Pick<Transaction, 'query' | 'exec'> {
  if (tx === null) return database();
  const open = transactions.get(tx);
  if (!open) throw new Error('The transaction has already ended.');
  return open.tx;
}

const plain = (r: Results): QueryAnswer => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows });

/** Runs a transaction that stays open until `end` arrives; replies to `begin` once BEGIN ran. */
function begin(id: number): void {
  let began = false;
  let endReply = -1;
  let finish: (commit: boolean) => void = () => undefined;
  const ended = new Promise<boolean>((resolve) => (finish = resolve));
  database()
    .transaction(async (tx) => {
      began = true;
      transactions.set(id, { tx, end: (commit, replyTo) => ((endReply = replyTo), finish(commit)) });
      answer(id, id);
      if (!(await ended)) await tx.rollback();
    })
    .then(
      () => answer(endReply, null),
      (e: unknown) => (began ? refuse(endReply, e) : refuse(id, e)),
    )
    .finally(() => transactions.delete(id));
}

async function handle(m: Request): Promise<void> {
  switch (m.op) {
    case 'open':
      pg = await openPglite(m.dataDir ?? undefined);
      return answer(m.id, null);
    case 'query':
      return answer(m.id, plain(await target(m.tx).query(m.text, m.params)));
    case 'exec':
      return answer(m.id, (await target(m.tx).exec(m.sql)).map(plain));
    case 'begin':
      return begin(m.id);
    case 'end': {
      const open = transactions.get(m.tx);
      if (!open) throw new Error('The transaction has already ended.');
      return open.end(m.commit, m.id);
    }
    case 'protocol': {
      const db = database();
      const chunks: Uint8Array[] = [];
      await db.runExclusive(() => db.execProtocolRawStream(m.message, { onRawData: (d) => void chunks.push(d.slice()) }));
      return answer(m.id, Buffer.concat(chunks));
    }
    case 'close':
      if (pg && !pg.closed) await pg.close();
      return answer(m.id, null);
  }
}

port.on('message', (m: WorkerRequest) => {
  handle(m as Request).catch((e: unknown) => refuse(m.id, e));
});
