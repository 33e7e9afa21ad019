// The database at a glance: schema version, pgvector, Postgres, and rows per table.
import type { DatabaseOverview } from '@contract/database';
import { formatNumber, formatVersion } from '@/lib/format';

export function DatabaseOverviewCard({ overview }: { overview: DatabaseOverview }) {
  return (
    <div className="card">
      <div className="stats">
        <div className="stat">
          <div className="value">{overview.latest_migration ? formatVersion(overview.latest_migration) : 'none'}</div>
          <div className="label">Schema version</div>
        </div>
        <div className="stat">
          <div className="value">{formatNumber(overview.applied_migrations)}</div>
          <div className="label">Applied migrations</div>
        </div>
        <div className="stat">
          <div className="value">{overview.pgvector_version ?? 'missing'}</div>
          <div className="label">pgvector</div>
        </div>
        <div className="stat">
          <div className="value">{overview.postgres_version}</div>
          <div className="label">Postgres</div>
        </div>
      </div>
      <h2>Rows per table</h2>
      <table className="data">
        <caption className="visually-hidden">Rows per table</caption>
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col" className="num">
              Rows
            </th>
          </tr>
        </thead>
        <tbody>
          {overview.tables.map((t) => (
            <tr key={t.name}>
              <td className="mono">{t.name}</td>
              <td className="num">
                {t.exact ? '' : '≈ '}
                {formatNumber(t.rows)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
