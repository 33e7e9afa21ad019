// Per-item outcomes of an action: done, conflict (with who changed it, when, how) or invalid.
import type { ItemResult } from '@contract/moderation';
import { Dialog } from '@/components/dialog';
import { dateTime } from '../lib/format-time';

export type Outcomes = { title: string; results: (ItemResult & { label?: string })[] };

export function OutcomesDialog({ outcomes, onClose }: { outcomes: Outcomes | null; onClose: () => void }) {
  const results = outcomes?.results ?? [];
  const count = (o: string) => results.filter((r) => r.outcome === o).length;
  return (
    <Dialog open={outcomes !== null} title={outcomes?.title ?? ''} onClose={onClose} wide footer={<button type="button" className="btn primary" onClick={onClose}>OK</button>}>
      <p>
        <span className="badge applied">{count('done')} done</span>{' '}
        <span className="badge modified">{count('conflict')} conflict</span>{' '}
        <span className="badge unknown">{count('invalid')} invalid</span>
      </p>
      <table className="data">
        <caption className="visually-hidden">Outcome per item</caption>
        <thead><tr><th scope="col">Item</th><th scope="col">Outcome</th><th scope="col">Why</th></tr></thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.id}>
              <td>{r.label ?? <span className="mono">{r.id}</span>}</td>
              <td><span className={`badge ${r.outcome === 'done' ? 'applied' : r.outcome === 'conflict' ? 'modified' : 'unknown'}`}>{r.outcome}</span></td>
              <td>
                {r.message ?? (r.outcome === 'done' ? `Now ${r.status ?? 'updated'}.` : '')}
                {r.last_change ? (
                  <div className="muted">
                    {r.last_change.operator} {r.last_change.action === 'undo' ? 'undid an action' : `did ${r.last_change.action}`}
                    {r.last_change.from_state && r.last_change.to_state ? ` (${r.last_change.from_state} → ${r.last_change.to_state})` : ''} at {dateTime(r.last_change.at)}
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
