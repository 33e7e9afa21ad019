import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import type { MigrationStatusView } from '@contract/database';
import { invalidate } from '@/api/queries';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { DataTable, type Columns } from '@/components/data-table';
import { Dialog } from '@/components/dialog';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/error-alert';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { ProgressBar } from '@/components/progress-bar';
import { useToasts } from '@/components/toasts';
import { useJob } from '@/hooks/use-job';
import { formatDateTime, formatNumber, formatVersion } from '@/lib/format';
import { useApplyMigrations } from './api/apply-migrations';
import { useDatabaseOverview, useMigrationSql, useMigrationStatus } from './api/get-migrations';
import { DatabaseOverviewCard } from './components/database-overview';
import { TrendingRefresh } from './components/trending-refresh';

type Row = MigrationStatusView['migrations'][number];

const STATE_HELP: Record<Row['state'], string> = {
  applied: 'Applied',
  pending: 'Not applied yet',
  modified: 'The file changed after it was applied: released migrations must never be edited',
  unknown: 'Applied in the database, but this version of the console does not ship it',
};

export function MigrationsPage({ production, profileName }: { production: boolean; profileName: string }) {
  const status = useMigrationStatus();
  const overview = useDatabaseOverview();
  const apply = useApplyMigrations();
  const toasts = useToasts();
  const react = useErrorReaction();
  const qc = useQueryClient();
  const [viewing, setViewing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const sql = useMigrationSql(viewing);

  // Once when the job ends (its state changes), not on each of its progress events.
  const onJobEnded = useEffectEvent(() => {
    if (!job) return;
    // The schema changed: everything read from the database may have.
    void invalidate(qc);
    if (job.state === 'done') toasts.push({ kind: 'success', message: job.message });
  });
  const jobState = job?.state;
  useEffect(() => {
    if (jobState && jobState !== 'running') onJobEnded();
  }, [jobState]);

  const columns = useMemo<Columns<Row>>(
    () => [
      {
        accessorKey: 'version',
        header: 'Version',
        cell: (c) => (
          <span className="mono" title={c.row.original.version}>
            {formatVersion(c.row.original.version)}
          </span>
        ),
      },
      { accessorKey: 'name', header: 'Name', cell: (c) => <span className="mono">{c.row.original.name}</span> },
      {
        accessorKey: 'state',
        header: 'Status',
        cell: (c) => (
          <span className={`badge ${c.row.original.state}`} title={STATE_HELP[c.row.original.state]}>
            {c.row.original.state}
          </span>
        ),
      },
      {
        id: 'applied',
        header: 'Applied',
        cell: (c) => {
          const { appliedAt, appliedBy, state } = c.row.original;
          if (!appliedAt) return <span title={state === 'pending' ? 'Not applied yet' : 'Applied by another tool, which records no time'}>—</span>;
          return (
            <span>
              <time dateTime={appliedAt}>{formatDateTime(appliedAt)}</time>
              <br />
              <span className="muted">by {appliedBy}</span>
            </span>
          );
        },
      },
      {
        id: 'sql',
        header: 'SQL',
        cell: (c) =>
          c.row.original.fileName ? (
            <button
              type="button"
              className="btn small"
              onClick={() => setViewing(c.row.original.version)}
              aria-label={`View SQL of ${c.row.original.name}`}
            >
              View SQL
            </button>
          ) : (
            <span className="muted">not shipped</span>
          ),
      },
    ],
    [],
  );

  const start = (confirm: string) => {
    setConfirming(false);
    apply.mutate({ confirm: confirm || undefined }, { onSuccess: ({ jobId: id }) => setJobId(id), onError: (e) => react(e, { retry: start }) });
  };

  const data = status.data;
  return (
    <section aria-labelledby="migrations-title">
      <h1 id="migrations-title">Migrations</h1>
      {status.error ? <ErrorAlert error={status.error} title="Could not read the migration status" /> : null}
      {data?.unavailable ? (
        <div className="alert info" role="note">
          {data.unavailable}
        </div>
      ) : null}
      {data && data.newerInDatabase.length > 0 ? (
        <div className="alert" role="alert">
          The database has migrations newer than this console ({data.newerInDatabase.join(', ')}). Update the console before applying anything.
        </div>
      ) : null}
      {data ? (
        <>
          <div className="row" style={{ justifyContent: 'space-between', marginBottom: 10 }}>
            <span className="muted">
              {data.pending === 0
                ? 'Every shipped migration is applied.'
                : `${formatNumber(data.pending)} pending of ${formatNumber(data.migrations.filter((m) => m.fileName).length)} shipped.`}
              {data.latestApplied ? ` Latest applied: ${formatVersion(data.latestApplied)}.` : ''}
            </span>
            <button
              type="button"
              className="btn primary"
              disabled={data.pending === 0 || data.unavailable !== null || job?.state === 'running'}
              onClick={() => setConfirming(true)}
            >
              {data.pending === 0 ? 'Up to date' : `Apply ${formatNumber(data.pending)} pending`}
            </button>
          </div>
          {job ? (
            <div className="card" style={{ marginBottom: 12 }} aria-live="polite">
              <ProgressBar done={job.done} total={job.total} startedAt={job.startedAt} at={job.receivedAt} label={job.message} />
              {job.error ? <ErrorAlert error={job.error} title="Migration failed: nothing of the failed file was applied" /> : null}
              {job.log.length ? (
                <div className="log" aria-label="Migration log">
                  {job.log.map((l, i) => (
                    <div key={i}>{l}</div>
                  ))}
                </div>
              ) : null}
            </div>
          ) : null}
          {data.migrations.length === 0 ? (
            <EmptyState title="No migrations shipped">This build has no supabase/migrations folder. Reinstall the console.</EmptyState>
          ) : (
            <DataTable columns={columns} data={data.migrations} caption="Migrations" rowKey={(r) => r.version} />
          )}
        </>
      ) : status.isPending ? (
        <p className="muted">Reading migration history…</p>
      ) : null}

      <h2>Database overview</h2>
      {overview.error ? <ErrorAlert error={overview.error} title="Could not load the overview" /> : null}
      {overview.data ? <DatabaseOverviewCard overview={overview.data} /> : overview.isPending ? <p className="muted">Loading…</p> : null}

      {data && data.latestApplied !== null ? <TrendingRefresh /> : null}

      <Dialog open={viewing !== null} wide title={sql.data?.fileName ?? 'Migration SQL'} onClose={() => setViewing(null)}>
        {sql.error ? (
          <ErrorAlert error={sql.error} />
        ) : (
          <pre className="sql" tabIndex={0} aria-label="SQL">
            {sql.data?.sql ?? 'Loading…'}
          </pre>
        )}
      </Dialog>
      <ConfirmDialog
        open={confirming}
        title={`Apply ${formatNumber(data?.pending ?? 0)} migration(s) to "${profileName}"?`}
        confirmLabel="Apply migrations"
        typeToConfirm={production ? profileName : null}
        onClose={() => setConfirming(false)}
        onConfirm={start}
      >
        <p>
          Each file runs in its own transaction with its history row. The run stops at the first failure and nothing of a failed file stays applied.
        </p>
      </ConfirmDialog>
    </section>
  );
}
