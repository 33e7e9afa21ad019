// A column header that sorts on click and tells assistive technology how it is sorted.
import type { ReactNode } from 'react';

export function SortableHeader(props: {
  sorted: false | 'asc' | 'desc';
  onToggle: ((event: unknown) => void) | undefined;
  className?: string | undefined;
  width?: string | number | undefined;
  children: ReactNode;
}) {
  const { sorted } = props;
  return (
    <th
      scope="col"
      className={props.className}
      style={props.width !== undefined ? { width: props.width } : undefined}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
    >
      <button type="button" className="sort-btn" onClick={props.onToggle}>
        {props.children} <span aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
      </button>
    </th>
  );
}
