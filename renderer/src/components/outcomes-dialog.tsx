// Per-item outcomes of an action: done, conflict (with who changed it, when, how) or invalid.
// Also how a single refused change (PT409) is shown: one conflicting item.
import type { LastChange } from '@/api/error-reactions';
import { formatDateTime, formatNumber } from '@/lib/format';
import { Dialog } from './dialog';

export type Outcome = {
  id: string;
  outcome: 'done' | 'conflict' | 'invalid';
  message?: string | undefined;
  status?: string | undefined;
  last_change?: LastChange | null | undefined;
  /** What the item is called (a title); its id when absent. */
  label?: string | undefined;
};
export type Outcomes = { title: string; results: Outcome[]; hint?: string | null };

export function OutcomesDialog({ outcomes, onClose }: { outcomes: Outcomes | null; onClose: () => void }) {
  const results = outcomes?.results ?? [];
  const count = (o: string) => formatNumber(results.filter((r) => r.outcome === o).length);
  return (
    <Dialog
      open={outcomes !== null}
      title={outcomes?.title ?? ''}
      onClose={onClose}
      wide
      footer={
        <button type="button" className="btn primary" onClick={onClose}>
          OK
        </button>
      }
    >
      <p>
        <span className="badge applied">{count('done')} done</span> <span className="badge modified">{count('conflict')} conflict</span>{' '}
        <span className="badge unknown">{count('invalid')} invalid</span>
      </p>
      <table className="data">
        <caption className="visually-hidden">Outcome per item</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Outcome</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.id}>
              <td>{r.label ?? <span className="mono">{r.id}</span>}</td>
              <td>
                <span className={`badge ${r.outcome === 'done' ? 'applied' : r.outcome === 'conflict' ? 'modified' : 'unknown'}`}>{r.outcome}</span>
              </td>
              <td>
                {r.message ?? (r.outcome === 'done' ? `Now ${r.status ?? 'updated'}.` : '')}
                {r.last_change ? (
                  <div className="muted">
                    {r.last_change.operator} {r.last_change.action === 'undo' ? 'undid an action' : `did ${r.last_change.action}`}
                    {r.last_change.from_state && r.last_change.to_state ? ` (${r.last_change.from_state} → ${r.last_change.to_state})` : ''} at{' '}
                    {formatDateTime(r.last_change.at)}
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {outcomes?.hint ? <p className="muted">{outcomes.hint}</p> : null}
    </Dialog>
  );
}
