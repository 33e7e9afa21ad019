// Backfills with live progress (bar, items per second, ETA, done / failed / remaining), control
// buttons, failures with their errors, and "Work here" for a running job no console is working.
import { useEffect, useRef, useState } from 'react';
import type { EmbeddingJob } from '@contract/embeddings';
import { CopyLinkButton } from '@/components/copy-link-button';
import { EmptyState } from '@/components/empty-state';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { formatDateTime, formatDecimal, formatDuration, formatNumber } from '@/lib/format';
import { useHashParams } from '@/lib/use-hash-route';
import { useControlJob, useWorkJob } from '../api/embeddings-mutations';
import { useEmbeddingJobs, useFailures } from '../api/embeddings-queries';
import { addSample, rateOf } from '../lib/progress-rate';

type Job = EmbeddingJob & { worked_here: boolean };

/** The job's rate and ETA, from its counts as read at `at` (when the job list was fetched). */
function useRate(job: Job, at: number): { rate: number; eta: number } {
  const n = job.done + job.failed;
  // The samples so far, updated while rendering a new count (no Effect, no ref read in render).
  const [samples, setSamples] = useState(() => addSample([], n, at));
  const next = addSample(samples, n, at);
  if (next !== samples) setSamples(next);
  return rateOf(next, n, job.total, at);
}

function JobRow({ job, at, linked }: { job: Job; at: number; linked: boolean }) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (linked) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [linked]);
  const control = useControlJob();
  const work = useWorkJob();
  const react = useErrorReaction();
  const [showFailures, setShowFailures] = useState(false);
  const failures = useFailures(showFailures ? job.id : null);
  const { rate, eta } = useRate(job, at);
  const remaining = job.total - job.done - job.failed;
  const pct = job.total ? ((job.done + job.failed) / job.total) * 100 : 0;
  const act = (action: 'pause' | 'resume' | 'cancel' | 'retry_failed') => control.mutate({ jobId: job.id, action }, { onError: (e) => react(e) });
  return (
    <li
      ref={ref}
      className={`card job${linked ? ' linked' : ''}`}
      aria-label={`Backfill ${job.model} ${job.status}`}
      aria-current={linked ? 'true' : undefined}
    >
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <span>
          <strong>{job.model}</strong> · {job.scope} · {job.statuses.join(', ')} <span className={`badge job-${job.status}`}>{job.status}</span>
          {job.worked_here ? <span className="muted"> · working here</span> : null}
        </span>
        <span className="muted small">
          {formatDateTime(job.created_at)} by {job.operator}
        </span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label={`Progress of ${job.model}`}
        aria-valuemin={0}
        aria-valuemax={job.total}
        aria-valuenow={job.done + job.failed}
      >
        <div style={{ width: `${pct}%` }} />
      </div>
      <div className="row small">
        <span className="job-counts">
          {formatNumber(job.done)} done · {formatNumber(job.failed)} failed · {job.preparing ? 'about ' : ''}
          {formatNumber(remaining)} remaining
        </span>
        {job.preparing && job.status === 'running' ? (
          <span className="muted" title="Its videos are listed a chunk at a time as it is worked, so the console stays responsive">
            listing its videos as it goes
          </span>
        ) : null}
        {job.status === 'running' && rate > 0 ? (
          <span className="muted">
            {formatDecimal(rate, 1)}/s · about {formatDuration(eta)} left
          </span>
        ) : null}
        {job.last_error ? <span className="error-text">Last error: {job.last_error}</span> : null}
      </div>
      <div className="row">
        {job.status === 'running' ? (
          <button type="button" className="btn small" onClick={() => act('pause')}>
            Pause
          </button>
        ) : null}
        {job.status === 'paused' ? (
          <button type="button" className="btn small" onClick={() => act('resume')}>
            Resume
          </button>
        ) : null}
        {job.status === 'running' && !job.worked_here ? (
          <button type="button" className="btn small" onClick={() => work.mutate({ jobId: job.id }, { onError: (e) => react(e) })}>
            Work here
          </button>
        ) : null}
        {job.status === 'running' || job.status === 'paused' ? (
          <button type="button" className="btn small danger" onClick={() => act('cancel')}>
            Cancel
          </button>
        ) : null}
        {job.failed > 0 ? (
          <button type="button" className="btn small" onClick={() => act('retry_failed')}>
            Retry failed
          </button>
        ) : null}
        {job.failed > 0 ? (
          <button type="button" className="btn small" aria-expanded={showFailures} onClick={() => setShowFailures((s) => !s)}>
            Failed items
          </button>
        ) : null}
        <CopyLinkButton kind="job" id={job.id} />
      </div>
      {showFailures && failures.data ? (
        <table className="data">
          <caption className="visually-hidden">Failed items</caption>
          <thead>
            <tr>
              <th scope="col">Video</th>
              <th scope="col">Attempts</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {failures.data.map((f) => (
              <tr key={f.video_id}>
                <td>{f.title}</td>
                <td className="num">{formatNumber(f.attempts)}</td>
                <td>{f.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}

export function JobList() {
  const jobs = useEmbeddingJobs();
  // A job link (#/job/<uuid> → ?job=<uuid>) marks that job and scrolls to it.
  const [params] = useHashParams();
  const linked = params.get('job');
  if (!jobs.data) return <p className="muted">Loading…</p>;
  const missing = linked !== null && !jobs.data.some((j) => j.id === linked);
  const notice = missing ? (
    <div className="alert info" role="note">
      The linked backfill is not among this profile's jobs.
    </div>
  ) : null;
  if (jobs.data.length === 0)
    return (
      <>
        {notice}
        <EmptyState title="No backfill yet">
          <p>Estimate and start one above: the offline provider needs no network or key.</p>
        </EmptyState>
      </>
    );
  return (
    <>
      {notice}
      <ul className="job-list">
        {jobs.data.map((j) => (
          <JobRow key={j.id} job={j} at={jobs.dataUpdatedAt} linked={j.id === linked} />
        ))}
      </ul>
    </>
  );
}
