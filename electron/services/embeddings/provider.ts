// One interface for embedding providers. A provider returns, per input text, a vector or the
// reason it could not embed that text; a failure of the whole call (network, rate limit, bad
// key) is thrown as a ProviderError saying whether to retry and after how long.

export const TARGET_DIMENSIONS = 1536;

export type EmbedOutcome = { vector: Float32Array } | { error: string };

export interface EmbeddingProvider {
  readonly id: 'local-glove' | 'openai-compatible';
  readonly model: string;
  /** Dimensions the provider produces (before zero-padding to the column's 1536). */
  readonly dimensions: number;
  /** The largest batch the provider takes in one call. */
  readonly maxBatch: number;
  embed(texts: string[], signal?: AbortSignal): Promise<EmbedOutcome[]>;
}

export class ProviderError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs: number | null = null,
    readonly fatal = false,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

/** A vector fit to store: right length, finite, not all zeros. Returns the reason when not. */
export function checkVector(v: ArrayLike<number>, dimensions = TARGET_DIMENSIONS): string | null {
  if (v.length !== dimensions) return `The vector has ${v.length} dimensions; the column takes ${dimensions}.`;
  let norm = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (!Number.isFinite(x)) return `The vector has a non-finite value (${x}) at position ${i}.`;
    norm += x * x;
  }
  if (norm === 0) return 'The vector is all zeros.';
  return null;
}

/** Zero-pads to the column's dimensions (cosine similarity is unchanged by zero padding). */
export function padVector(v: ArrayLike<number>, dimensions = TARGET_DIMENSIONS): Float32Array {
  if (v.length > dimensions)
    throw new ProviderError(`The provider returns ${v.length} dimensions; the column holds ${dimensions}.`, false, null, true);
  const out = new Float32Array(dimensions);
  for (let i = 0; i < v.length; i++) out[i] = v[i]!;
  return out;
}
