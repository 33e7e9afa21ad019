// Embedding backfills for the renderer and the CLI: estimates, jobs worked by this console
// (progress events; the database stays the truth shared with other consoles and CLI workers),
// control, coverage and a semantic-search tester.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { z } from 'zod';
import type { jobInputSchema } from '../../api/embeddings';
import { AdminError } from '../../db/admin-error';
import type { AdminGateway } from '../../db/admin-gateway';
import type { ConnectionService } from '../connections/connection-service';
import type { JobRegistry } from '../jobs';
import type { Logger } from '../logger';
import { runBackfill } from './backfill-runner';
import { LocalGloveProvider } from './local-glove-provider';
import { OpenAiCompatibleProvider } from './openai-compatible-provider';
import type { EmbeddingProvider } from './provider';

type JobInput = z.output<typeof jobInputSchema>;
type JobRow = { id: string; provider: string; model: string; dimensions: number; total: number; done: number; failed: number; status: string; options: Record<string, unknown> };

export const workerName = () => `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export function providerFor(config: JobInput['provider'], apiKey: string | null): EmbeddingProvider {
  if (config.provider === 'local') return new LocalGloveProvider();
  if (!apiKey && !/^https?:\/\/(127\.0\.0\.1|localhost)/.test(config.baseUrl)) {
    throw new AdminError({ code: 'embedding_key_missing', message: 'No API key for the embeddings API.', hint: 'Set MAGNA_EMBEDDING_API_KEY where the console runs (it stays in the main process).' });
  }
  return new OpenAiCompatibleProvider({ baseUrl: config.baseUrl, model: config.model, apiKey, dimensions: config.dimensions });
}

export class EmbeddingsService {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly connections: ConnectionService,
    private readonly jobs: JobRegistry,
    private readonly logger: Logger,
    private readonly apiKey: () => string | null = () => process.env.MAGNA_EMBEDDING_API_KEY ?? null,
  ) {}

  private gateway(): Promise<AdminGateway> {
    return this.connections.gateway();
  }

  async estimate(input: JobInput) {
    const provider = providerFor(input.provider, this.apiKey());
    return (await this.gateway()).call('admin_embedding_job_create', {
      p_operator: await this.connections.operatorId(), p_provider: provider.id, p_model: provider.model, p_dimensions: provider.dimensions,
      p_scope: input.scope, p_statuses: input.statuses, p_dry_run: true,
      p_price_per_million_tokens: input.provider.provider === 'openai' ? input.provider.pricePerMillionTokens ?? 0 : 0,
    });
  }

  async start(input: JobInput): Promise<{ jobId: string }> {
    const provider = providerFor(input.provider, this.apiKey());
    const { provider: config } = input;
    const job = (await (await this.gateway()).call('admin_embedding_job_create', {
      p_operator: await this.connections.operatorId(), p_provider: provider.id, p_model: provider.model, p_dimensions: provider.dimensions,
      p_scope: input.scope, p_statuses: input.statuses, p_dry_run: false,
      p_options: { provider: config, batchSize: input.batchSize, concurrency: input.concurrency },
    })) as { id: string };
    this.work(job.id);
    return { jobId: job.id };
  }

  /** Works a job in this console until it is done, paused or cancelled (also: resume after a restart). */
  work(jobId: string): { working: boolean } {
    if (this.running.has(jobId)) return { working: true };
    const controller = new AbortController();
    this.running.set(jobId, controller);
    this.jobs.start(`embeddings:${jobId}`, async (ctx) => {
      try {
        const gw = await this.gateway();
        const rows = (await gw.call('admin_embedding_jobs', { p_limit: 200 })) as JobRow[];
        const row = rows.find((r) => r.id === jobId);
        if (!row) throw new AdminError({ code: 'P0002', message: 'No such embedding job.' });
        const options = row.options as { provider?: JobInput['provider']; batchSize?: number; concurrency?: number };
        const provider = providerFor(options.provider ?? { provider: 'local' }, this.apiKey());
        const started = Date.now();
        this.logger.info(`embeddings: working job ${jobId} (${provider.model})`);
        const result = await runBackfill({
          gateway: gw, provider, jobId, worker: workerName(), batchSize: options.batchSize, concurrency: options.concurrency, signal: controller.signal,
          onProgress: (p) => {
            const done = row.done + p.done;
            const rate = p.done / Math.max(1, (Date.now() - started) / 1000);
            ctx.progress(done + row.failed + p.failed, row.total, `${done} embedded, ${row.failed + p.failed} failed · ${rate.toFixed(1)}/s${p.lastError ? ` · last error: ${p.lastError}` : ''}`);
          },
        });
        return result.stopped === 'finished' ? `Finished: ${row.done + result.done} embedded.` : `Stopped (${result.stopped}).`;
      } finally {
        this.running.delete(jobId);
      }
    });
    return { working: true };
  }

  async control(jobId: string, action: 'pause' | 'resume' | 'cancel' | 'retry_failed') {
    const row = await (await this.gateway()).call('admin_embedding_control', { p_operator: await this.connections.operatorId(), p_job_id: jobId, p_action: action });
    if (action === 'resume' || action === 'retry_failed') this.work(jobId);
    if (action === 'cancel') this.running.get(jobId)?.abort();
    return row;
  }

  async list() {
    const rows = (await (await this.gateway()).call('admin_embedding_jobs', { p_limit: 50 })) as JobRow[];
    return rows.map((r) => ({ ...r, worked_here: this.running.has(r.id) }));
  }

  async failures(jobId: string) {
    return (await this.gateway()).call('admin_embedding_failures', { p_job_id: jobId, p_limit: 200 });
  }

  async coverage() {
    return (await this.gateway()).call('admin_embedding_coverage');
  }

  async search(query: string, model: string) {
    const local = new LocalGloveProvider();
    if (model !== local.model) {
      throw new AdminError({ code: 'search_model', message: `Searching "${model}" embeddings needs that model's API; the tester embeds queries with the offline model (${local.model}).` });
    }
    const [outcome] = await local.embed([query]);
    if (!outcome || 'error' in outcome) throw new AdminError({ code: 'search_text', message: outcome && 'error' in outcome ? outcome.error : 'Nothing to search.' });
    return (await this.gateway()).call('admin_semantic_search', { p_embedding: `[${Array.from(outcome.vector).join(',')}]`, p_model: model, p_limit: 10 });
  }

  stopAll(): void {
    for (const c of this.running.values()) c.abort();
  }
}
