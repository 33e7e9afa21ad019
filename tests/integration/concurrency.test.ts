// Two at once, on a real PostgreSQL server with separate connections (PGlite has one session, so
// none of this can happen there): two moderators deciding the same videos, two backfill workers
// on one job, two migrators on one database, two curators each adding half of a prerequisite
// cycle, two curators merging two tags into each other. Where a race needs both sides in flight
// together, a third connection holds the rows they need until the server shows both waiting (a
// gate), so the race is certain, not lucky.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminArgs, AdminGateway } from '../../electron/db/admin-gateway';
import { SqlAdminGateway } from '../../electron/db/sql-admin-gateway';
import type { SqlConnection, SqlParam } from '../../electron/db/sql-connection';
import { runBackfill } from '../../electron/services/embeddings/backfill-runner';
import { padVector, type EmbeddingProvider } from '../../electron/services/embeddings/provider';
import { readMigrationFiles } from '../../electron/services/migrations/migration-files';
import { migrateUp, MIGRATION_LOCK_KEY } from '../../electron/services/migrations/migration-runner';
import { MIGRATIONS_DIR, NEEDS_REAL_SERVER, openEmptyDatabase, openTestDatabase, realServer, type TestDatabase } from '../support/test-database';

if (!realServer) console.info(`concurrency.test.ts skipped: it ${NEEDS_REAL_SERVER}.`);

/** Resolves once `count` other sessions of this database wait for a lock, or once `settled` does (a side failed early). */
async function sessionsWaitingForLocks(observer: SqlConnection, count: number, settled: Promise<unknown>): Promise<void> {
  let done = false;
  void settled.finally(() => (done = true));
  while (!done) {
    const [row] = await observer.query<{ n: number }>(
      "select count(*)::int as n from pg_catalog.pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
    );
    if (row!.n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

type Settled<T> = PromiseSettledResult<T>;

/**
 * Holds `lockSql` in a transaction on `gate`, starts both sides, waits until both wait for a
 * lock on the server, then lets them go; resolves with how each side ended.
 */
async function raceThroughGate<T>(
  gate: SqlConnection,
  observer: SqlConnection,
  lockSql: string,
  params: SqlParam[],
  sides: [() => Promise<T>, () => Promise<T>],
): Promise<[Settled<T>, Settled<T>]> {
  let race!: Promise<[Settled<T>, Settled<T>]>;
  await gate.transaction(async (tx) => {
    await tx.query(lockSql, params);
    race = Promise.all([settle(sides[0]()), settle(sides[1]())]);
    await sessionsWaitingForLocks(observer, 2, race);
  });
  return race;
}

const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value) => ({ status: 'fulfilled', value }) as const,
    (reason: unknown) => ({ status: 'rejected', reason }) as const,
  );

describe.skipIf(!realServer)(`concurrency on a real server${realServer ? '' : ` (skipped: ${NEEDS_REAL_SERVER})`}`, () => {
  let t: TestDatabase;
  let ada: string;
  let grace: string;
  let fresh = 0;

  beforeAll(async () => {
    t = await openTestDatabase('demo');
    const users = await t.db.query<{ id: string; username: string }>(
      "select id, username from public.users where username in ('ada_moderator', 'grace_moderator')",
    );
    ada = users.find((u) => u.username === 'ada_moderator')!.id;
    grace = users.find((u) => u.username === 'grace_moderator')!.id;
  });
  afterAll(() => t?.dispose());

  /** Gateways over connections of their own, as two consoles (or two CLI workers) would have. */
  const twoGateways = async (): Promise<[SqlAdminGateway, SqlAdminGateway]> => [
    new SqlAdminGateway(await t.connect()),
    new SqlAdminGateway(await t.connect()),
  ];

  async function newVideos(count: number, status = 'pending'): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      fresh++;
      const [row] = await t.db.query<{ id: string }>(
        `insert into public.videos (platform, platform_id, url, title, moderation_status)
         values ('other', $1, $2, $3, $4) returning id`,
        [`race-${fresh}`, `https://media.example.org/v/race-${fresh}`, `Race video ${fresh}`, status],
      );
      ids.push(row!.id);
    }
    return ids;
  }

  describe('two moderators on the same videos at the same time', () => {
    type Result = {
      id: string;
      outcome: 'done' | 'conflict' | 'invalid';
      status?: string;
      message?: string;
      last_change?: { operator: string; action: string } | null;
    };
    type Batch = { batch_id: string; results: Result[] };

    it('decides each video exactly once; the other moderator gets a conflict naming who decided', async () => {
      const [gwAda, gwGrace] = await twoGateways();
      try {
        const ids = await newVideos(9);
        const adaItems = ids.slice(0, 6); // ids 3..5 are wanted by both
        const graceItems = ids.slice(3);
        const act = (gw: AdminGateway, operator: string, action: string, items: string[], reason?: string) => () =>
          gw.call('admin_moderate_videos', {
            p_operator: operator,
            p_action: action,
            p_items: items.map((id) => ({ id, expected_status: 'pending' })),
            ...(reason ? { p_reason: reason } : {}),
          }) as Promise<Batch>;
        const [adaSide, graceSide] = await raceThroughGate(
          t.db,
          t.db,
          'select id from public.videos where id = any($1::uuid[]) order by id for update',
          [ids],
          [act(gwAda, ada, 'approve', adaItems), act(gwGrace, grace, 'reject', graceItems, 'Off-topic')],
        );
        expect(adaSide.status, String((adaSide as PromiseRejectedResult).reason?.message)).toBe('fulfilled');
        expect(graceSide.status, String((graceSide as PromiseRejectedResult).reason?.message)).toBe('fulfilled');
        const byAda = new Map((adaSide as PromiseFulfilledResult<Batch>).value.results.map((r) => [r.id, r]));
        const byGrace = new Map((graceSide as PromiseFulfilledResult<Batch>).value.results.map((r) => [r.id, r]));

        const rows = await t.db.query<{ id: string; moderation_status: string }>(
          'select id, moderation_status from public.videos where id = any($1::uuid[])',
          [ids],
        );
        const audit = await t.db.query<{ target_id: string; operator_id: string; to_state: string }>(
          'select target_id, operator_id, to_state from public.moderation_audit_log where target_id = any($1::uuid[])',
          [ids],
        );
        for (const id of ids) {
          const mine = [byAda.get(id), byGrace.get(id)].filter((r): r is Result => r !== undefined);
          const winners = mine.filter((r) => r.outcome === 'done');
          expect(winners, id).toHaveLength(1);
          const final = rows.find((r) => r.id === id)!.moderation_status;
          expect(final).toBe(winners[0]!.status);
          // Exactly one audit row: the decision that was taken, by whoever took it.
          expect(
            audit.filter((a) => a.target_id === id),
            id,
          ).toEqual([{ target_id: id, operator_id: byAda.get(id)?.outcome === 'done' ? ada : grace, to_state: final }]);
          // The loser was told it changed, into what and by whom (although the winner's audit row
          // was committed after the loser's statement began); never applied silently.
          const winner =
            byAda.get(id)?.outcome === 'done' ? { operator: 'ada_moderator', action: 'approve' } : { operator: 'grace_moderator', action: 'reject' };
          for (const loser of mine.filter((r) => r.outcome !== 'done')) {
            expect(loser).toMatchObject({
              outcome: 'conflict',
              status: final,
              message: `Changed since you loaded it: it is now ${final}.`,
              last_change: winner,
            });
          }
        }
      } finally {
        await Promise.all([gwAda.close(), gwGrace.close()]);
      }
    });
  });

  describe('two backfill workers on one job', () => {
    it('embed every item exactly once between them, and finish the job', async () => {
      const [gw1, gw2] = await twoGateways();
      try {
        const [operator] = await t.db.query<{ id: string }>("select id from public.users where username = 'ada_moderator'");
        const job = (await gw1.call('admin_embedding_job_create', {
          p_operator: operator!.id,
          p_provider: 'openai-compatible',
          p_model: 'race-model',
          p_dimensions: 8,
          p_scope: 'all',
          p_statuses: ['approved', 'pending'],
          p_dry_run: false,
        })) as { id: string; total: number };
        expect(job.total).toBeGreaterThan(2 * 2 * 7); // more than one worker's first two batches

        // Neither worker embeds before both hold a batch: their leases are taken side by side.
        const embeddedBy = new Set<string>();
        let bothHoldBatches!: () => void;
        const gate = new Promise<void>((resolve) => (bothHoldBatches = resolve));
        const texts: Record<string, number> = {};
        const provider = (worker: string): EmbeddingProvider => ({
          id: 'openai-compatible',
          model: 'race-model',
          dimensions: 8,
          maxBatch: 64,
          embed: async (batch) => {
            embeddedBy.add(worker);
            if (embeddedBy.size === 2) bothHoldBatches();
            await gate;
            texts[worker] = (texts[worker] ?? 0) + batch.length;
            return batch.map((_, i) => ({ vector: padVector([1, i + 1, worker.length]) }));
          },
        });
        const leased: string[] = [];
        const recording = (gw: AdminGateway): AdminGateway => ({
          backend: gw.backend,
          reloadSchema: () => gw.reloadSchema(),
          close: () => gw.close(),
          call: async (fn: string, args?: AdminArgs) => {
            const result = await gw.call(fn, args);
            if (fn === 'admin_embedding_lease') leased.push(...(result as { items: { video_id: string }[] }).items.map((i) => i.video_id));
            return result;
          },
        });
        const work = (gw: AdminGateway, worker: string) =>
          runBackfill({
            gateway: recording(gw),
            provider: provider(worker),
            jobId: job.id,
            worker,
            operator: operator!.id,
            batchSize: 7,
            concurrency: 2,
          }).finally(bothHoldBatches);
        const [r1, r2] = await Promise.all([work(gw1, 'worker-1'), work(gw2, 'worker-2')]);

        expect([...embeddedBy].sort()).toEqual(['worker-1', 'worker-2']);
        expect(r1.done + r2.done).toBe(job.total);
        expect(r1.failed + r2.failed).toBe(0);
        expect((texts['worker-1'] ?? 0) + (texts['worker-2'] ?? 0)).toBe(job.total);
        // No item was ever handed to both workers, and each was leased exactly once.
        expect(new Set(leased).size).toBe(leased.length);
        expect(leased).toHaveLength(job.total);
        const [items] = await t.db.query<{ done: number; once: number }>(
          `select count(*) filter (where status = 'done')::int as done, count(*) filter (where attempts = 1)::int as once
             from public.embedding_job_items where job_id = $1`,
          [job.id],
        );
        expect(items).toEqual({ done: job.total, once: job.total });
        const [stored] = await t.db.query<{ n: number }>("select count(*)::int as n from public.video_embeddings where model = 'race-model'");
        expect(stored!.n).toBe(job.total);
        const jobs = (await gw1.call('admin_embedding_jobs', { p_operator: operator!.id, p_limit: 200 })) as {
          id: string;
          status: string;
          done: number;
          failed: number;
        }[];
        expect(jobs.find((j) => j.id === job.id)).toMatchObject({ status: 'done', done: job.total, failed: 0 });
      } finally {
        await Promise.all([gw1.close(), gw2.close()]);
      }
    });
  });

  describe('two migrators on one database', () => {
    it('apply each migration file once between them', async () => {
      const empty = await openEmptyDatabase();
      try {
        const [one, two] = [await empty.connect(), await empty.connect()];
        const files = await readMigrationFiles(MIGRATIONS_DIR);
        const [a, b] = await Promise.all([migrateUp(one, files), migrateUp(two, files)]);
        expect([a.applied.length, b.applied.length].sort((x, y) => x - y)).toEqual([0, files.length]);
        const history = await empty.db.query<{ version: string }>('select version from supabase_migrations.schema_migrations order by version');
        expect(history.map((h) => h.version)).toEqual(files.map((f) => f.version));
        expect(b.status.migrations.every((m) => m.state === 'applied')).toBe(true);
      } finally {
        await empty.dispose();
      }
    });

    it('hold the advisory lock one at a time: the second enters only after the first has left', async () => {
      const [one, two] = [await t.connect(), await t.connect()];
      const events: string[] = [];
      let secondStarted!: Promise<void>;
      await one.withExclusiveLock(MIGRATION_LOCK_KEY, async () => {
        events.push('one in');
        secondStarted = two.withExclusiveLock(MIGRATION_LOCK_KEY, async () => {
          events.push('two in');
          events.push('two out');
        });
        // While the first holds it, the server refuses the lock to anyone else, again and again.
        for (let i = 0; i < 10; i++) {
          const [row] = await t.db.query<{ locked: boolean }>('select pg_try_advisory_xact_lock($1) as locked', [MIGRATION_LOCK_KEY.toString()]);
          expect(row!.locked).toBe(false);
        }
        events.push('one out');
      });
      await secondStarted;
      expect(events).toEqual(['one in', 'one out', 'two in', 'two out']);
    });
  });

  describe('two curators each adding half of a prerequisite cycle', () => {
    it('let exactly one link in; the other is refused with the cycle it would close', async () => {
      const [gwOne, gwTwo] = await twoGateways();
      try {
        const [a, b, c, d] = await newVideos(4, 'approved');
        const link = (gw: AdminGateway, source: string, target: string) => () =>
          gw.call('admin_save_reference', { p_operator: ada, p_source: source, p_target: target, p_type: 'prerequisite' });
        await link(gwOne, a!, b!)();
        await link(gwOne, b!, c!)();
        // a -> b -> c exists; c -> d and d -> a are each fine alone and close a -> b -> c -> d -> a together.
        // The gate holds the videos the links point at, so both inserts are in flight at once.
        const [one, two] = await raceThroughGate(
          t.db,
          t.db,
          'select id from public.videos where id = any($1::uuid[]) order by id for update',
          [[a!, c!, d!]],
          [link(gwOne, c!, d!), link(gwTwo, d!, a!)],
        );
        const outcomes = [one, two].map((r) => r.status).sort();
        expect(outcomes).toEqual(['fulfilled', 'rejected']);
        const refused = [one, two].find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
        expect(refused.reason).toMatchObject({ code: '23514', message: expect.stringContaining('would close a cycle') });
        const links = await t.db.query<{ source: string; target: string }>(
          `select source_video_id as source, target_video_id as target from public.video_references
            where reference_type = 'prerequisite' and source_video_id = any($1::uuid[])`,
          [[a!, b!, c!, d!]],
        );
        expect(links).toHaveLength(3);
        expect(links).toContainEqual(one.status === 'fulfilled' ? { source: c, target: d } : { source: d, target: a });
      } finally {
        await Promise.all([gwOne.close(), gwTwo.close()]);
      }
    });
  });

  describe('two curators merging two tags into each other', () => {
    it('apply exactly one of the merges, and every video keeps its tag', async () => {
      const [gwOne, gwTwo] = await twoGateways();
      try {
        const tag = async (name: string) => ((await gwOne.call('admin_save_tag', { p_operator: ada, p_name: name })) as { id: number }).id;
        const [a, b] = [await tag('Race tag A'), await tag('Race tag B')];
        const videos = await newVideos(5, 'approved');
        await t.db.query('insert into public.video_tags (video_id, tag_id) select unnest($1::uuid[]), $2', [videos.slice(0, 3), a]);
        await t.db.query('insert into public.video_tags (video_id, tag_id) select unnest($1::uuid[]), $2', [videos.slice(2), b]);
        const merge = (gw: AdminGateway, source: number, target: number) => () =>
          gw.call('admin_merge_tags', { p_operator: ada, p_source_ids: [source], p_target_id: target }) as Promise<{ target: number }>;
        const [one, two] = await raceThroughGate(
          t.db,
          t.db,
          'select id from public.tags where id = any($1::int[]) order by id for update',
          [[a, b]],
          [merge(gwOne, a, b), merge(gwTwo, b, a)],
        );
        expect([one.status, two.status].sort()).toEqual(['fulfilled', 'rejected']);
        const survivor = one.status === 'fulfilled' ? b : a;
        // Both lock their tags in id order: the loser waits for the winner, then finds its tag gone
        // and is told, in words, who merged it into what: a conflict (PT409), never a deadlock.
        const refused = [one, two].find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
        const [winnerTarget] = one.status === 'fulfilled' ? ['Race tag B'] : ['Race tag A'];
        expect(refused.reason).toMatchObject({
          code: 'PT409',
          message: expect.stringMatching(new RegExp(`^Tag "Race tag [AB]" was merged into "${winnerTarget}" by ada_moderator a moment ago`)),
          hint: expect.stringContaining('Nothing was changed'),
        });
        const tags = await t.db.query<{ id: number; video_count: number }>('select id, video_count from public.tags where id = any($1::int[])', [
          [a, b],
        ]);
        expect(tags).toEqual([{ id: survivor, video_count: 5 }]);
        const tagged = await t.db.query<{ video_id: string }>('select video_id from public.video_tags where tag_id = $1', [survivor]);
        expect(tagged.map((r) => r.video_id).sort()).toEqual([...videos].sort());
      } finally {
        await Promise.all([gwOne.close(), gwTwo.close()]);
      }
    });
  });

  describe('two writers changing the videos of the same categories at once', () => {
    it('keep the category usage counts equal to a group-by over the videos (no lost update, no deadlock)', async () => {
      const [a, b] = await t.db.query<{ id: number }>("select id from public.categories where slug in ('physics', 'chemistry') order by id");
      const videos = await newVideos(40, 'pending');
      await t.db.query('update public.videos set category_id = $2 where id = any($1::uuid[])', [videos, a!.id]);
      const [one, two] = [await t.connect(), await t.connect()];
      try {
        // Each side moves its half between the two categories and changes statuses, in opposite
        // category orders, both held at the gate until both wait on the same count rows.
        const side = (db: SqlConnection, mine: string[], from: number, to: number) => () =>
          db.transaction(async (tx) => {
            await tx.query("update public.videos set category_id = $2, moderation_status = 'approved' where id = any($1::uuid[])", [mine, to]);
            await tx.query(
              "insert into public.videos (platform, platform_id, url, title, category_id) select 'other', $1 || i, $2 || i, $1, $3 from generate_series(1, 5) i",
              [`count-race-${to}`, `https://media.example.org/v/count-race-${to}-`, from],
            );
          });
        const results = await raceThroughGate(
          t.db,
          t.db,
          'select category_id from public.category_video_counts where category_id = any($1::int[]) order by category_id for update',
          [[a!.id, b!.id]],
          [side(one, videos.slice(0, 20), a!.id, b!.id), side(two, videos.slice(20), b!.id, a!.id)],
        );
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
        const counts = await t.db.query<{ id: number; approved: number; pending: number }>(
          'select category_id as id, approved::int, pending::int from public.category_video_counts where category_id = any($1::int[]) order by 1',
          [[a!.id, b!.id]],
        );
        const truth = await t.db.query<{ id: number; approved: number; pending: number }>(
          `select c.id, count(v.id) filter (where v.moderation_status = 'approved')::int as approved,
                  count(v.id) filter (where v.moderation_status = 'pending')::int as pending
             from public.categories c left join public.videos v on v.category_id = c.id where c.id = any($1::int[]) group by c.id order by 1`,
          [[a!.id, b!.id]],
        );
        expect(counts).toEqual(truth);
      } finally {
        await Promise.all([one.close(), two.close()]);
      }
    });
  });

  describe('two curators (an admin and a curator) reordering the same siblings at once', () => {
    it('both moves land, one after the other: no deadlock, and the siblings numbered 0..n-1 once', async () => {
      const [gwAda, gwGrace] = await twoGateways();
      try {
        const science = (await t.db.query<{ id: number }>("select id from public.categories where slug = 'science'"))[0]!.id;
        const ids = async (slug: string) => (await t.db.query<{ id: number }>('select id from public.categories where slug = $1', [slug]))[0]!.id;
        const [physics, chemistry] = [await ids('physics'), await ids('chemistry')];
        const hedy = (await t.db.query<{ id: string }>("select id from public.users where username = 'hedy_curator'"))[0]!.id;
        // Physics to the end, Chemistry to the front: each move locks its own category, then
        // renumbers the siblings, the other's category among them. The gate holds Astronomy, which
        // both renumberings change, until both are in flight.
        await t.db.query(
          'update public.categories set display_order = k.n from (values ($1::int, 0), ($2::int, 3)) k(id, n) where categories.id = k.id',
          [physics, chemistry],
        );
        const move = (gw: SqlAdminGateway, op: string, id: number, position: number) => () =>
          gw.call('admin_move_category', { p_operator: op, p_id: id, p_parent_id: science, p_position: position });
        const results = await raceThroughGate(
          t.db,
          t.db,
          "select id from public.categories where slug = 'astronomy' for update",
          [],
          [move(gwAda, ada, physics, 99), move(gwGrace, hedy, chemistry, 0)],
        );
        expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : r.status))).toEqual(['fulfilled', 'fulfilled']);
        const orders = (
          await t.db.query<{ display_order: number }>('select display_order from public.categories where parent_id = $1 order by display_order', [
            science,
          ])
        ).map((r) => r.display_order);
        expect(orders).toEqual(orders.map((_, i) => i));
      } finally {
        await Promise.all([gwAda.close(), gwGrace.close()]);
      }
    });
  });
});
