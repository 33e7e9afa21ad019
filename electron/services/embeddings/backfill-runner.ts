// Works a backfill job: lanes (the concurrency) each lease a batch, embed it in one request, check
// every vector, and store it (in chunks that fit the embedded workspace's write budget) — while one
// lane writes, the others embed (pipelining).
// Rate limits and server errors are retried with exponential backoff and jitter, honouring
// Retry-After, without breaking the batch up. Items that cannot be embedded fail one by one;
// the job goes on. Pausing or cancelling in the database stops every worker at its next lease.
import type { AdminGateway } from '../../db/admin-gateway';
import { AdminError } from '../../db/admin-error';
import { inBackground, timeOnSession } from '../../db/background-work';
import { Redactor } from '../../lib/redactor';
import { checkVector, ProviderError, type EmbeddingProvider } from './provider';

export type BackfillProgress = {
  done: number;
  failed: number;
  batches: number;
  retries: number;
  lastError: string | null;
  /** Items other workers still hold, waited for (their leases expire if those workers died). */
  waiting?: number;
};
export type BackfillOptions = {
  gateway: AdminGateway;
  /** The admin the work is done as (every embeddings function checks the staff role). */
  operator: string;
  provider: EmbeddingProvider;
  jobId: string;
  worker: string;
  batchSize?: number;
  concurrency?: number;
  leaseSeconds?: number;
  maxRetries?: number;
  signal?: AbortSignal;
  /**
   * Keeps each write within about this many milliseconds by writing a batch in chunks sized to the
   * measured cost per item (never above batchSize). For the embedded workspace, whose one session
   * the console waits for while a chunk is written; unset, a batch is written in one call. The
   * provider still gets the whole batch in one request (a remote API's latency is paid per batch).
   */
  writeBudgetMs?: number;
  /** How often to look again while other workers hold the job's last items (ms). */
  pollMs?: number;
  onProgress?: (p: BackfillProgress) => void;
  sleep?: (ms: number) => Promise<void>;
};
export type BackfillResult = BackfillProgress & { stopped: 'finished' | 'paused' | 'cancelled' | 'aborted' };

type Leased = { video_id: string; text: string; content_hash: string };

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** attempt);
  return base / 2 + random() * (base / 2);
}

/**
 * Batch sizes that keep a write within `budgetMs`: the cost per item is followed as a moving
 * average (it grows with the HNSW index, and with a busy machine), and the next batch holds as
 * many items as fit. It starts small and grows, so the first write does not overrun the budget.
 */
export function batchSizer(max: number, budgetMs?: number): { size(): number; measured(ms: number, items: number): void } {
  if (!budgetMs) return { size: () => max, measured: () => undefined };
  let perItemMs: number | null = null;
  let current = Math.min(max, 4);
  return {
    size: () => current,
    measured(ms, items) {
      if (items <= 0) return;
      const sample = ms / items;
      perItemMs = perItemMs === null ? sample : 0.7 * perItemMs + 0.3 * sample;
      current = Math.max(1, Math.min(max, Math.floor(budgetMs / Math.max(perItemMs, 0.01))));
    },
  };
}

/**
 * Works the job. Every database call it makes is background work: on the embedded workspace's one
 * session the console's own calls go first (background-work.ts).
 */
export function runBackfill(o: BackfillOptions): Promise<BackfillResult> {
  return inBackground(() => backfill(o));
}

async function backfill(o: BackfillOptions): Promise<BackfillResult> {
  const batchSize = Math.max(1, Math.min(o.batchSize ?? 64, o.provider.maxBatch));
  const lanes = Math.max(1, o.concurrency ?? 2);
  const sleep = o.sleep ?? defaultSleep;
  const progress: BackfillProgress = { done: 0, failed: 0, batches: 0, retries: 0, lastError: null };
  let stopped: BackfillResult['stopped'] = 'finished';
  let fatal: Error | null = null;
  const redactor = new Redactor();
  const sizer = batchSizer(batchSize, o.writeBudgetMs);

  // A worker joins a job only with the job's own provider, model and dimensions: its vectors
  // are stored under the job's model label.
  const jobs = (await o.gateway.call('admin_embedding_jobs', { p_operator: o.operator, p_limit: 200 })) as {
    id: string;
    provider: string;
    model: string;
    dimensions: number;
  }[];
  const job = jobs.find((j) => j.id === o.jobId);
  if (job && (job.provider !== o.provider.id || job.model !== o.provider.model || job.dimensions !== o.provider.dimensions)) {
    throw new AdminError({
      code: 'job_provider_mismatch',
      message: `Job ${o.jobId} embeds with ${job.provider} ${job.model} (${job.dimensions} dimensions); this worker has ${o.provider.id} ${o.provider.model} (${o.provider.dimensions}).`,
      hint: 'Work the job with its own provider and model, or start a new job.',
    });
  }

  const embedWithRetries = async (texts: string[]) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await o.provider.embed(texts, o.signal);
      } catch (e) {
        const raw = e instanceof ProviderError ? e : new ProviderError(e instanceof Error ? e.message : String(e), true);
        // Nothing a provider says reaches the job row or the screen unredacted.
        const err = new ProviderError(redactor.redact(raw.message), raw.retryable, raw.retryAfterMs, raw.fatal);
        progress.lastError = err.message;
        if (err.fatal || !err.retryable || attempt >= (o.maxRetries ?? 6) || o.signal?.aborted) throw err;
        progress.retries++;
        o.onProgress?.({ ...progress });
        await sleep(err.retryAfterMs ?? backoffMs(attempt));
      }
    }
  };

  const lane = async () => {
    while (!fatal && !o.signal?.aborted) {
      // The worker's model and dimensions go with every lease and completion: the database refuses
      // a worker that is not the job's, whatever this process checked above.
      const lease = (await o.gateway.call('admin_embedding_lease', {
        p_operator: o.operator,
        p_job_id: o.jobId,
        p_worker: o.worker,
        p_model: o.provider.model,
        p_dimensions: o.provider.dimensions,
        p_limit: batchSize,
        p_lease_seconds: o.leaseSeconds ?? 120,
      })) as { status: string; items: Leased[]; preparing?: boolean };
      if (lease.status !== 'running') {
        stopped = lease.status === 'paused' ? 'paused' : lease.status === 'cancelled' ? 'cancelled' : 'finished';
        return;
      }
      // Nothing in this chunk of a job still being prepared: the next lease writes the next chunk.
      if (lease.items.length === 0 && lease.preparing) continue;
      if (lease.items.length === 0) return;
      let outcomes;
      try {
        outcomes = await embedWithRetries(lease.items.map((i) => i.text));
      } catch (e) {
        const err = e as ProviderError;
        // The batch stays whole: back to pending (retryable) unless the failure is fatal.
        await o.gateway.call('admin_embedding_fail', {
          p_operator: o.operator,
          p_job_id: o.jobId,
          p_worker: o.worker,
          p_retryable: !err.fatal,
          p_items: lease.items.map((i) => ({ video_id: i.video_id, error: err.message })),
        });
        if (err.fatal || o.signal?.aborted) {
          fatal = err;
          return;
        }
        continue;
      }
      const ok: { video_id: string; embedding: string; content_hash: string }[] = [];
      const bad: { video_id: string; error: string }[] = [];
      lease.items.forEach((item, i) => {
        const outcome = outcomes[i];
        const problem = !outcome
          ? 'The provider returned no vector for this text.'
          : 'error' in outcome
            ? outcome.error
            : checkVector(outcome.vector);
        if (problem || !outcome || !('vector' in outcome)) bad.push({ video_id: item.video_id, error: problem ?? 'No vector.' });
        else ok.push({ video_id: item.video_id, embedding: `[${Array.from(outcome.vector).join(',')}]`, content_hash: item.content_hash });
      });
      // Written in chunks that each fit the write budget: between two, the console's calls go first.
      for (let from = 0; from < ok.length;) {
        const chunk = ok.slice(from, from + sizer.size());
        from += chunk.length;
        const writing = performance.now();
        const { value: r, heldMs } = await timeOnSession(
          async () =>
            (await o.gateway.call('admin_embedding_complete', {
              p_operator: o.operator,
              p_job_id: o.jobId,
              p_worker: o.worker,
              p_model: o.provider.model,
              p_dimensions: o.provider.dimensions,
              p_items: chunk,
            })) as { completed: number },
        );
        // The write's own cost on the session where the database reports it (the embedded
        // workspace), not the time it queued behind the console's calls; else the round trip.
        sizer.measured(heldMs ?? performance.now() - writing, chunk.length);
        progress.done += r.completed;
      }
      if (bad.length) {
        await o.gateway.call('admin_embedding_fail', {
          p_operator: o.operator,
          p_job_id: o.jobId,
          p_worker: o.worker,
          p_items: bad,
          p_retryable: false,
        });
        progress.failed += bad.length;
        progress.lastError = bad[0]!.error;
      }
      progress.batches++;
      o.onProgress?.({ ...progress });
    }
  };

  // A lane stops when nothing is left to lease — but items another worker holds are not done:
  // wait for them (their lease expires if that worker died, and they are leased again here).
  for (;;) {
    await Promise.all(Array.from({ length: lanes }, lane));
    if (fatal || stopped !== 'finished' || o.signal?.aborted) break;
    const job = (
      (await o.gateway.call('admin_embedding_jobs', { p_operator: o.operator, p_limit: 200 })) as {
        id: string;
        status: string;
        total: number;
        done: number;
        failed: number;
      }[]
    ).find((j) => j.id === o.jobId);
    if (!job || job.status !== 'running' || job.done + job.failed >= job.total) {
      if (job && job.status !== 'running' && job.status !== 'done') stopped = job.status === 'paused' ? 'paused' : 'cancelled';
      break;
    }
    o.onProgress?.({ ...progress, waiting: job.total - job.done - job.failed });
    await sleep(o.pollMs ?? 2000);
  }
  if (o.signal?.aborted) {
    stopped = 'aborted';
    await o.gateway.call('admin_embedding_release', { p_operator: o.operator, p_job_id: o.jobId, p_worker: o.worker }).catch(() => undefined);
  }
  if (fatal) throw fatal;
  return { ...progress, stopped };
}
