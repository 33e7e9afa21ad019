// The one table for lists the server sorts and pages (moderation queue, reports, context notes,
// tags, the bulk-tagging picker), over TanStack Table v9 (useTable + tableFeatures) and
// TanStack Virtual: only the visible rows are in the DOM; the sort lives in the URL hash; the next
// keyset page loads as the end comes into view (or with "Load more"); rows are selected with
// their checkbox, Shift for a range; the current row is a Tab stop, and ↑/↓ move between rows
// from it or from any control in a row.
import {
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { HashSort } from '@/hooks/use-hash-sort';
import { SortableHeader } from './sortable-header';

/** Per column: a class for its cells (num, select-col, ellipsis…) and a width for its header. */
export type ServerColumnMeta = { className?: string; width?: string | number };

const features = tableFeatures({ rowSortingFeature, rowSelectionFeature, columnMeta: {} as ServerColumnMeta });
export type ServerColumn<T extends RowData> = ColumnDef<typeof features, T>;

const NO_SORT: SortingState = [];
const LOAD_AHEAD = 20;
const INTERACTIVE = 'input, button, a, select, textarea, label';

/** The table instance: sorting from the URL (manual: the server sorts), selection kept by the table. */
export function useServerTable<T extends RowData>(options: {
  columns: ServerColumn<T>[];
  rows: T[];
  getRowId: (row: T) => string;
  sort?: Pick<HashSort, 'sorting' | 'setColumn'>;
  selectable?: boolean;
}) {
  const { sort } = options;
  const sorting = sort?.sorting ?? NO_SORT;
  return useTable({
    features,
    columns: options.columns,
    data: options.rows,
    getRowId: (row) => options.getRowId(row),
    manualSorting: true,
    enableSorting: sort !== undefined,
    enableSortingRemoval: false,
    enableRowSelection: options.selectable ?? false,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = (typeof updater === 'function' ? updater(sorting) : updater)[0];
      if (next) sort?.setColumn(next.id, next.desc);
    },
  });
}
export type ServerTableInstance<T extends RowData> = ReturnType<typeof useServerTable<T>>;

/**
 * Toggles a row as its checkbox would (so a later Shift-click ranges from it); `range` selects
 * from the last toggled row to this one. For keyboard shortcuts and Shift-click on the row.
 */
export function toggleRow<T extends RowData>(table: ServerTableInstance<T>, id: string, range = false): void {
  const row = table.getCoreRowModel().rowsById[id];
  if (!row?.getCanSelect()) return;
  row.getToggleSelectedHandler()({ target: { checked: !row.getIsSelected() }, shiftKey: range });
}

/** The ids of the selected rows, loaded or not (a search may have hidden some). */
export const selectedIds = <T extends RowData>(table: ServerTableInstance<T>): string[] => Object.keys(table.state.rowSelection);

/** The checkbox column: one per row, and optionally one in the header for every loaded row. */
export function selectColumn<T extends RowData>(options: { label: (row: T) => string; allLabel?: string }): ServerColumn<T> {
  return {
    id: 'select',
    enableSorting: false,
    meta: { className: 'select-col', width: 34 },
    header: ({ table }) =>
      options.allLabel ? (
        <input
          type="checkbox"
          aria-label={options.allLabel}
          checked={table.getIsAllRowsSelected()}
          onChange={table.getToggleAllRowsSelectedHandler()}
        />
      ) : (
        <span className="visually-hidden">Select</span>
      ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${options.label(row.original)}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  };
}

export function ServerTable<T extends RowData>(props: {
  table: ServerTableInstance<T>;
  /** The table's accessible name. */
  label: string;
  /** Fixed row height in pixels (virtualized rows are not measured). */
  rowHeight: number;
  className?: string;
  scrollerClassName?: string;
  /** The row the keyboard cursor is on (highlighted, kept in view); clicking a row opens it. */
  currentId?: string | null;
  onOpen?: (id: string) => void;
  rowClassName?: (row: T) => string | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  const { table, currentId = null, onOpen, hasMore, loadingMore, onLoadMore } = props;
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's useVirtualizer returns a mutable instance by design and re-renders this component on scroll itself; nothing memoized takes it
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => props.rowHeight,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const currentIndex = currentId === null ? -1 : rows.findIndex((r) => r.id === currentId);

  useEffect(() => {
    if (currentIndex < 0) return;
    virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
    // Focus follows the cursor when it was on a row (j/k or ↑/↓ from a focused row).
    if (document.activeElement instanceof HTMLTableRowElement && scroller.current?.contains(document.activeElement)) {
      requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`tr[data-index="${currentIndex}"]`)?.focus());
    }
  }, [currentIndex]); // eslint-disable-line react-hooks/exhaustive-deps -- the virtualizer is stable
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (lastIndex >= rows.length - LOAD_AHEAD && hasMore && !loadingMore) onLoadMore();
  }, [lastIndex, rows.length, hasMore, loadingMore]); // eslint-disable-line react-hooks/exhaustive-deps -- onLoadMore is a fresh closure each render

  const columnCount = table.getAllLeafColumns().length;
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  const onRowClick = (e: MouseEvent<HTMLTableRowElement>, id: string) => {
    if ((e.target as HTMLElement).closest(INTERACTIVE)) return;
    if (e.shiftKey && table.options.enableRowSelection) {
      // Shift-click with no row toggled yet: the range starts at the current row.
      const current = currentId === null ? undefined : table.getCoreRowModel().rowsById[currentId];
      if (table._lastSelectedRowId === null && current && currentId !== id && !current.getIsSelected()) toggleRow(table, current.id);
      toggleRow(table, id, true);
    } else onOpen?.(id);
  };

  // ↑/↓ from a control in a row: the same control one row up or down (opening that row).
  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return;
    const tr = target.closest<HTMLTableRowElement>('tr[data-index]');
    if (!tr) return;
    const next = Number(tr.dataset.index) + (e.key === 'ArrowDown' ? 1 : -1);
    const row = rows[next];
    if (!row) return;
    e.preventDefault();
    e.stopPropagation(); // the page's own ↑/↓ shortcuts would move the cursor a second time
    // On the row itself, the next row; on a control, the same control in the next row.
    const which = target === tr ? -1 : [...tr.querySelectorAll<HTMLElement>(INTERACTIVE)].indexOf(target);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    onOpen?.(row.id);
    requestAnimationFrame(() => {
      const nextTr = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${next}"]`);
      const nextControls = nextTr ? [...nextTr.querySelectorAll<HTMLElement>(INTERACTIVE)] : [];
      (which < 0 ? nextTr : (nextControls[which] ?? nextControls[0]))?.focus();
    });
  };

  return (
    <div className={`queue-scroller${props.scrollerClassName ? ` ${props.scrollerClassName}` : ''}`} ref={scroller} tabIndex={-1}>
      <table
        className={['data queue', onOpen ? 'openable' : '', props.className ?? ''].filter(Boolean).join(' ')}
        aria-label={props.label}
        aria-rowcount={hasMore ? -1 : rows.length + 1}
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const content = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                return header.column.getCanSort() ? (
                  <SortableHeader
                    key={header.id}
                    className={meta?.className}
                    width={meta?.width}
                    sorted={header.column.getIsSorted()}
                    onToggle={header.column.getToggleSortingHandler()}
                  >
                    {content}
                  </SortableHeader>
                ) : (
                  <th key={header.id} scope="col" className={meta?.className} style={meta?.width !== undefined ? { width: meta.width } : undefined}>
                    {content}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {padTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: padTop, padding: 0, border: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const current = row.id === currentId;
            const classes = [current ? 'current' : '', row.getIsSelected() ? 'selected' : '', props.rowClassName?.(row.original) ?? '']
              .filter(Boolean)
              .join(' ');
            return (
              <tr
                key={row.id}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                aria-selected={onOpen ? current : undefined}
                // The current row of an openable list is one Tab stop; ↑/↓ move from there.
                tabIndex={onOpen ? (current ? 0 : -1) : undefined}
                className={classes || undefined}
                style={{ height: props.rowHeight }}
                onClick={(e) => onRowClick(e, row.id)}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.className}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: padBottom, padding: 0, border: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
      {hasMore ? (
        <div className="load-more">
          <button type="button" className="btn small" disabled={loadingMore} onClick={onLoadMore}>
            {loadingMore ? 'Loading more…' : 'Load more'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
