// An OpenAI-compatible embeddings API (OpenAI itself, or a local server that speaks it):
// POST {baseUrl}/embeddings {model, input[], dimensions?}. The key stays in the main process.
import { z } from 'zod';
import { Redactor } from '../../lib/redactor';
import { padVector, ProviderError, TARGET_DIMENSIONS, type EmbeddingProvider, type EmbedOutcome } from './provider';

const responseSchema = z.object({
  data: z.array(z.object({ index: z.number().int(), embedding: z.array(z.number()) })),
});

export type OpenAiCompatibleOptions = {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  dimensions?: number;
  maxBatch?: number;
  timeoutMs?: number;
};

export function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

export class OpenAiCompatibleProvider implements EmbeddingProvider {
  readonly id = 'openai-compatible' as const;
  readonly model: string;
  readonly dimensions: number;
  readonly maxBatch: number;

  /** Provider messages can echo the request (the key among it): redacted before they are stored or shown. */
  private readonly redactor: Redactor;

  constructor(private readonly options: OpenAiCompatibleOptions) {
    this.redactor = Redactor.of(options.apiKey);
    this.model = options.model;
    this.dimensions = options.dimensions ?? TARGET_DIMENSIONS;
    this.maxBatch = options.maxBatch ?? 256;
    if (this.dimensions > TARGET_DIMENSIONS) {
      throw new ProviderError(
        `The model gives ${this.dimensions} dimensions; the column holds ${TARGET_DIMENSIONS}. Set "dimensions" to 1536 or fewer.`,
        false,
        null,
        true,
      );
    }
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<EmbedOutcome[]> {
    const empty = texts.map((t) => !t.trim());
    const input = texts.filter((_, i) => !empty[i]);
    if (input.length === 0) return texts.map(() => ({ error: 'The video has no text to embed (empty title and description).' }));
    let response: Response;
    try {
      response = await fetch(`${this.options.baseUrl.replace(/\/$/, '')}/embeddings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}) },
        body: JSON.stringify({ model: this.model, input, ...(this.options.dimensions ? { dimensions: this.options.dimensions } : {}) }),
        signal: signal
          ? AbortSignal.any([signal, AbortSignal.timeout(this.options.timeoutMs ?? 60_000)])
          : AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
      });
    } catch (e) {
      if (signal?.aborted) throw new ProviderError('Stopped.', false, null, true);
      throw new ProviderError(this.redactor.redact(`Could not reach the embeddings API (${e instanceof Error ? e.message : String(e)}).`), true);
    }
    if (response.status === 401 || response.status === 403) {
      throw new ProviderError(
        'The embeddings API rejected the API key (HTTP ' + response.status + '). Check the key in Settings.',
        false,
        null,
        true,
      );
    }
    if (response.status === 404) throw new ProviderError(`The embeddings API does not know the model "${this.model}" (HTTP 404).`, false, null, true);
    if (response.status === 429 || response.status >= 500) {
      throw new ProviderError(
        `The embeddings API answered ${response.status}${response.status === 429 ? ' (rate limited)' : ''}.`,
        true,
        retryAfterMs(response.headers.get('retry-after')),
      );
    }
    if (!response.ok) {
      const text = (await response.text()).slice(0, 300);
      throw new ProviderError(this.redactor.redact(`The embeddings API refused the request (HTTP ${response.status}): ${text}`), false, null, true);
    }
    const parsed = responseSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new ProviderError('The embeddings API answered in an unexpected shape.', false, null, true);
    if (parsed.data.data.length !== input.length) {
      throw new ProviderError(`The embeddings API returned ${parsed.data.data.length} vectors for ${input.length} texts.`, false, null, true);
    }
    const vectors = [...parsed.data.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    let k = 0;
    return texts.map((_, i) => {
      if (empty[i]) return { error: 'The video has no text to embed (empty title and description).' };
      const v = vectors[k++]!;
      if (v.length !== this.dimensions) return { error: `The API returned ${v.length} dimensions; ${this.dimensions} were expected.` };
      return { vector: padVector(v) };
    });
  }
}
