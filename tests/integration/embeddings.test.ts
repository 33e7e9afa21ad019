// Embedding backfills: leases that survive a dead worker, no item completed twice, rate limits
// honoured without breaking batches, bad vectors never stored, staleness by content hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlAdminGateway } from '../../electron/db/sql-admin-gateway';
import { runBackfill } from '../../electron/services/embeddings/backfill-runner';
import { OpenAiCompatibleProvider } from '../../electron/services/embeddings/openai-compatible-provider';
import { LocalGloveProvider } from '../../electron/services/embeddings/local-glove-provider';
import { padVector, type EmbeddingProvider } from '../../electron/services/embeddings/provider';
import { startFakeEmbeddingsApi } from '../support/fake-embeddings-api';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

let t: TestDatabase;
let gw: SqlAdminGateway;
let op: string;

beforeAll(async () => {
  t = await openTestDatabase('demo');
  gw = new SqlAdminGateway(t.db, false);
  op = (await t.db.query<{ id: string }>("select id from public.users where username = 'ada_moderator'"))[0]!.id;
});
afterAll(() => t.dispose());

const createJob = async (statuses: string[], scope = 'missing', model = 'test-model', options = {}) =>
  (await gw.call('admin_embedding_job_create', {
    p_operator: op,
    p_provider: 'openai-compatible',
    p_model: model,
    p_dimensions: 8,
    p_scope: scope,
    p_statuses: statuses,
    p_dry_run: false,
    p_options: options,
  })) as { id: string; total: number };
const job = async (id: string) =>
  (
    (await gw.call('admin_embedding_jobs', { p_operator: op, p_limit: 200 })) as {
      id: string;
      status: string;
      done: number;
      failed: number;
      total: number;
    }[]
  ).find((j) => j.id === id)!;

const fakeProvider = (
  over: Partial<EmbeddingProvider> & {
    fn?: (texts: string[]) => Promise<ReturnType<EmbeddingProvider['embed']> extends Promise<infer R> ? R : never>;
  } = {},
): EmbeddingProvider => ({
  id: 'openai-compatible',
  model: 'test-model',
  dimensions: 8,
  maxBatch: 64,
  embed: over.fn ?? (async (texts) => texts.map((_, i) => ({ vector: padVector(Array.from({ length: 8 }, (_, k) => k + i + 1)) }))),
  ...over,
});

describe('jobs', () => {
  it('dry-runs with a count and an estimate, then creates a job of work items', async () => {
    const dry = (await gw.call('admin_embedding_job_create', {
      p_operator: op,
      p_provider: 'test',
      p_model: 'test-model',
      p_dimensions: 8,
      p_scope: 'missing',
      p_statuses: ['flagged'],
      p_price_per_million_tokens: 20,
    })) as { videos: number; estimated_tokens: number; estimated_cost: number };
    expect(dry.videos).toBeGreaterThan(0);
    expect(dry.estimated_tokens).toBeGreaterThan(0);
    const j = await createJob(['flagged']);
    expect(j.total).toBe(dry.videos);
    await expect(
      gw.call('admin_embedding_job_create', {
        p_operator: op,
        p_provider: 'x',
        p_model: 'm',
        p_dimensions: 3072,
        p_scope: 'all',
        p_statuses: ['approved'],
      }),
    ).rejects.toMatchObject({ code: '22023', message: expect.stringContaining('1536') });
  });

  it("writes a job's items chunk by chunk as it is worked, not when it starts (100,000 at once held the embedded session for seconds)", async () => {
    const expected = (
      await t.db.query<{ video_id: string }>(
        "select c.video_id from private.embedding_candidates('all', 'chunk-model', array['pending', 'approved']) c order by 1",
      )
    ).map((r) => r.video_id);
    const j = await createJob(['pending', 'approved'], 'all', 'chunk-model');
    const state = async () =>
      (
        await t.db.query<{ items: number; preparing: boolean; prepared_through: string | null; total: number; status: string }>(
          `select (select count(*)::int from public.embedding_job_items where job_id = j.id) as items, preparing, prepared_through, total, status
             from public.embedding_jobs j where id = $1`,
          [j.id],
        )
      )[0]!;
    // Started: counted, nothing written yet; with nothing pending it is still not done.
    expect(await state()).toMatchObject({ items: 0, preparing: true, prepared_through: null, total: expected.length, status: 'running' });
    await t.db.query('select private.embedding_job_settle($1)', [j.id]);
    expect((await state()).status).toBe('running');
    // A chunk that fails half-way (a killed worker) leaves the cursor where the last committed chunk put it.
    await t.db.query('select private.embedding_job_prepare($1, 40)', [j.id]);
    const first = await state();
    expect(first.preparing).toBe(true);
    expect(first.items).toBeGreaterThan(0);
    expect(first.items).toBeLessThanOrEqual(40);
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query('select private.embedding_job_prepare($1, 40)', [j.id]);
        throw new Error('killed mid-chunk');
      }),
    ).rejects.toThrow('killed mid-chunk');
    expect(await state()).toEqual(first);
    let chunks = 1;
    while ((await t.db.query<{ more: boolean }>('select private.embedding_job_prepare($1, 40) as more', [j.id]))[0]!.more) chunks++;
    const last = await state();
    expect(chunks).toBeGreaterThan(2);
    expect(last).toMatchObject({ preparing: false, items: expected.length, total: expected.length, status: 'running' });
    const written = (
      await t.db.query<{ video_id: string }>('select video_id from public.embedding_job_items where job_id = $1 order by 1', [j.id])
    ).map((r) => r.video_id);
    expect(written).toEqual(expected);
    // Prepared and fully worked: done.
    await t.db.query("update public.embedding_job_items set status = 'done' where job_id = $1", [j.id]);
    await t.db.query('select private.embedding_job_settle($1)', [j.id]);
    expect((await state()).status).toBe('done');
  });

  it('a lease on a preparing job writes the next chunk first, and a worker goes on past chunks with nothing to embed', async () => {
    // Embed every approved video but the last few by id, so that only the tail needs a "missing" backfill.
    const ids = (await t.db.query<{ id: string }>("select id from public.videos where moderation_status = 'approved' order by id")).map((r) => r.id);
    const tail = ids.slice(-3);
    await t.db.query(
      `insert into public.video_embeddings (video_id, embedding, model, source, content_hash, dimensions)
       select id, ('[' || array_to_string(array_fill(0.5::real, array[1536]), ',') || ']')::extensions.vector, 'tail-model', 'title_description', 'x', 8
         from public.videos where moderation_status = 'approved' and id <> all ($1::uuid[])`,
      [tail],
    );
    const j = await createJob(['approved'], 'missing', 'tail-model');
    expect(j.total).toBe(3);
    // Leases of 2 write chunks of 64 videos: most chunks hold none of the three.
    let emptyChunks = 0;
    const counting = Object.assign(Object.create(gw) as SqlAdminGateway, {
      call: async (fn: string, args: Record<string, unknown>) => {
        const out = await gw.call(fn, args);
        const lease = out as { items?: unknown[]; preparing?: boolean };
        if (fn === 'admin_embedding_lease' && lease.items?.length === 0 && lease.preparing) emptyChunks++;
        return out;
      },
    });
    const r = await runBackfill({
      gateway: counting,
      operator: op,
      provider: fakeProvider({ model: 'tail-model' }),
      jobId: j.id,
      worker: 'tail',
      batchSize: 2,
    });
    expect(emptyChunks).toBeGreaterThan(0);
    expect(r).toMatchObject({ stopped: 'finished', done: 3, failed: 0 });
    expect(await job(j.id)).toMatchObject({ status: 'done', done: 3, total: 3 });
    const embedded = await t.db.query<{ video_id: string }>(
      "select video_id from public.video_embeddings where video_id = any ($1::uuid[]) and model = 'tail-model'",
      [tail],
    );
    expect(embedded).toHaveLength(3);
    await t.db.query("delete from public.video_embeddings where model = 'tail-model'");
  });

  it('resumes after a worker dies mid-batch (lease expiry), and never completes an item twice', async () => {
    const j = await createJob(['rejected']);
    const a = (await gw.call('admin_embedding_lease', {
      p_operator: op,
      p_job_id: j.id,
      p_worker: 'worker-a',
      p_model: 'test-model',
      p_dimensions: 8,
      p_limit: 5,
      p_lease_seconds: 30,
    })) as { items: { video_id: string; content_hash: string }[] };
    expect(a.items).toHaveLength(5);
    // worker-b cannot take those while the lease holds...
    const early = (await gw.call('admin_embedding_lease', {
      p_operator: op,
      p_job_id: j.id,
      p_worker: 'worker-b',
      p_model: 'test-model',
      p_dimensions: 8,
      p_limit: 1000,
    })) as { items: { video_id: string }[] };
    expect(early.items.map((i) => i.video_id)).not.toContain(a.items[0]!.video_id);
    await gw.call('admin_embedding_release', { p_operator: op, p_job_id: j.id, p_worker: 'worker-b' });
    // ...worker-a dies; its lease runs out; worker-b picks the batch up.
    await t.db.query(
      "update public.embedding_job_items set leased_until = now() - interval '1 second' where job_id = $1 and lease_owner = 'worker-a'",
      [j.id],
    );
    const b = (await gw.call('admin_embedding_lease', {
      p_operator: op,
      p_job_id: j.id,
      p_worker: 'worker-b',
      p_model: 'test-model',
      p_dimensions: 8,
      p_limit: 1000,
    })) as { items: { video_id: string; content_hash: string }[] };
    expect(b.items.map((i) => i.video_id)).toEqual(expect.arrayContaining(a.items.map((i) => i.video_id)));
    const vec = `[${padVector([1, 2, 3]).join(',')}]`;
    const late = (await gw.call('admin_embedding_complete', {
      p_operator: op,
      p_job_id: j.id,
      p_worker: 'worker-a',
      p_model: 'test-model',
      p_dimensions: 8,
      p_items: a.items.map((i) => ({ video_id: i.video_id, embedding: vec, content_hash: i.content_hash })),
    })) as { completed: number; skipped: number };
    expect(late).toEqual({ completed: 0, skipped: 5 });
    const done = (await gw.call('admin_embedding_complete', {
      p_operator: op,
      p_job_id: j.id,
      p_worker: 'worker-b',
      p_model: 'test-model',
      p_dimensions: 8,
      p_items: b.items.map((i) => ({ video_id: i.video_id, embedding: vec, content_hash: i.content_hash })),
    })) as { completed: number };
    expect(done.completed).toBe(b.items.length);
    const again = (await gw.call('admin_embedding_complete', {
      p_operator: op,
      p_job_id: j.id,
      p_worker: 'worker-b',
      p_model: 'test-model',
      p_dimensions: 8,
      p_items: b.items.slice(0, 1).map((i) => ({ video_id: i.video_id, embedding: vec, content_hash: i.content_hash })),
    })) as { completed: number };
    expect(again.completed).toBe(0);
    expect(await job(j.id)).toMatchObject({ status: 'done', done: j.total });
  });

  it('two runners on one job share it without overlap', async () => {
    const j = await createJob(['pending']);
    const seen: string[] = [];
    const recorder = fakeProvider({
      fn: async (texts) => {
        seen.push(...texts);
        return texts.map((_, i) => ({ vector: padVector([1, i + 1]) }));
      },
    });
    const [r1, r2] = await Promise.all([
      runBackfill({ gateway: gw, operator: op, provider: recorder, jobId: j.id, worker: 'w1', batchSize: 7, concurrency: 2 }),
      runBackfill({ gateway: gw, operator: op, provider: recorder, jobId: j.id, worker: 'w2', batchSize: 7, concurrency: 2 }),
    ]);
    expect(r1.done + r2.done).toBe(j.total);
    expect(await job(j.id)).toMatchObject({ status: 'done', done: j.total, failed: 0 });
  });

  it('under a write budget, sends the provider whole batches and writes them in short chunks (a remote API is not asked 1 text at a time)', async () => {
    const j = await createJob(['approved'], 'all', 'test-model');
    const asked: number[] = [];
    const written: number[] = [];
    const provider = fakeProvider({
      fn: async (texts) => {
        asked.push(texts.length);
        return texts.map((_, i) => ({ vector: padVector([1, i + 1]) }));
      },
    });
    const recording = Object.assign(Object.create(gw) as SqlAdminGateway, {
      call: (fn: string, args: Record<string, unknown>) => {
        if (fn === 'admin_embedding_complete') written.push((args.p_items as unknown[]).length);
        return gw.call(fn, args);
      },
    });
    // A budget no write fits: every chunk is as small as it gets, the provider's batches stay whole.
    const r = await runBackfill({
      gateway: recording,
      operator: op,
      provider,
      jobId: j.id,
      worker: 'budget',
      batchSize: 32,
      concurrency: 1,
      writeBudgetMs: 0.001,
    });
    expect(r).toMatchObject({ stopped: 'finished', done: j.total, failed: 0 });
    expect(j.total).toBeGreaterThan(32);
    expect(asked[0]).toBe(32);
    expect(Math.max(...written)).toBeLessThanOrEqual(4);
    expect(written.at(-1)).toBe(1);
    expect(written.reduce((a, b) => a + b, 0)).toBe(j.total);
    expect(await job(j.id)).toMatchObject({ status: 'done', done: j.total });
  });

  it('fails a NaN or all-zero vector item by item and never stores it', async () => {
    await t.db.query("delete from public.video_embeddings where model = 'test-model'");
    const j = await createJob(['flagged'], 'missing', 'zero-model');
    let first = true;
    const provider = fakeProvider({
      model: 'zero-model',
      fn: async (texts) =>
        texts.map((_, i) => {
          if (first && i === 0) return { vector: new Float32Array(1536) };
          if (first && i === 1) {
            first = false;
            const v = padVector([1, 2]);
            v[5] = Number.NaN;
            return { vector: v };
          }
          return { vector: padVector([1, i + 1]) };
        }),
    });
    const r = await runBackfill({ gateway: gw, operator: op, provider, jobId: j.id, worker: 'w', batchSize: 50, concurrency: 1 });
    expect(r.failed).toBe(2);
    const failures = (await gw.call('admin_embedding_failures', { p_operator: op, p_job_id: j.id })) as { error: string }[];
    expect(failures).toHaveLength(2);
    expect(failures.map((f) => f.error)).toEqual(
      expect.arrayContaining([expect.stringContaining('all zeros'), expect.stringContaining('non-finite')]),
    );
    const stored = await t.db.query<{ n: number }>("select count(*)::int as n from public.video_embeddings where model = 'zero-model'");
    expect(stored[0]!.n).toBe(j.total - 2);
    // Retry the failed ones: they go back to work and succeed.
    await gw.call('admin_embedding_control', { p_operator: op, p_job_id: j.id, p_action: 'retry_failed' });
    await runBackfill({ gateway: gw, operator: op, provider, jobId: j.id, worker: 'w', batchSize: 50, concurrency: 1 });
    expect(await job(j.id)).toMatchObject({ status: 'done', failed: 0, done: j.total });
  });

  it('pauses, resumes and cancels through the database', async () => {
    const j = await createJob(['approved'], 'missing', 'pause-model');
    await gw.call('admin_embedding_control', { p_operator: op, p_job_id: j.id, p_action: 'pause' });
    const r = await runBackfill({ gateway: gw, operator: op, provider: fakeProvider({ model: 'pause-model' }), jobId: j.id, worker: 'w' });
    expect(r).toMatchObject({ stopped: 'paused', done: 0 });
    await gw.call('admin_embedding_control', { p_operator: op, p_job_id: j.id, p_action: 'resume' });
    await gw.call('admin_embedding_control', { p_operator: op, p_job_id: j.id, p_action: 'cancel' });
    await expect(gw.call('admin_embedding_control', { p_operator: op, p_job_id: j.id, p_action: 'pause' })).rejects.toMatchObject({ code: 'PT409' });
  });

  it('makes an embedding stale when the title changes', async () => {
    const [v] = await t.db.query<{ id: string }>("select e.video_id as id from public.video_embeddings e where e.model = 'zero-model' limit 1");
    const before = (await gw.call('admin_embedding_coverage', { p_operator: op })) as { stale: number };
    await t.db.query("update public.videos set title = title || ' (edited)' where id = $1", [v!.id]);
    const after = (await gw.call('admin_embedding_coverage', { p_operator: op })) as { stale: number; index_present: boolean };
    expect(after.stale).toBe(before.stale + 1);
    expect(after.index_present).toBe(true);
    const dry = (await gw.call('admin_embedding_job_create', {
      p_operator: op,
      p_provider: 'test',
      p_model: 'zero-model',
      p_dimensions: 8,
      p_scope: 'stale',
      p_statuses: ['flagged'],
    })) as { videos: number };
    expect(dry.videos).toBe(1);
  });
});

describe('the OpenAI-compatible provider (against a local stand-in)', () => {
  it('honours Retry-After on 429 and retries the same batch whole', async () => {
    const api = await startFakeEmbeddingsApi((call) => (call === 1 ? { status: 429, headers: { 'retry-after': '1' } } : null));
    try {
      const j = await createJob(['flagged'], 'all', 'api-model');
      const waits: number[] = [];
      const provider = new OpenAiCompatibleProvider({ baseUrl: api.baseUrl, model: 'api-model', apiKey: 'sk-test-key', dimensions: 8 });
      const r = await runBackfill({
        gateway: gw,
        operator: op,
        provider,
        jobId: j.id,
        worker: 'w',
        batchSize: 100,
        concurrency: 1,
        sleep: async (ms) => {
          waits.push(ms);
        },
      });
      expect(waits).toEqual([1000]);
      expect(r).toMatchObject({ retries: 1, done: j.total });
      expect(api.calls[0]!.input.length).toBe(api.calls[1]!.input.length);
      expect(api.calls[0]!.auth).toBe('Bearer sk-test-key');
    } finally {
      await api.stop();
    }
  });

  it('stops the job with a clear message on a wrong key, a wrong count or wrong dimensions', async () => {
    const cases: [number | 'count' | 'dims', RegExp][] = [
      [401, /rejected the API key/],
      [404, /does not know the model/],
      ['count', /returned 1 vectors for/],
      ['dims', /returned 3 dimensions/],
    ];
    for (const [kind, message] of cases) {
      const api = await startFakeEmbeddingsApi((_c, body) =>
        typeof kind === 'number'
          ? { status: kind }
          : kind === 'count'
            ? { status: 200, body: { data: [{ index: 0, embedding: [1, 2, 3, 4, 5, 6, 7, 8] }] } }
            : { status: 200, body: { data: body.input.map((_, index) => ({ index, embedding: [1, 2, 3] })) } },
      );
      try {
        const provider = new OpenAiCompatibleProvider({ baseUrl: api.baseUrl, model: 'api-model', apiKey: 'k', dimensions: 8 });
        if (kind === 'dims') {
          const out = await provider.embed(['a', 'b']);
          expect(out[0]).toMatchObject({ error: expect.stringMatching(message) });
        } else {
          await expect(provider.embed(['a', 'b'])).rejects.toThrow(message);
        }
      } finally {
        await api.stop();
      }
    }
  });
});

describe('semantic search with the offline provider', () => {
  it('finds a video by meaning after a backfill', async () => {
    const local = new LocalGloveProvider();
    const j = (await gw.call('admin_embedding_job_create', {
      p_operator: op,
      p_provider: local.id,
      p_model: local.model,
      p_dimensions: local.dimensions,
      p_scope: 'all',
      p_statuses: ['approved'],
      p_dry_run: false,
    })) as { id: string; total: number };
    const r = await runBackfill({ gateway: gw, operator: op, provider: local, jobId: j.id, worker: 'local', batchSize: 64, concurrency: 2 });
    expect(r.done).toBe(j.total);
    const [q] = await local.embed(['how black holes form']);
    const hits = (await gw.call('admin_semantic_search', {
      p_operator: op,
      p_embedding: `[${Array.from((q as { vector: Float32Array }).vector).join(',')}]`,
      p_model: local.model,
    })) as { title: string; similarity: number }[];
    expect(hits).toHaveLength(10);
    expect(hits.slice(0, 3).some((h) => /black hole|stellar|neutron|galax|dark matter|big bang|exoplanet/i.test(h.title))).toBe(true);
  });
});

describe('workers that must not join or finish', () => {
  it("refuses a worker whose provider or model is not the job's (its vectors would be stored under the job's label)", async () => {
    const j = await createJob(['flagged'], 'all', 'label-model');
    const glove = new LocalGloveProvider();
    await expect(runBackfill({ gateway: gw, operator: op, provider: glove, jobId: j.id, worker: 'intruder' })).rejects.toMatchObject({
      code: 'job_provider_mismatch',
    });
    expect(await job(j.id)).toMatchObject({ done: 0 });
  });

  it("a resumed worker finishes only when the job is done: it waits for, then reclaims, a dead worker's leased items", async () => {
    const j = await createJob(['flagged'], 'all', 'resume-model');
    const dead = (await gw.call('admin_embedding_lease', {
      p_operator: op,
      p_job_id: j.id,
      p_worker: 'dead',
      p_model: 'resume-model',
      p_dimensions: 8,
      p_limit: 3,
      p_lease_seconds: 60,
    })) as { items: unknown[] };
    expect(dead.items).toHaveLength(3);
    const waited: number[] = [];
    const r = await runBackfill({
      gateway: gw,
      operator: op,
      provider: fakeProvider({ model: 'resume-model' }),
      jobId: j.id,
      worker: 'resumed',
      pollMs: 200,
      onProgress: (p) => {
        if (!p.waiting) return;
        waited.push(p.waiting);
        // The dead worker's lease runs out while the resumed one waits.
        void t.db.query(
          "update public.embedding_job_items set leased_until = now() - interval '1 second' where job_id = $1 and lease_owner = 'dead'",
          [j.id],
        );
      },
    });
    expect(r.stopped).toBe('finished');
    expect(waited[0]).toBe(3);
    expect(await job(j.id)).toMatchObject({ status: 'done', done: j.total });
  });

  it('stores a provider error without the key it echoed', async () => {
    const key = 'sk-live-abcdefghijklmnopqrstuvwxyz';
    const api = await startFakeEmbeddingsApi(() => ({ status: 400, body: `bad request for key ${key}` }));
    try {
      const j = await createJob(['flagged'], 'all', 'echo-model');
      const provider = new OpenAiCompatibleProvider({ baseUrl: api.baseUrl, model: 'echo-model', apiKey: key, dimensions: 8 });
      await expect(runBackfill({ gateway: gw, operator: op, provider, jobId: j.id, worker: 'w', concurrency: 1 })).rejects.toThrow(
        /refused the request/,
      );
      const rows = await t.db.query<{ last_error: string | null }>(
        'select last_error from public.embedding_job_items where job_id = $1 and last_error is not null',
        [j.id],
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toContain(key);
    } finally {
      await api.stop();
    }
  });
});
