// Admins: every staff member with their roles (who granted each, when) and the latest role
// changes. Granting and revoking happen on a user's detail, with a reason.
import { useMemo } from 'react';
import type { StaffHistoryRow, StaffMember } from '@contract/users';
import { DataTable, type Columns } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/error-alert';
import { formatDateTime } from '@/lib/format';
import { useStaffHistory, useStaffList } from '../api/users-queries';

export function StaffView({ onOpenUser }: { onOpenUser: (id: string) => void }) {
  const staff = useStaffList(true);
  const history = useStaffHistory(true);
  const staffColumns = useMemo<Columns<StaffMember>>(
    () => [
      {
        id: 'user',
        header: 'Staff member',
        cell: ({ row: { original: s } }) => (
          <button type="button" className="link-like" onClick={() => onOpenUser(s.id)}>
            @{s.username}
          </button>
        ),
      },
      {
        id: 'roles',
        header: 'Roles',
        cell: ({ row: { original: s } }) =>
          s.roles
            .map((r) => `${r.role} (granted ${r.granted_by_username ? `by @${r.granted_by_username} ` : ''}${formatDateTime(r.granted_at)})`)
            .join('; '),
      },
      { id: 'active', header: 'Status', cell: ({ row }) => (row.original.is_active ? 'active' : 'suspended') },
    ],
    [onOpenUser],
  );
  const historyColumns = useMemo<Columns<StaffHistoryRow>>(
    () => [
      { id: 'at', header: 'When', cell: ({ row }) => formatDateTime(row.original.at) },
      { id: 'operator', header: 'By', cell: ({ row }) => `@${row.original.operator}` },
      {
        id: 'change',
        header: 'Change',
        cell: ({ row: { original: h } }) => `${h.action} ${h.role} ${h.action === 'grant' ? 'to' : 'from'} @${h.username}`,
      },
      { id: 'reason', header: 'Reason', cell: ({ row }) => row.original.reason ?? '' },
    ],
    [],
  );
  return (
    <div className="grid-2">
      <section className="card" aria-labelledby="staff-title">
        <h2 id="staff-title">Staff</h2>
        {staff.error ? <ErrorAlert error={staff.error} title="Could not load the staff" /> : null}
        {staff.data ? <DataTable columns={staffColumns} data={staff.data} caption="Staff members" rowKey={(s) => s.id} /> : null}
      </section>
      <section className="card" aria-labelledby="staff-history-title">
        <h2 id="staff-history-title">Staff history</h2>
        {history.error ? <ErrorAlert error={history.error} title="Could not load the staff history" /> : null}
        {history.data && history.data.length === 0 ? (
          <EmptyState title="No role changes yet">
            <p>Grant a role from a user&apos;s detail on the Users tab; each change is listed here.</p>
          </EmptyState>
        ) : history.data ? (
          <DataTable columns={historyColumns} data={history.data} caption="Staff role changes" rowKey={(h) => String(h.id)} />
        ) : null}
      </section>
    </div>
  );
}
