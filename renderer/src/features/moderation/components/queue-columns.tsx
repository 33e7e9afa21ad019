// The queue's columns and sorts: title (with platform, channel, duplicate and claim marks),
// category, submitter, age and open reports; the server sorts by age or by reports.
import type { QueueRow } from '@contract/moderation';
import { selectColumn, type ServerColumn } from '@/components/server-table';
import { formatDateTime, formatNumber, formatRelativeTime } from '@/lib/format';
import type { SortOption } from '@/lib/table-sort';

export type QueueSort = 'oldest' | 'newest' | 'most_reported';
export const QUEUE_SORTS = [
  { value: 'oldest', column: 'submitted', desc: false },
  { value: 'newest', column: 'submitted', desc: true },
  { value: 'most_reported', column: 'reports', desc: true },
] as const satisfies readonly [SortOption<QueueSort>, ...SortOption<QueueSort>[]];

export const QUEUE_ROW_HEIGHT = 46;

/** Claimed by another moderator: shown, dimmed, not overridden. */
export const isClaimedByOther = (r: QueueRow, operatorId: string | null) => r.claim !== null && r.claim.operator_id !== operatorId;

export function queueColumns(operatorId: string | null): ServerColumn<QueueRow>[] {
  return [
    selectColumn<QueueRow>({ label: (r) => r.title, allLabel: 'Select all loaded items' }),
    {
      id: 'title',
      header: 'Video',
      enableSorting: false,
      meta: { className: 'title-cell' },
      cell: ({ row: { original: r } }) => (
        <>
          <div className="ellipsis" title={r.title}>
            {r.title}
          </div>
          <div className="muted small ellipsis">
            {r.platform} · {r.channel_name ?? 'unknown channel'}
            {r.possible_duplicates ? (
              <span className="badge modified" title="Possible duplicate">
                dup?
              </span>
            ) : null}
            {isClaimedByOther(r, operatorId) ? (
              <span className="badge unknown" title={`Claimed by ${r.claim!.operator}`}>
                🔒 {r.claim!.operator}
              </span>
            ) : null}
          </div>
        </>
      ),
    },
    {
      id: 'category',
      header: 'Category',
      enableSorting: false,
      meta: { className: 'ellipsis', width: '16%' },
      cell: ({ row }) => row.original.category_name ?? '—',
    },
    {
      id: 'submitter',
      header: 'Submitter',
      enableSorting: false,
      meta: { className: 'ellipsis', width: '16%' },
      cell: ({ row }) => row.original.submitter_username ?? '—',
    },
    {
      id: 'submitted',
      header: 'Submitted',
      accessorFn: (r) => r.created_at,
      meta: { className: 'nowrap', width: '14%' },
      cell: ({ row }) => <span title={formatDateTime(row.original.created_at)}>{formatRelativeTime(row.original.created_at)}</span>,
    },
    {
      id: 'reports',
      header: 'Reports',
      accessorFn: (r) => r.open_report_count,
      sortDescFirst: true,
      meta: { className: 'num', width: '10%' },
      cell: ({ row }) => (row.original.open_report_count ? formatNumber(row.original.open_report_count) : ''),
    },
  ];
}
