// Worker threads for the console's heavy work (the embedded PGlite database, the offline
// embedding provider): finding a worker's entry file, and one request/response client per
// worker. Errors cross the thread boundary with their fields (a Postgres SQLSTATE in `code`,
// `detail`, `hint`, …), so callers handle them exactly as they would on their own thread.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type Transferable } from 'node:worker_threads';
import { AdminError } from './admin-error';
import { describeFsError, fsErrorCode } from '../lib/fs-errors';

/** An error as it crosses a thread: its name, message, stack and every primitive field. */
export type SerializedError = { name: string; message: string; stack?: string; fields: Record<string, string | number | boolean | null> };

export type WorkerRequest = { id: number; op: string; [key: string]: unknown };
export type WorkerResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

/** Fields never worth sending back: PGlite attaches the query's parameters and options to its errors. */
const SKIPPED_FIELDS = new Set(['params', 'queryOptions', 'stack', 'message', 'name']);

export function serializeError(e: unknown): SerializedError {
  if (!(e instanceof Error)) {
    // PGlite's file system throws plain objects ({ name: 'ErrnoError', errno: 51 }): in words, with
    // the errno's code ('ENOSPC'), so the other side says "the disk is full", never the object.
    const code = fsErrorCode(e);
    return { name: 'Error', message: describeFsError(e), fields: code ? { code } : {} };
  }
  const fields: SerializedError['fields'] = {};
  for (const [key, value] of Object.entries(e)) {
    if (SKIPPED_FIELDS.has(key)) continue;
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
  }
  return { name: e.name, message: e.message, stack: e.stack, fields };
}

/** The error again on this thread: an AdminError stays one; any other keeps its name and fields. */
export function reviveError(s: SerializedError): Error {
  if (s.name === 'AdminError' && typeof s.fields.code === 'string') {
    const { code, details, hint } = s.fields;
    return new AdminError({
      code,
      message: s.message,
      details: typeof details === 'string' ? details : null,
      hint: typeof hint === 'string' ? hint : null,
    });
  }
  const error = new Error(s.message);
  Object.assign(error, s.fields);
  // Keep the constructor's name (PGlite's DatabaseError says 'error', as pg does).
  Object.defineProperty(error, 'name', { value: s.name, enumerable: false, configurable: true, writable: true });
  if (s.stack) error.stack = `${error.stack ?? ''}\n    --- in the worker thread ---\n${s.stack.split('\n').slice(1).join('\n')}`;
  return error;
}

const here = fileURLToPath(import.meta.url);
/** From the TypeScript sources (vitest, tsx), this file ends in .ts; in dist-electron/ it is bundled. */
const fromSource = here.endsWith('.ts');

/**
 * Starts the worker `name`. From the sources, `sourceDir/name.ts` through tsx (a devDependency,
 * present wherever the sources run); from a build, `name.js` beside this bundle in dist-electron/
 * (vite.electron.config.ts builds every worker entry there; Electron reads it inside app.asar).
 */
export function startWorker(name: string, sourceDir: string, workerData: unknown): Worker {
  const options = { workerData, stdout: false, stderr: false, name };
  if (!fromSource) {
    const built = path.join(path.dirname(here), `${name}.js`);
    // Electron reads worker files inside app.asar; a copy unpacked beside it (asarUnpack) is preferred.
    const unpacked = built.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
    return new Worker(pathToFileURL(unpacked !== built && existsSync(unpacked) ? unpacked : built), options);
  }
  // Not import.meta.resolve: vitest's module runner (global setup) does not support it.
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = pathToFileURL(path.join(sourceDir, `${name}.ts`)).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/**
 * Requests to one worker, answered in any order by id. The worker keeps the process alive only
 * while a request is pending (as a database on the main thread would not), and a worker that
 * dies fails every pending request instead of leaving it hanging.
 */
export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private dead: Error | null = null;
  private readonly exited: Promise<void>;

  constructor(
    readonly worker: Worker,
    private readonly describe: string,
  ) {
    worker.unref();
    worker.on('message', (m: WorkerResponse) => this.settle(m));
    worker.on('error', (e) => this.fail(e instanceof Error ? e : new Error(String(e))));
    this.exited = new Promise((resolve) => {
      worker.once('exit', (code) => {
        this.fail(new Error(`The ${this.describe} stopped (exit code ${code}).`));
        resolve();
      });
    });
  }

  get alive(): boolean {
    return this.dead === null;
  }

  request<T>(message: Omit<WorkerRequest, 'id'>, transfer: Transferable[] = []): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (this.pending.size === 1) this.worker.ref();
      try {
        this.worker.postMessage({ ...message, id }, transfer);
      } catch (e) {
        // A value that cannot be cloned (a function, a class instance with private state).
        this.settle({ id, ok: false, error: serializeError(e) });
      }
    });
  }

  private settle(m: WorkerResponse): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (this.pending.size === 0) this.worker.unref();
    if (m.ok) p.resolve(m.value);
    else p.reject(reviveError(m.error));
  }

  private fail(e: Error): void {
    this.dead ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  /** Stops the worker at once (whatever it is doing) and waits until it has exited. */
  async terminate(reason = `The ${this.describe} was stopped.`): Promise<void> {
    this.fail(new Error(reason));
    await this.worker.terminate();
    await this.exited;
  }
}
