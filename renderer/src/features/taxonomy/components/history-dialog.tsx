import { Dialog } from '@/components/dialog';
import { ErrorAlert } from '@/components/error-alert';
import { formatDateTime } from '@/lib/format';
import { useTaxonomyAudit } from '../api/taxonomy-queries';

const summary = (v: unknown) => {
  if (!v || typeof v !== 'object') return '';
  const o = v as Record<string, unknown>;
  return ['name', 'slug', 'parent_id', 'color', 'merged_into', 'video_count']
    .filter((k) => k in o)
    .map((k) => `${k}: ${String(o[k])}`)
    .join(', ');
};

export function HistoryDialog({
  target,
  title,
  onClose,
}: {
  target: { type: 'category' | 'tag'; id: number } | null;
  title: string;
  onClose: () => void;
}) {
  const audit = useTaxonomyAudit(target);
  return (
    <Dialog open={target !== null} title={`History of ${title}`} onClose={onClose} wide>
      {audit.error ? <ErrorAlert error={audit.error} /> : null}
      {audit.data?.length === 0 ? <p className="muted">No recorded changes yet (only changes made through the console are recorded).</p> : null}
      <table className="data">
        <caption className="visually-hidden">Change history</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {(audit.data ?? []).map((a) => (
            <tr key={a.id}>
              <td>{formatDateTime(a.at)}</td>
              <td>{a.operator}</td>
              <td>{a.action}</td>
              <td className="small">{summary(a.before)}</td>
              <td className="small">{summary(a.after) || summary(a.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
