// The users, searched by name, username, e-mail or id, in the shared server table (keyset pages,
// virtualized rows); opening a row shows the user's detail beside it.
import { useMemo } from 'react';
import type { UserRow } from '@contract/users';
import { keysetRows } from '@/api/keyset';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/error-alert';
import { ServerTable, useServerTable, type ServerColumn } from '@/components/server-table';
import { useUserPage } from '../api/users-queries';

export function UserTable({ search, currentId, onOpen }: { search: string; currentId: string | null; onOpen: (id: string) => void }) {
  const users = useUserPage(search);
  const rows = useMemo(() => keysetRows(users.data), [users.data]);
  const columns = useMemo<ServerColumn<UserRow>[]>(
    () => [
      {
        id: 'username',
        header: 'Username',
        meta: { className: 'ellipsis' },
        cell: ({ row: { original: u } }) => (
          <button type="button" className="link-like" onClick={() => onOpen(u.id)} aria-label={`Open ${u.username}`}>
            @{u.username}
          </button>
        ),
      },
      { id: 'name', header: 'Name', meta: { className: 'ellipsis', width: '22%' }, cell: ({ row }) => row.original.display_name ?? '' },
      { id: 'email', header: 'E-mail', meta: { className: 'ellipsis', width: '30%' }, cell: ({ row }) => row.original.email },
      {
        id: 'status',
        header: 'Status',
        meta: { width: 150 },
        cell: ({ row: { original: u } }) => (
          <>
            {u.is_active ? <span className="badge applied">active</span> : <span className="badge modified">suspended</span>}{' '}
            {u.roles.map((r) => (
              <span key={r} className="badge unknown">
                {r}
              </span>
            ))}
          </>
        ),
      },
    ],
    [onOpen],
  );
  const table = useServerTable({ columns, rows, getRowId: (u) => u.id });

  if (users.error) return <ErrorAlert error={users.error} title="Could not load the users" />;
  if (!users.isPending && rows.length === 0) {
    return (
      <EmptyState title={search ? 'No user matches' : 'No users yet'}>
        <p>{search ? 'Search by part of a username, name or e-mail, or paste a user id.' : 'Users appear here once they sign up.'}</p>
      </EmptyState>
    );
  }
  return (
    <ServerTable
      table={table}
      label="Users"
      scrollerClassName="users-scroller"
      rowHeight={38}
      currentId={currentId}
      onOpen={onOpen}
      hasMore={users.hasNextPage}
      loadingMore={users.isFetchingNextPage}
      onLoadMore={() => void users.fetchNextPage()}
    />
  );
}
