// A column header that sorts on click and tells assistive technology how it is sorted.
import type { ReactNode } from 'react';

export function SortableHeader(props: { sorted: false | 'asc' | 'desc'; onToggle: ((event: unknown) => void) | undefined; canSort: boolean; children: ReactNode }) {
  const { sorted } = props;
  return (
    <th scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
      {props.canSort ? (
        <button type="button" className="sort-btn" onClick={props.onToggle}>
          {props.children} {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
        </button>
      ) : props.children}
    </th>
  );
}
