// A plain keyboard-navigable list of queue items (reports, context notes), paged with "Load more".
import type { ReactNode } from 'react';

export function ItemList<T extends { key: string }>(props: {
  label: string;
  items: T[];
  currentKey: string | null;
  onOpen: (key: string) => void;
  render: (item: T) => ReactNode;
  hasMore: boolean;
  onLoadMore: () => void;
  loadingMore: boolean;
}) {
  return (
    <div className="queue-scroller">
      <ul className="item-list" role="listbox" aria-label={props.label}>
        {props.items.map((item) => (
          <li key={item.key} role="option" aria-selected={item.key === props.currentKey} className={item.key === props.currentKey ? 'current' : undefined}
            onClick={() => props.onOpen(item.key)}>
            {props.render(item)}
          </li>
        ))}
      </ul>
      {props.hasMore ? <button type="button" className="btn small" disabled={props.loadingMore} onClick={props.onLoadMore}>{props.loadingMore ? 'Loading…' : 'Load more'}</button> : null}
    </div>
  );
}
