// Embedding backfills for the console and the CLI: estimates, job creation, working a job
// (in the background with progress events in the console, in the foreground in the CLI; the
// database stays the truth shared with other consoles and CLI workers), control, the job list
// and the semantic-search tester.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { z } from 'zod';
import type { jobInputSchema, jobSchema } from '../../api/embeddings';
import { AdminError } from '../../db/admin-error';
import type { JobRegistry } from '../jobs';
import type { Logger } from '../logger';
import type { DatabaseSession } from '../session';
import { embedTagNames, type TagNameEmbedding } from '../taxonomy/embed-tag-names';
import { runBackfill, type BackfillProgress, type BackfillResult } from './backfill-runner';
import { LocalGloveProvider } from './local-glove-provider';
import { OpenAiCompatibleProvider } from './openai-compatible-provider';
import type { EmbeddingProvider } from './provider';

type JobInput = z.output<typeof jobInputSchema>;
export type JobRow = z.output<typeof jobSchema>;
type JobOptions = { provider?: JobInput['provider']; batchSize?: number; concurrency?: number };
export type Estimate = { videos: number; estimated_tokens: number; estimated_cost: number };

/** How long one backfill write may hold the embedded workspace's session (the console's p95 target is 200 ms). */
export const EMBEDDED_WRITE_BUDGET_MS = 50;

export const workerName = () => `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** The embeddings API this process holds a key for: the key is sent there and nowhere else. */
export type ApiCredentials = { apiKey: string | null; baseUrl: string };

export function apiCredentialsFromEnv(env: NodeJS.ProcessEnv = process.env): ApiCredentials {
  return { apiKey: env.MAGNA_EMBEDDING_API_KEY ?? null, baseUrl: env.MAGNA_EMBEDDING_BASE_URL ?? 'https://api.openai.com/v1' };
}

const sameApi = (a: string, b: string) => a.trim().replace(/\/+$/, '') === b.trim().replace(/\/+$/, '');
const isLoopback = (url: string) => {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
};

/**
 * The provider for a job's configuration. A job row is shared by every console and CLI on the
 * database, so its base URL is not trusted with the key: the key goes only to the base URL
 * configured in this process (MAGNA_EMBEDDING_BASE_URL); a local server needs no key.
 */
export function providerFor(config: JobInput['provider'], credentials: ApiCredentials): EmbeddingProvider {
  if (config.provider === 'local') return new LocalGloveProvider();
  const keyed = credentials.apiKey !== null && sameApi(config.baseUrl, credentials.baseUrl);
  if (!keyed && !isLoopback(config.baseUrl)) {
    throw new AdminError({
      code: 'embedding_key_missing',
      message: credentials.apiKey
        ? `This console's embeddings API key is for ${credentials.baseUrl}, not ${config.baseUrl}: it is never sent elsewhere.`
        : 'No API key for the embeddings API.',
      hint: 'Set MAGNA_EMBEDDING_API_KEY (and MAGNA_EMBEDDING_BASE_URL when it is not OpenAI) where the console runs; the key stays in the main process.',
    });
  }
  return new OpenAiCompatibleProvider({
    baseUrl: config.baseUrl,
    model: config.model,
    apiKey: keyed ? credentials.apiKey : null,
    dimensions: config.dimensions,
  });
}

export class EmbeddingsService {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly session: DatabaseSession,
    private readonly jobs: JobRegistry,
    private readonly logger: Logger,
    private readonly credentials: () => ApiCredentials = () => apiCredentialsFromEnv(),
  ) {}

  private async create(input: JobInput, dryRun: boolean): Promise<unknown> {
    const provider = providerFor(input.provider, this.credentials());
    return (await this.session.gateway()).call('admin_embedding_job_create', {
      p_operator: await this.session.operatorId(),
      p_provider: provider.id,
      p_model: provider.model,
      p_dimensions: provider.dimensions,
      p_scope: input.scope,
      p_statuses: input.statuses,
      p_dry_run: dryRun,
      ...(dryRun
        ? { p_price_per_million_tokens: input.provider.provider === 'openai' ? (input.provider.pricePerMillionTokens ?? 0) : 0 }
        : { p_options: { provider: input.provider, batchSize: input.batchSize, concurrency: input.concurrency } }),
    });
  }

  async estimate(input: JobInput): Promise<Estimate> {
    return (await this.create(input, true)) as Estimate;
  }

  /** Records a job and its work items; nothing is embedded yet. */
  async createJob(input: JobInput): Promise<{ id: string; total: number }> {
    return (await this.create(input, false)) as { id: string; total: number };
  }

  async start(input: JobInput): Promise<{ jobId: string }> {
    const job = await this.createJob(input);
    this.work(job.id);
    return { jobId: job.id };
  }

  async job(jobId: string): Promise<JobRow> {
    const rows = (await (
      await this.session.gateway()
    ).call('admin_embedding_jobs', { p_operator: await this.session.operatorId(), p_limit: 200 })) as JobRow[];
    const row = rows.find((r) => r.id === jobId);
    if (!row) throw new AdminError({ code: 'P0002', message: `No embedding job ${jobId}.` });
    return row;
  }

  /** Works a job here until it is done, paused, cancelled or aborted, with the job's own provider and options unless overridden. */
  async runJob(
    jobId: string,
    o: { signal?: AbortSignal; onProgress?: (p: BackfillProgress, row: JobRow) => void; batchSize?: number; concurrency?: number } = {},
  ): Promise<{ row: JobRow; provider: EmbeddingProvider; result: BackfillResult }> {
    const row = await this.job(jobId);
    const options = row.options as JobOptions;
    const provider = providerFor(options.provider ?? { provider: 'local' }, this.credentials());
    const gateway = await this.session.gateway();
    const result = await runBackfill({
      gateway,
      // The embedded workspace has one session, which the console waits for while a batch is
      // written: batches sized to hold it about EMBEDDED_WRITE_BUDGET_MS at a time.
      writeBudgetMs: gateway.backend === 'embedded' ? EMBEDDED_WRITE_BUDGET_MS : undefined,
      operator: await this.session.operatorId(),
      provider,
      jobId,
      worker: workerName(),
      batchSize: o.batchSize ?? options.batchSize,
      concurrency: o.concurrency ?? options.concurrency,
      signal: o.signal,
      onProgress: (p) => o.onProgress?.(p, row),
    });
    return { row, provider, result };
  }

  /** Works a job in this console in the background until it is done, paused or cancelled (also: resume after a restart). */
  work(jobId: string): { working: boolean } {
    if (this.running.has(jobId)) return { working: true };
    const controller = new AbortController();
    this.running.set(jobId, controller);
    this.jobs.start(`embeddings:${jobId}`, async (ctx) => {
      try {
        const started = Date.now();
        this.logger.info(`embeddings: working job ${jobId}`);
        const { row, result } = await this.runJob(jobId, {
          signal: controller.signal,
          onProgress: (p, row) => {
            const done = row.done + p.done;
            const rate = p.done / Math.max(1, (Date.now() - started) / 1000);
            const waiting = p.waiting ? ` · waiting for ${p.waiting} item(s) another worker holds` : '';
            ctx.progress(
              done + row.failed + p.failed,
              row.total,
              `${done} embedded, ${row.failed + p.failed} failed · ${rate.toFixed(1)}/s${waiting}${p.lastError ? ` · last error: ${p.lastError}` : ''}`,
            );
          },
        });
        return result.stopped === 'finished' ? `Finished: ${row.done + result.done} embedded.` : `Stopped (${result.stopped}).`;
      } finally {
        this.running.delete(jobId);
      }
    });
    return { working: true };
  }

  async control(jobId: string, action: 'pause' | 'resume' | 'cancel' | 'retry_failed'): Promise<JobRow> {
    const row = (await (
      await this.session.gateway()
    ).call('admin_embedding_control', { p_operator: await this.session.operatorId(), p_job_id: jobId, p_action: action })) as JobRow;
    if (action === 'resume' || action === 'retry_failed') this.work(jobId);
    if (action === 'cancel') this.running.get(jobId)?.abort();
    return row;
  }

  async list(): Promise<(JobRow & { worked_here: boolean })[]> {
    const rows = (await (
      await this.session.gateway()
    ).call('admin_embedding_jobs', { p_operator: await this.session.operatorId(), p_limit: 50 })) as JobRow[];
    return rows.map((r) => ({ ...r, worked_here: this.running.has(r.id) }));
  }

  async search(query: string, model: string): Promise<{ id: string; title: string; moderation_status: string; similarity: number }[]> {
    const local = new LocalGloveProvider();
    if (model !== local.model) {
      throw new AdminError({
        code: 'search_model',
        message: `Searching "${model}" embeddings needs that model's API; the tester embeds queries with the offline model (${local.model}).`,
      });
    }
    const [outcome] = await local.embed([query]);
    if (!outcome || 'error' in outcome)
      throw new AdminError({ code: 'search_text', message: outcome && 'error' in outcome ? outcome.error : 'Nothing to search.' });
    return (await (
      await this.session.gateway()
    ).call('admin_semantic_search', {
      p_operator: await this.session.operatorId(),
      p_embedding: `[${Array.from(outcome.vector).join(',')}]`,
      p_model: model,
      p_limit: 10,
    })) as never;
  }

  /** Embeds the tag names that need it with the videos' model and provider settings (taxonomy's merge suggestions by meaning). */
  async embedTagNames(): Promise<TagNameEmbedding> {
    return embedTagNames({
      gateway: await this.session.gateway(),
      operator: await this.session.operatorId(),
      provider: (config) => providerFor(config, this.credentials()),
    });
  }

  stopAll(): void {
    for (const c of this.running.values()) c.abort();
  }
}
