// Embedding figures on the embedded backend: the raw insert rate of 1536-dimension vectors (the
// ceiling) vs backfill throughput with a zero-latency provider; with a provider taking 200 ms a
// call, throughput vs the provider-bound limit (concurrency × batch ÷ latency); HNSW top-10 recall
// against exact search, and the latency ratio, at 50,000 vectors. With MAGNA_BENCH_DATABASE_URL, the
// same on a real server (a scratch database), side by side.
import { EmbeddedDatabase } from '../../../electron/db/embedded-database';
import { describeDatabaseUrl } from '../../../electron/db/postgres-database';
import type { SqlConnection } from '../../../electron/db/sql-connection';
import { SqlAdminGateway } from '../../../electron/db/sql-admin-gateway';
import { generateDemoData } from '../../../electron/demo-data/generate-demo-data';
import { readMigrationFiles } from '../../../electron/services/migrations/migration-files';
import { migrateUp } from '../../../electron/services/migrations/migration-runner';
import { runBackfill } from '../../../electron/services/embeddings/backfill-runner';
import { padVector, type EmbeddingProvider } from '../../../electron/services/embeddings/provider';
import { Random } from '../../../electron/demo-data/random';
import { ms, ratio, type Report } from '../measure';
import { collect, scratchDatabase, sideBySide } from '../server';

const DIMS = 1536;

/** Clustered unit vectors (like real embeddings: topics), deterministic. */
function vectorFactory(seed: number, clusters = 200) {
  const rnd = new Random(seed);
  const centres = Array.from({ length: clusters }, () => Array.from({ length: DIMS }, () => rnd.next() - 0.5));
  return () => {
    const c = centres[Math.floor(rnd.next() * clusters)]!;
    const v = c.map((x) => x + (rnd.next() - 0.5) * 0.6);
    const n = Math.hypot(...v);
    return v.map((x) => x / n);
  };
}
const literal = (v: number[] | Float32Array) => `[${Array.from(v, (x) => x.toFixed(6)).join(',')}]`;

function fakeProvider(latencyMs: number, next: () => number[]): EmbeddingProvider {
  return {
    id: 'openai-compatible',
    model: `fake-${latencyMs}ms`,
    dimensions: DIMS,
    maxBatch: 256,
    embed: async (texts) => {
      if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
      return texts.map(() => ({ vector: padVector(next()) }));
    },
  };
}

/** The figures on one backend: `db` is migrated and empty. */
async function figures(db: SqlConnection, report: Report): Promise<void> {
  await generateDemoData(db, { videos: 6000, seed: 3 });
  const gw = new SqlAdminGateway(db, false);
  const [{ id: op }] = (await db.query<{ id: string }>("select id from public.users where username = 'ada_moderator'")) as [{ id: string }];
  const next = vectorFactory(11);

  // Ceiling: bare batched inserts of 2,000 vectors (64 per statement), HNSW index maintained.
  const ids = (await db.query<{ id: string }>('select id from public.videos order by id limit 2000')).map((r) => r.id);
  let t = performance.now();
  for (let i = 0; i < ids.length; i += 64) {
    const batch = ids.slice(i, i + 64).map((id) => ({ video_id: id, embedding: literal(next()) }));
    await db.query(
      `insert into public.video_embeddings (video_id, embedding, model, source)
      select video_id, embedding::extensions.vector(1536), 'ceiling', 'bench' from json_to_recordset($1::text::json) as x(video_id uuid, embedding text)`,
      [JSON.stringify(batch)],
    );
  }
  const ceiling = ids.length / ((performance.now() - t) / 1000);
  report('raw insert of 1536-d vectors, 64 per statement (ceiling)', `${ceiling.toFixed(0)} vectors/s`);
  await db.query("delete from public.video_embeddings where model = 'ceiling'");

  const job = async (statuses: string[], provider: EmbeddingProvider) =>
    (await gw.call('admin_embedding_job_create', {
      p_operator: op,
      p_provider: provider.id,
      p_model: provider.model,
      p_dimensions: provider.dimensions,
      p_scope: 'all',
      p_statuses: statuses,
      p_dry_run: false,
    })) as { id: string; total: number };

  const zero = fakeProvider(0, next);
  const j0 = await job(['approved'], zero);
  t = performance.now();
  const r0 = await runBackfill({ gateway: gw, operator: op, provider: zero, jobId: j0.id, worker: 'bench-0', batchSize: 64, concurrency: 2 });
  const zeroRate = r0.done / ((performance.now() - t) / 1000);
  report(
    `backfill, zero-latency provider (${r0.done} videos, batch 64, concurrency 2)`,
    `${zeroRate.toFixed(0)} videos/s (${(zeroRate / ceiling).toFixed(2)} of the ceiling; target ≥ 0.5)`,
  );

  // Provider-bound: the provider's limit (lanes × batch ÷ 0.2 s) is set below the write ceiling
  // measured above, so the figure shows whether pipelining keeps the provider busy.
  const slow = fakeProvider(200, next);
  const j1 = await job(['pending'], slow);
  const lanes = 4;
  const batch = Math.max(1, Math.floor((ceiling * 0.5 * 0.2) / lanes));
  t = performance.now();
  const r1 = await runBackfill({
    gateway: gw,
    operator: op,
    provider: slow,
    jobId: j1.id,
    worker: 'bench-200',
    batchSize: batch,
    concurrency: lanes,
  });
  const slowRate = r1.done / ((performance.now() - t) / 1000);
  const bound = (lanes * batch) / 0.2;
  report(
    `backfill, 200 ms provider (${r1.done} videos, batch ${batch}, concurrency ${lanes})`,
    `${slowRate.toFixed(0)} videos/s vs provider-bound ${bound.toFixed(0)}/s (${(slowRate / bound).toFixed(2)}; target ≥ 0.9)`,
  );

  // HNSW recall at 50,000 vectors: 50,000 videos' worth, vectors generated in SQL from the
  // same kind of clusters, the index built after the load.
  await db.query('delete from public.video_embeddings');
  await db.execute('drop index public.idx_video_embeddings_vector');
  await db.query(`insert into public.videos (platform, platform_id, url, title)
    select 'other', 'hnsw-' || i, 'https://media.example.org/hnsw/' || i, 'HNSW ' || i from generate_series(1, 50000 - (select count(*) from public.videos)) i`);
  t = performance.now();
  const all = (await db.query<{ id: string }>('select id from public.videos order by id limit 50000')).map((r) => r.id);
  for (let i = 0; i < all.length; i += 500) {
    const rows = all.slice(i, i + 500).map((id) => ({ video_id: id, embedding: literal(next()) }));
    await db.query(
      `insert into public.video_embeddings (video_id, embedding, model, source)
      select video_id, embedding::extensions.vector(1536), 'hnsw', 'bench' from json_to_recordset($1::text::json) as x(video_id uuid, embedding text)`,
      [JSON.stringify(rows)],
    );
  }
  report('load 50,000 vectors without the index (setup)', ms(performance.now() - t));
  t = performance.now();
  await db.execute('create index idx_video_embeddings_vector on public.video_embeddings using hnsw (embedding extensions.vector_cosine_ops)');
  report('build the HNSW index over 50,000 vectors (m 16, ef_construction 64)', ms(performance.now() - t));
  await db.execute('analyze public.video_embeddings');

  const queries = Array.from({ length: 30 }, () => literal(next()));
  const sql = 'select video_id from public.video_embeddings order by embedding operator(extensions.<=>) $1::extensions.vector(1536) limit 10';
  let recall = 0;
  let annMs = 0;
  let exactMs = 0;
  // As admin_semantic_search does: no sequential scan for the ANN run (pgvector's cost model
  // prefers one once the vectors are TOASTed); no index for the exact run. Settings are local to
  // a transaction, so they hold on a server's pooled connections too.
  const planned = <T extends Record<string, unknown>>(index: boolean, text: string, params: string[]) =>
    db.transaction(async (tx) => {
      await tx.execute(`set local enable_indexscan = ${index ? 'on' : 'off'}`);
      await tx.execute(`set local enable_seqscan = ${index ? 'off' : 'on'}`);
      return tx.query<T>(text, params);
    });
  for (const q of queries) {
    let s = performance.now();
    const exact = new Set((await planned<{ video_id: string }>(false, sql, [q])).map((r) => r.video_id));
    exactMs += performance.now() - s;
    s = performance.now();
    const ann = await planned<{ video_id: string }>(true, sql, [q]);
    annMs += performance.now() - s;
    recall += ann.filter((r) => exact.has(r.video_id)).length / 10;
  }
  const plan = async (index: boolean) => {
    const rows = await planned<{ 'QUERY PLAN': string }>(index, `explain ${sql}`, [queries[0]!]);
    return rows.some((r) => r['QUERY PLAN'].includes('Index Scan using idx_video_embeddings_vector')) ? 'HNSW index scan' : 'sequential scan + sort';
  };
  report('plans used: ANN run / exact run', `${await plan(true)} / ${await plan(false)}`);
  report('HNSW top-10 recall vs exact search (30 queries, ef_search 40)', `${(recall / queries.length).toFixed(3)}`);
  report(
    'query latency: HNSW vs exact (sequential scan)',
    `${ms(annMs / queries.length)} vs ${ms(exactMs / queries.length)} (exact ${ratio(exactMs, annMs)} slower)`,
  );
}

export async function run(report: Report, options: { serverUrl: string | null }): Promise<void> {
  const embedded = collect();
  const db = await EmbeddedDatabase.open();
  try {
    await migrateUp(db, await readMigrationFiles());
    await figures(db, embedded.report);
  } finally {
    await db.close();
  }
  let server: ReturnType<typeof collect> | null = null;
  if (options.serverUrl) {
    server = collect();
    const scratch = await scratchDatabase(options.serverUrl, 0, (s) => report('server', s));
    try {
      await figures(scratch.db, server.report);
    } finally {
      await scratch.dispose();
    }
  }
  sideBySide(report, embedded.figures, server?.figures ?? null, options.serverUrl ? describeDatabaseUrl(options.serverUrl) : '');
}
