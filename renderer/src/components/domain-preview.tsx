// What a domain page shows until its tools ship: the real numbers of the tables it will manage,
// and what to do meanwhile. No fake data.
import type { ReactNode } from 'react';
import { useOverview } from '@/api/get-overview';
import { ErrorAlert } from './error-alert';
import { EmptyState } from './empty-state';
import { formatNumber } from '@/lib/format';

export function DomainPreview(props: { title: string; tables: { name: string; label: string }[]; children: ReactNode }) {
  const overview = useOverview();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{props.title}</h1>
      {overview.error ? <ErrorAlert error={overview.error} title="Could not reach the database" /> : null}
      {overview.data ? (
        <div className="stats" style={{ marginBottom: 14 }}>
          {props.tables.map((t) => {
            const row = overview.data.tables.find((x) => x.name === t.name);
            return (
              <div className="stat" key={t.name}>
                <div className="value">{row ? `${row.exact ? '' : '≈ '}${formatNumber(row.rows)}` : '—'}</div>
                <div className="label">{t.label}</div>
              </div>
            );
          })}
        </div>
      ) : null}
      <EmptyState title={`${props.title} tools are not in this version yet`}>{props.children}</EmptyState>
    </section>
  );
}
