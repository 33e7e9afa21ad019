import { formatDuration, formatNumber } from '@/lib/format';

/** A progress bar with a count and an ETA from the rate so far (`at`: when `done` was counted, ms). */
export function ProgressBar({ done, total, startedAt, at, label }: { done: number; total: number; startedAt: number; at: number; label: string }) {
  const pct = total > 0 ? Math.min(100, (done / total) * 100) : 0;
  const elapsed = at - startedAt;
  const eta = done > 0 && total > done ? (elapsed / done) * (total - done) : 0;
  return (
    <div>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <span>{label}</span>
        <span className="muted">
          {total > 0 ? `${formatNumber(done)} / ${formatNumber(total)}` : ''}
          {eta > 0 ? ` · about ${formatDuration(eta)} left` : ''}
        </span>
      </div>
      <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
        <div style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
