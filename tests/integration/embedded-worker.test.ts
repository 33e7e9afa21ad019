// The embedded workspace runs PGlite on a worker thread. PGlite runs its WASM on the thread that
// calls it, so with it on the main thread one long query (a backfill's, on 100,000 videos) froze
// the whole console for minutes. These tests hold the thread boundary to what the console needs:
// this thread keeps running, a transaction is still one transaction, errors keep their SQLSTATE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAdminError } from '../../electron/db/admin-error';
import { inBackground, isBackground, timeOnSession } from '../../electron/db/background-work';
import { runScript } from '../../electron/db/sql-connection';
import { LocalGloveProvider } from '../../electron/services/embeddings/local-glove-provider';
import { openEmbeddedTestDatabase, type EmbeddedTestDatabase } from '../support/test-database';

let t: EmbeddedTestDatabase;
beforeAll(async () => {
  t = await openEmbeddedTestDatabase('bare');
  await t.db.execute('create table public.worker_test (id int primary key, note text)');
});
afterAll(() => t.dispose());

/** Runs `work` while a 10 ms timer ticks on this thread: the longest gap between ticks. */
async function longestStall(work: () => Promise<unknown>): Promise<{ stallMs: number; workMs: number; ticks: number }> {
  let last = performance.now();
  let stallMs = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
    ticks++;
  }, 10);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { stallMs: Math.max(stallMs, performance.now() - last), workMs: performance.now() - started, ticks };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the embedded database on its worker thread', () => {
  it("keeps this thread's timers firing while a long query runs (pg_sleep, then a CPU-bound scan)", async () => {
    // On the calling thread, the longest stall would be the whole query; the bound leaves room
    // for a busy machine's scheduling.
    const sleeping = await longestStall(() => t.db.query('select pg_sleep(1)'));
    expect(sleeping.workMs).toBeGreaterThanOrEqual(950);
    expect(sleeping.stallMs).toBeLessThan(sleeping.workMs / 2);
    expect(sleeping.ticks).toBeGreaterThan(20);

    const scanning = await longestStall(() => t.db.query('select count(*) from generate_series(1, 3000000) g where g % 7 = 3'));
    expect(scanning.workMs).toBeGreaterThan(300);
    expect(scanning.stallMs).toBeLessThan(scanning.workMs / 2);
  });

  it("never interleaves a transaction's queries with a concurrent caller's: the caller waits, then sees none of a rolled-back transaction", async () => {
    let outside: Promise<{ n: number }[]> | null = null;
    let outsideSettled = false;
    const rolledBack = await t.db
      .transaction(async (tx) => {
        await tx.query("insert into public.worker_test (id, note) values (1, 'uncommitted')");
        outside = t.db.query<{ n: number }>('select count(*)::int as n from public.worker_test');
        void outside.then(() => (outsideSettled = true));
        await sleep(150);
        expect(outsideSettled).toBe(false); // queued behind the open transaction, not run inside it
        await tx.query("insert into public.worker_test (id, note) values (2, 'uncommitted')");
        throw new Error('roll it back');
      })
      .catch((e: unknown) => e);
    expect(rolledBack).toMatchObject({ message: 'roll it back' });
    expect(await outside!).toEqual([{ n: 0 }]);
  });

  it('keeps two concurrent transactions apart: each sees only its own rows', async () => {
    const own = (ids: number[]) =>
      t.db
        .transaction(async (tx) => {
          for (const id of ids) {
            await tx.query('insert into public.worker_test (id, note) values ($1, $2)', [id, 'tx']);
            await sleep(20);
          }
          const rows = await tx.query<{ ids: number[] }>('select array_agg(id order by id) as ids from public.worker_test');
          throw Object.assign(new Error('undo'), { seen: rows[0]!.ids });
        })
        .catch((e: { seen: number[] }) => e.seen);
    const [a, b] = await Promise.all([own([10, 11, 12]), own([20, 21, 22])]);
    expect(a).toEqual([10, 11, 12]);
    expect(b).toEqual([20, 21, 22]);
  });

  it('serves a read-only transaction before writes queued ahead of it: a console read waits for the running write only', async () => {
    const finished: string[] = [];
    const write = (name: string) =>
      t.db
        .transaction(async (tx) => {
          await tx.query('select pg_sleep(0.2)');
          await tx.query('insert into public.worker_test (id, note) values ((select coalesce(max(id), 0) + 1 from public.worker_test), $1)', [name]);
        })
        .then(() => void finished.push(name));
    const running = write('write 1');
    await sleep(50); // write 1 holds the session
    const queued = [write('write 2'), write('write 3')];
    const read = t.db
      .transaction(async (tx) => {
        await tx.execute('set transaction read only');
        return tx.query<{ n: number }>('select count(*)::int as n from public.worker_test');
      })
      .then((rows) => (finished.push('read'), rows));
    await Promise.all([running, ...queued, read]);
    expect(finished).toEqual(['write 1', 'read', 'write 2', 'write 3']);
    expect(await read).toEqual([{ n: 1 }]);
    await t.db.query("delete from public.worker_test where note like 'write %'");
  });

  it("serves the console's calls, writes too, before background statements queued ahead of them: a backfill never makes the console wait for more than one batch", async () => {
    const finished: string[] = [];
    const write = (name: string, sleepSeconds = 0) =>
      t.db
        .transaction(async (tx) => {
          await tx.query('select pg_sleep($1)', [sleepSeconds]);
          await tx.query('insert into public.worker_test (id, note) values ((select coalesce(max(id), 0) + 1 from public.worker_test), $1)', [name]);
        })
        .then(() => void finished.push(name));
    const running = inBackground(() => write('batch 1', 0.2));
    await sleep(50); // batch 1 holds the session
    // A backfill's queue: two more batches (transactions) and a lone statement, all background.
    const queued = inBackground(() =>
      Promise.all([
        write('batch 2'),
        write('batch 3'),
        t.db.query('select count(*) from public.worker_test').then(() => void finished.push('progress poll')),
      ]),
    );
    // The console's calls, made after: a plain statement and a write transaction (not read-only).
    const consoleCalls = [
      t.db.query('select count(*)::int as n from public.worker_test').then(() => void finished.push('console read')),
      write('console write'),
    ];
    await Promise.all([running, queued, ...consoleCalls]);
    expect(finished).toEqual(['batch 1', 'console read', 'console write', 'batch 2', 'batch 3', 'progress poll']);
    // Work that is not marked stays the console's: a call after inBackground returned is not background.
    expect(isBackground()).toBe(false);
    await t.db.query("delete from public.worker_test where note like 'batch %' or note = 'console write'");
  });

  it('counts how long each kind of call waited for the session and held it, by admin function', async () => {
    await t.db.schedulerStats(true);
    await inBackground(() => t.db.query('select pg_sleep(0.05)'));
    await t.db.transaction(async (tx) => {
      await tx.execute('set transaction read only');
      await tx.query('select 1');
    });
    const stats = await t.db.schedulerStats(true);
    expect(stats.byKind.background.units).toBe(1);
    expect(stats.byKind.background.heldMs[0]).toBeGreaterThanOrEqual(45);
    expect(stats.byKind.read.units).toBe(1);
    expect(Object.keys(stats.byLabel)).toEqual(expect.arrayContaining(['background select pg_sleep(0.05)']));
    expect((await t.db.schedulerStats()).byKind.background.units).toBe(0); // reset
  });

  it("tells a caller how long its own calls held the session, without the time they queued behind others' (how a backfill sizes its batches)", async () => {
    // A console write holds the session for 300 ms; a background transaction queued behind it
    // costs the session almost nothing: its meter says so, though it waited the whole time.
    const blocker = t.db.query('select pg_sleep(0.3)');
    const queued = performance.now();
    const { value, heldMs } = await timeOnSession(() =>
      inBackground(() =>
        t.db.transaction(async (tx) => {
          await tx.query("insert into public.worker_test (id, note) values (300, 'metered')");
          return tx.query<{ n: number }>('select count(*)::int as n from public.worker_test where id = 300');
        }),
      ),
    );
    const waited = performance.now() - queued;
    await blocker;
    expect(value).toEqual([{ n: 1 }]);
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(heldMs).not.toBeNull();
    expect(heldMs!).toBeLessThan(waited - 200);
    // Two units are summed; calls outside a meter report nothing to it; a real server's calls give null.
    const two = await timeOnSession(async () => {
      await t.db.query('select pg_sleep(0.05)');
      await t.db.query('select pg_sleep(0.05)');
    });
    expect(two.heldMs!).toBeGreaterThanOrEqual(90);
    expect((await timeOnSession(async () => 'no database')).heldMs).toBeNull();
    await t.db.query('delete from public.worker_test where id = 300');
  });

  it("runs a script as one transaction in one message: the last statement's rows, all or nothing, one unit on the session", async () => {
    await t.db.schedulerStats(true);
    const rows = await runScript<{ n: number; who: string }>(t.db, [
      { execute: "set local application_name = 'script test'" },
      { text: "insert into public.worker_test (id, note) values (400, 'script')" },
      { text: "select count(*)::int as n, current_setting('application_name') as who from public.worker_test where id = $1", params: [400] },
    ]);
    expect(rows).toEqual([{ n: 1, who: 'script test' }]);
    const stats = await t.db.schedulerStats(true);
    expect(stats.byKind.write.units).toBe(1);
    // A failing statement rolls back the ones before it.
    await expect(
      runScript(t.db, [{ text: "insert into public.worker_test (id, note) values (401, 'rolled back')" }, { text: 'select 1 / 0' }]),
    ).rejects.toMatchObject({ code: '22012' });
    expect(await t.db.query('select id from public.worker_test where id in (400, 401) order by id')).toEqual([{ id: 400 }]);
    // Starting read-only, it is a console read (served before waiting writes) and cannot write.
    await expect(
      runScript(t.db, [{ execute: 'set transaction read only' }, { text: "insert into public.worker_test (id, note) values (402, 'no')" }]),
    ).rejects.toMatchObject({ code: '25006' });
    expect((await t.db.schedulerStats(true)).byKind.read.units).toBe(1);
    // Its time on the session is metered like any unit's.
    expect((await timeOnSession(() => runScript(t.db, [{ text: 'select pg_sleep(0.05)' }]))).heldMs!).toBeGreaterThanOrEqual(45);
    await t.db.query('delete from public.worker_test where id = 400');
  });

  it('brings a Postgres error across the thread with its SQLSTATE, detail and hint, mapped as before', async () => {
    await t.db.query("insert into public.worker_test (id, note) values (100, 'first')");
    const duplicate = await t.db.query("insert into public.worker_test (id, note) values (100, 'again')").catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(Error);
    expect(duplicate).toMatchObject({
      code: '23505',
      detail: 'Key (id)=(100) already exists.',
      constraint: 'worker_test_pkey',
      table: 'worker_test',
    });

    const raised = await t.db
      .transaction((tx) =>
        tx.execute(
          "do $$ begin raise exception 'Refused: spam' using errcode = 'P0001', detail = 'The reason is on the deny list.', hint = 'Pick another reason.'; end $$",
        ),
      )
      .catch((e: unknown) => e);
    expect(toAdminError(raised).toJSON()).toEqual({
      code: 'P0001',
      message: 'Refused: spam',
      details: 'The reason is on the deny list.',
      hint: 'Pick another reason.',
    });
    // The session is usable afterwards (the failed transaction was rolled back).
    expect(await t.db.query('select count(*)::int as n from public.worker_test')).toEqual([{ n: 1 }]);
  });
  it('fails a call whose parameter cannot cross the thread, instead of leaving it hanging', async () => {
    const fn = (() => 1) as unknown as string;
    await expect(t.db.query('select $1::text as x', [fn])).rejects.toThrow(/could not be cloned/i);
    expect(await t.db.query('select 1 as x')).toEqual([{ x: 1 }]);
  });
});

describe('the offline embedding provider on its worker thread', () => {
  it("keeps this thread's timers firing while it embeds a large batch", async () => {
    const words = 'how black holes form from the collapse of massive stars and what the event horizon means for light and time'.split(' ');
    const long = Array.from({ length: 3000 }, (_, i) => words[i % words.length]).join(' ');
    const provider = new LocalGloveProvider();
    await provider.embed(['warm up the table']);
    const texts = Array.from({ length: 512 }, (_, i) => `${i} ${long}`);
    let outcomes: Awaited<ReturnType<LocalGloveProvider['embed']>> = [];
    const embedding = await longestStall(async () => (outcomes = await provider.embed(texts)));
    expect(outcomes).toHaveLength(512);
    expect(outcomes.every((o) => 'vector' in o && o.vector.length === 1536)).toBe(true);
    expect(embedding.workMs).toBeGreaterThan(300);
    expect(embedding.stallMs).toBeLessThan(embedding.workMs / 2);
  });
});
