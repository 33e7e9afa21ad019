// The queue: server-side sorted and filtered, keyset-paged, virtualized (only visible rows are
// in the DOM), with selection by click, shift-click, x and Ctrl/Cmd-A.
import { rowSortingFeature, tableFeatures, useTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { QueueRow } from '@contract/moderation';
import { SortableHeader } from '@/components/sortable-header';
import { ago } from '../lib/format-time';

const features = tableFeatures({ rowSortingFeature });
type Sort = 'oldest' | 'newest' | 'most_reported';
const ROW_HEIGHT = 46;

export function QueueTable(props: {
  rows: QueueRow[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  currentId: string | null;
  onOpen: (id: string) => void;
  selected: Set<string>;
  onToggle: (id: string, range: boolean) => void;
  onToggleAll: () => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  operatorId?: string | null;
}) {
  const sorting: SortingState = props.sort === 'most_reported' ? [{ id: 'reports', desc: true }] : [{ id: 'submitted', desc: props.sort === 'newest' }];
  const columns = useMemo<ColumnDef<typeof features, QueueRow>[]>(() => [
    { id: 'select', header: 'Select', enableSorting: false, cell: () => null },
    { id: 'title', header: 'Video', enableSorting: false, accessorFn: (r) => r.title },
    { id: 'category', header: 'Category', enableSorting: false, accessorFn: (r) => r.category_name },
    { id: 'submitter', header: 'Submitter', enableSorting: false, accessorFn: (r) => r.submitter_username },
    { id: 'submitted', header: 'Submitted', accessorFn: (r) => r.created_at },
    { id: 'reports', header: 'Reports', accessorFn: (r) => r.open_report_count, sortDescFirst: true },
  ], []);
  const table = useTable({
    features, columns, data: props.rows, getRowId: (r) => r.id, manualSorting: true, enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const s = next[0];
      if (!s) return;
      props.onSort(s.id === 'reports' ? 'most_reported' : s.desc ? 'newest' : 'oldest');
    },
  });

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: props.rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const currentIndex = props.rows.findIndex((r) => r.id === props.currentId);

  useEffect(() => {
    if (currentIndex >= 0) virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
  }, [currentIndex]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    const last = items.at(-1);
    if (last && last.index >= props.rows.length - 20 && props.hasMore && !props.loadingMore) props.onLoadMore();
  }, [items, props.rows.length, props.hasMore, props.loadingMore]); // eslint-disable-line react-hooks/exhaustive-deps

  const rows = table.getRowModel().rows;
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const allSelected = props.rows.length > 0 && props.rows.every((r) => props.selected.has(r.id));

  return (
    <div className="queue-scroller" ref={scroller} tabIndex={-1}>
      <table className="data queue" aria-label="Queue" aria-rowcount={props.rows.length}>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => {
                if (h.column.id === 'select') {
                  return <th key={h.id} scope="col" className="select-col"><input type="checkbox" aria-label="Select all loaded items" checked={allSelected} onChange={props.onToggleAll} /></th>;
                }
                return (
                  <SortableHeader key={h.id} sorted={h.column.getIsSorted()} canSort={h.column.getCanSort()} onToggle={h.column.getToggleSortingHandler()}>
                    <table.FlexRender header={h} />
                  </SortableHeader>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 ? <tr aria-hidden="true"><td colSpan={6} style={{ height: padTop, padding: 0, border: 0 }} /></tr> : null}
          {items.map((vi) => {
            const row = rows[vi.index];
            if (!row) return null;
            const r = row.original;
            const claimedByOther = r.claim && r.claim.operator_id !== props.operatorId;
            return (
              <tr key={r.id} aria-rowindex={vi.index + 1} aria-selected={props.currentId === r.id}
                className={`${props.currentId === r.id ? 'current' : ''}${props.selected.has(r.id) ? ' selected' : ''}${claimedByOther ? ' claimed' : ''}`}
                style={{ height: ROW_HEIGHT }}
                onClick={(e) => {
                  if (e.shiftKey) props.onToggle(r.id, true);
                  else props.onOpen(r.id);
                }}>
                <td className="select-col" onClick={(e) => e.stopPropagation()}>
                  <input type="checkbox" aria-label={`Select ${r.title}`} checked={props.selected.has(r.id)}
                    onChange={(e) => props.onToggle(r.id, (e.nativeEvent as MouseEvent).shiftKey)} />
                </td>
                <td className="title-cell">
                  <div className="ellipsis" title={r.title}>{r.title}</div>
                  <div className="muted small ellipsis">
                    {r.platform} · {r.channel_name ?? 'unknown channel'}
                    {r.possible_duplicates ? <span className="badge modified" title="Possible duplicate">dup?</span> : null}
                    {claimedByOther ? <span className="badge unknown" title={`Claimed by ${r.claim!.operator}`}>🔒 {r.claim!.operator}</span> : null}
                  </div>
                </td>
                <td className="ellipsis">{r.category_name ?? '—'}</td>
                <td className="ellipsis">{r.submitter_username ?? '—'}</td>
                <td title={new Date(r.created_at).toLocaleString()}>{ago(r.created_at)}</td>
                <td className="num">{r.open_report_count || ''}</td>
              </tr>
            );
          })}
          {padBottom > 0 ? <tr aria-hidden="true"><td colSpan={6} style={{ height: padBottom, padding: 0, border: 0 }} /></tr> : null}
        </tbody>
      </table>
      {props.loadingMore ? <p className="muted center">Loading more…</p> : null}
    </div>
  );
}
