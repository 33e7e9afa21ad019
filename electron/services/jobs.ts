// Long work runs as jobs in the main process and reports progress events; the shells forward
// them to the renderer (IPC event or server-sent events).
import { randomUUID } from 'node:crypto';
import type { AppError } from '../api/app-error';
import type { JobEvent } from '../api/jobs';
import { AdminError, toAdminError } from '../db/admin-error';

export type JobContext = {
  progress(done: number, total: number, message: string): void;
  log(line: string): void;
};

export class JobRegistry {
  private readonly jobs = new Map<string, JobEvent>();
  private readonly listeners = new Set<(e: JobEvent) => void>();

  subscribe(listener: (e: JobEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(id: string): JobEvent | undefined {
    return this.jobs.get(id);
  }

  /** A job of this session, or a clear error. */
  find(id: string): JobEvent {
    const job = this.jobs.get(id);
    if (!job) throw new AdminError({ code: 'job_not_found', message: 'No such job in this session.' });
    return job;
  }

  running(kind: string): JobEvent | undefined {
    return [...this.jobs.values()].find((j) => j.kind === kind && j.state === 'running');
  }

  private emit(job: JobEvent): void {
    const snapshot = { ...job, log: [...job.log] };
    this.jobs.set(job.jobId, snapshot);
    for (const l of this.listeners) l(snapshot);
  }

  /** Starts work in the background and returns its id at once. */
  start(kind: string, work: (ctx: JobContext) => Promise<string>, redact: (s: string) => string = (s) => s): string {
    const job: JobEvent = {
      jobId: randomUUID(),
      kind,
      state: 'running',
      done: 0,
      total: 0,
      message: 'Starting…',
      log: [],
      startedAt: Date.now(),
      error: null,
    };
    this.emit(job);
    const ctx: JobContext = {
      progress: (done, total, message) => {
        Object.assign(job, { done, total, message: redact(message) });
        this.emit(job);
      },
      log: (line) => {
        job.log.push(redact(line));
        if (job.log.length > 500) job.log.shift();
        this.emit(job);
      },
    };
    void work(ctx).then(
      (message) => {
        Object.assign(job, { state: 'done', message: redact(message) });
        this.emit(job);
      },
      (e: unknown) => {
        const err = toAdminError(e, redact);
        const shape: AppError = { ...err.toJSON() };
        Object.assign(job, { state: 'failed', message: shape.message, error: shape });
        this.emit(job);
      },
    );
    return job.jobId;
  }
}
