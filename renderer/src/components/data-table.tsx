// A small client-side table over TanStack Table v9 (useTable + tableFeatures), for lists that
// arrive whole and never page (migrations). Lists the server sorts and pages use server-table.tsx.
import { tableFeatures, useTable, type ColumnDef, type RowData } from '@tanstack/react-table';

const features = tableFeatures({});
export type Columns<T extends RowData> = ColumnDef<typeof features, T>[];

export function DataTable<T extends RowData>(props: { columns: Columns<T>; data: T[]; caption: string; rowKey: (row: T) => string }) {
  const table = useTable({ features, columns: props.columns, data: props.data, getRowId: (row) => props.rowKey(row) });
  return (
    <table className="data">
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <th key={header.id} scope="col">
                {header.isPlaceholder ? null : <table.FlexRender header={header} />}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getAllCells().map((cell) => (
              <td key={cell.id}>
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
