// The offline provider's thread: SIF-weighted GloVe sentence vectors are CPU work (a few
// milliseconds a batch, more for long texts), done here rather than on the thread that answers
// the console's requests. The word table is loaded once, on the first batch.
import { parentPort, workerData } from 'node:worker_threads';
import { serializeError, type WorkerRequest, type WorkerResponse } from '../../db/worker-thread';
import { embedHere, type GloveAnswer } from './local-glove-provider';
import { TARGET_DIMENSIONS } from './provider';

const port = parentPort;
if (!port) throw new Error('glove-worker runs as a worker thread.');
const { tableFile } = workerData as { tableFile: string };

port.on('message', (m: WorkerRequest & { texts: string[] }) => {
  try {
    const outcomes = embedHere(m.texts, tableFile);
    const vectors = new Float32Array(outcomes.length * TARGET_DIMENSIONS);
    const errors = outcomes.map((o, i) => {
      if ('error' in o) return o.error;
      vectors.set(o.vector, i * TARGET_DIMENSIONS);
      return null;
    });
    const value: GloveAnswer = { vectors, errors };
    port.postMessage({ id: m.id, ok: true, value } satisfies WorkerResponse, [vectors.buffer]);
  } catch (e) {
    port.postMessage({ id: m.id, ok: false, error: serializeError(e) } satisfies WorkerResponse);
  }
});
