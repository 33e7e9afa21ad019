import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gloveTablePath, LocalGloveProvider } from '../../electron/services/embeddings/local-glove-provider';
import { checkVector, ProviderError } from '../../electron/services/embeddings/provider';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('the offline GloVe provider', () => {
  const provider = new LocalGloveProvider();

  it('ranks "how black holes form" closer to "the birth of a black hole" than to "medieval French poetry"', async () => {
    const [q, near, far] = (await provider.embed(['how black holes form', 'the birth of a black hole', 'medieval French poetry'])).map((o) =>
      'vector' in o ? o.vector : null,
    );
    expect(cosine(q!, near!)).toBeGreaterThan(cosine(q!, far!));
  });

  it('gives unit vectors padded to 1536 that pass the storage check', async () => {
    const [o] = await provider.embed(['Introduction to quantum mechanics']);
    if (!o || !('vector' in o)) throw new Error('no vector');
    expect(o.vector).toHaveLength(1536);
    expect(checkVector(o.vector)).toBeNull();
    expect(Math.abs(cosine(o.vector, o.vector) - 1)).toBeLessThan(1e-5);
    expect(o.vector.slice(100).every((x) => x === 0)).toBe(true);
  });

  it('fails an empty text or one without known words, item by item', async () => {
    const [empty, unknown, fine] = await provider.embed(['   ', 'zzqx vvbnm', 'physics']);
    expect(empty).toMatchObject({ error: expect.stringContaining('no text') });
    expect(unknown).toMatchObject({ error: expect.stringContaining('vocabulary') });
    expect(fine).toHaveProperty('vector');
  });
});

describe('checkVector', () => {
  it('refuses NaN, all zeros and the wrong length', () => {
    const v = new Float32Array(1536);
    expect(checkVector(v)).toContain('all zeros');
    v[3] = Number.NaN;
    expect(checkVector(v)).toContain('non-finite');
    expect(checkVector(new Float32Array(10))).toContain('10 dimensions');
  });
});

describe('the word table', () => {
  it('never comes from the current directory: a table planted where the CLI runs is not used', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'magna-planted-'));
    const planted = path.join(dir, 'dist', 'glove', 'glove-50k.bin');
    mkdirSync(path.dirname(planted), { recursive: true });
    writeFileSync(planted, randomBytes(1000));
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      expect(gloveTablePath()).not.toBe(planted);
      expect(gloveTablePath()).toBe(path.join(cwd, 'dist', 'glove', 'glove-50k.bin'));
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a damaged table stops the job at once with what to do, instead of being retried', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'magna-damaged-'));
    const good = readFileSync(gloveTablePath());
    const cut = path.join(dir, 'cut.bin');
    writeFileSync(cut, good.subarray(0, good.length - 100));
    const junk = path.join(dir, 'junk.bin');
    writeFileSync(junk, randomBytes(1000));
    try {
      for (const file of [cut, junk]) {
        const err = await new LocalGloveProvider(file).embed(['physics']).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ProviderError);
        expect(err).toMatchObject({ fatal: true, retryable: false, message: expect.stringContaining('is not a word-vector table') });
        expect((err as Error).message).toContain('npm run build');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
