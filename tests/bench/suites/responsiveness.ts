// The console's responsiveness on the embedded workspace while a long backfill runs: a small
// admin call (moderation:counts, as the queue page refreshes it) made every 50 ms through the
// console's own handlers, its p95 latency with no backfill (the baseline) and during a backfill of
// every video (20,000 by default, --videos N) with the offline GloVe provider, started as the page
// starts it. Latency counts from the moment each call was due, so a stalled event loop shows up in
// it. Target: p95 within 200 ms while the backfill runs. On the embedded workspace, where the time
// went: how long the console's calls waited for the one session, how long the backfill's held it.
// With MAGNA_BENCH_DATABASE_URL, the same on a real server, side by side.
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { EmbeddedDatabase } from '../../../electron/db/embedded-database';
import type { SchedulerStats } from '../../../electron/db/embedded-worker';
import { SqlAdminGateway } from '../../../electron/db/sql-admin-gateway';
import { FileSecretStore } from '../../../electron/services/connections/file-secret-store';
import { describeDatabaseUrl } from '../../../electron/db/postgres-database';
import type { StoredProfile } from '../../../electron/services/connections/profile-store';
import { createConsoleApp, type ConsoleApp } from '../../../electron/shells/console-app';
import { handle } from '../../../electron/shells/handle';
import { LocalGloveProvider } from '../../../electron/services/embeddings/local-glove-provider';
import { prepareDataset } from '../dataset';
import { ms, ratio, type Report } from '../measure';
import { collect, scratchDatabase, sideBySide } from '../server';

const EVERY_MS = 50;
/** Below this, a backfill is over before it says anything about a long one. */
const MIN_VIDEOS = 5_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

type Sample = { latencies: number[]; failures: number };

/** Calls `call` every EVERY_MS until `stop` resolves; each latency runs from when the call was due. */
async function sample(call: () => Promise<unknown>, stop: Promise<unknown>): Promise<Sample> {
  const latencies: number[] = [];
  let failures = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  let stopped = false;
  void stop.finally(() => (stopped = true));
  for (let k = 0; !stopped; k++) {
    const due = started + k * EVERY_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (stopped) break;
    inFlight.push(
      call().then(
        () => void latencies.push(performance.now() - due),
        () => void failures++,
      ),
    );
  }
  await Promise.all(inFlight);
  return { latencies: latencies.sort((a, b) => a - b), failures };
}

const spread = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${ms(percentile(sorted, 50))} · p95 ${ms(percentile(sorted, 95))} · max ${ms(sorted.at(-1) ?? Number.NaN)}`;
};

/** Where the time went on the embedded session: waits of the console's calls, holds of the backfill's. */
function reportScheduler(report: Report, stats: SchedulerStats): void {
  for (const kind of ['read', 'write'] as const) {
    const k = stats.byKind[kind];
    if (k.units) report(`  session: console ${kind}s waited (${k.units})`, spread(k.waitMs));
  }
  const labels = Object.entries(stats.byLabel)
    .filter(([label]) => label.startsWith('background '))
    .sort((a, b) => b[1].units - a[1].units);
  for (const [label, l] of labels.slice(0, 4)) report(`  session: ${label} held it (${l.units})`, spread(l.heldMs));
}

const summary = (s: Sample) =>
  `p50 ${ms(percentile(s.latencies, 50))} · p95 ${ms(percentile(s.latencies, 95))} · max ${ms(s.latencies.at(-1) ?? Number.NaN)} (${s.latencies.length} calls${s.failures ? `, ${s.failures} failed` : ''})`;

type Console = { app: ConsoleApp; embedded: EmbeddedDatabase | null; dispose: () => Promise<void> };

/** The console on a copy of the generated embedded dataset, as a user's data folder holds it. */
async function embeddedConsole(videos: number, log: (s: string) => void): Promise<Console> {
  const source = await prepareDataset(`videos-${videos}`, videos, log);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'magna-bench-console-'));
  await mkdir(dataDir, { recursive: true });
  await cp(source, path.join(dataDir, 'workspace'), { recursive: true });
  const app = createConsoleApp({
    shell: 'browser',
    dataDir,
    secrets: () => new FileSecretStore(path.join(dataDir, 'secrets.json')),
    openExternal: async () => false,
  });
  const gateway = await app.connections.gateway();
  const embedded = gateway instanceof SqlAdminGateway && gateway.db instanceof EmbeddedDatabase ? gateway.db : null;
  return {
    app,
    embedded,
    dispose: async () => {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The console on a scratch copy of the same dataset on the real server, as a Postgres profile. */
async function serverConsole(serverUrl: string, videos: number, log: (s: string) => void): Promise<Console> {
  const scratch = await scratchDatabase(serverUrl, videos, log);
  const [ada] = await scratch.db.query<{ id: string }>("select id from public.users where username = 'ada_moderator'");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'magna-bench-console-'));
  const profile: StoredProfile = {
    id: 'bench-server',
    kind: 'postgres',
    name: 'bench server',
    production: false,
    supabaseUrl: null,
    databaseLabel: describeDatabaseUrl(scratch.url),
    operatorId: ada?.id ?? null,
  };
  const app = createConsoleApp({
    shell: 'browser',
    dataDir,
    builtInProfiles: [profile],
    secrets: () => new FileSecretStore(path.join(dataDir, 'secrets.json'), new Map([[profile.id, { databaseUrl: scratch.url }]])),
    openExternal: async () => false,
  });
  return {
    app,
    embedded: null,
    dispose: async () => {
      await app.close();
      await scratch.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Baseline, then during a backfill of every video: the figures go to `report`, live progress to `progress`. */
async function measure(report: Report, progress: (s: string) => void, { app, embedded }: Console, windowSeconds: number | null): Promise<void> {
  const call = async (channel: string, payload: unknown) => {
    const r = await handle(app.handlers, channel, payload, (s) => s);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.data;
  };
  const counts = () => call('moderation:counts', {});
  for (let i = 0; i < 5; i++) await counts(); // opens the workspace, warms the plans

  const baseline = await sample(counts, new Promise((r) => setTimeout(r, 10_000)));
  report('moderation:counts every 50 ms, no backfill (baseline, 10 s)', summary(baseline));
  await embedded?.schedulerStats(true);

  // The backfill as the Embeddings page starts it: a job in the database, worked in the background,
  // its progress events (what the page shows) printed as they come, every 15 s at most.
  let finished: () => void = () => undefined;
  const done = new Promise<void>((r) => (finished = r));
  let over = false;
  void done.then(() => (over = true));
  let shown = 0;
  const unsubscribe = app.jobs.subscribe((e) => {
    if (!e.kind.startsWith('embeddings:')) return;
    if (e.state !== 'running') return finished();
    if (performance.now() - shown >= 15_000) {
      shown = performance.now();
      progress(`${e.done} of ${e.total}: ${e.message}`);
    }
  });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t = performance.now();
  // Sampled from the click on: writing the job and its items is part of what the console goes through.
  const starting = call('embeddings:start', {
    provider: { provider: 'local' },
    scope: 'all',
    statuses: ['pending', 'approved', 'rejected', 'flagged'],
    batchSize: 64,
    concurrency: 2,
  }) as Promise<{ jobId: string }>;
  const startedIn = starting.then(() => performance.now() - t);
  // With a window (--seconds), the backfill is watched that long, then cancelled as the page would.
  const windowed = windowSeconds === null ? null : new Promise<'window'>((r) => setTimeout(() => r('window'), windowSeconds * 1000));
  const during = await sample(
    counts,
    starting.then(() => (windowed ? Promise.race([done, windowed]) : done)),
  );
  const { jobId } = await starting;
  const seconds = (performance.now() - t) / 1000;
  const cut = windowed !== null && !over;
  if (cut) {
    await call('embeddings:control', { jobId, action: 'cancel' });
    await done;
  }
  loop.disable();
  unsubscribe();
  report('embeddings:start answered (the job and its items written; then worked in the background)', ms(await startedIn));
  const jobs = (await call('embeddings:jobs', {})) as { id: string; done: number; failed: number; total: number; status: string }[];
  const job = jobs.find((j) => j.id === jobId);
  report(
    `backfill (offline GloVe, batch ≤ ${Math.min(64, new LocalGloveProvider().maxBatch)}, concurrency 2)`,
    `${job?.done ?? '?'} of ${job?.total ?? '?'} embedded, ${job?.failed ?? '?'} failed, ${cut ? `cancelled after the ${windowSeconds} s window` : (job?.status ?? '?')}, in ${seconds.toFixed(1)} s (${((job?.done ?? 0) / seconds).toFixed(0)} videos/s)`,
  );
  report(`moderation:counts every 50 ms, during the backfill${cut ? ` (its first ${windowSeconds} s)` : ''}`, summary(during));
  if (embedded) reportScheduler(report, await embedded.schedulerStats(true));
  report("this thread's event-loop delay during the backfill", `p99 ${ms(loop.percentile(99) / 1e6)} · max ${ms(loop.max / 1e6)}`);
  const p95 = percentile(during.latencies, 95);
  const base95 = percentile(baseline.latencies, 95);
  report(
    'p95 during the backfill vs baseline',
    `${ms(p95)} vs ${ms(base95)} (${ratio(p95, base95)}; target ≤ 200 ms: ${p95 <= 200 ? 'met' : 'NOT met'})`,
  );
}

export async function run(report: Report, options: { videos: number; serverUrl: string | null; seconds: number | null }): Promise<void> {
  const videos = Math.max(MIN_VIDEOS, options.videos);
  report('backfill size', `${videos} videos (--videos N)${options.seconds ? `, watched for ${options.seconds} s (--seconds N)` : ''}`);
  const embedded = collect();
  const onEmbedded = await embeddedConsole(videos, (s) => report('dataset', s));
  try {
    await measure(embedded.report, (s) => report('  embedded backfill', s), onEmbedded, options.seconds);
  } finally {
    await onEmbedded.dispose();
  }
  let server: ReturnType<typeof collect> | null = null;
  if (options.serverUrl) {
    // A failure on the server still leaves the embedded figures printed.
    try {
      const figures = collect();
      const onServer = await serverConsole(options.serverUrl, videos, (s) => report('server dataset', s));
      try {
        await measure(figures.report, (s) => report('  real-server backfill', s), onServer, options.seconds);
      } finally {
        await onServer.dispose();
      }
      server = figures;
    } catch (e) {
      report('real server', `failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  sideBySide(report, embedded.figures, server?.figures ?? null, options.serverUrl ? describeDatabaseUrl(options.serverUrl) : '');
  report(
    'machine: cores / load average (1, 5 min) at the end',
    `${os.cpus().length} / ${os
      .loadavg()
      .slice(0, 2)
      .map((l) => l.toFixed(1))
      .join(', ')}`,
  );
}
