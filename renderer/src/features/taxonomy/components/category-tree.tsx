// The category tree (WAI-ARIA tree): collapsible (remembered per profile), filtered by a search
// that keeps each match's ancestors and marks the match, walked with the arrow keys, one "⋯" menu
// per row. Drag a category onto another to nest it, onto the gap above one to place it there; or
// use Move… from the keyboard. The database refuses loops. The built-in "All" has only History.
import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { CategoryNode } from '@contract/taxonomy';
import { Dialog } from '@/components/dialog';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/error-alert';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { useToasts } from '@/components/toasts';
import { formatNumber } from '@/lib/format';
import { useMoveCategory } from '../api/taxonomy-mutations';
import { useCategoryTree } from '../api/taxonomy-queries';
import { useCollapsedCategories } from '../hooks/use-collapsed-categories';
import { childrenByParent, isBuiltIn, matchingIds, treeKey, visibleRows, withAncestors } from '../lib/tree-rows';
import { CategoryForm } from './category-form';
import { DeleteCategoryDialog } from './delete-category-dialog';
import { HistoryDialog } from './history-dialog';
import { MoveCategoryDialog } from './move-category-dialog';
import { RowMenu, type RowMenuItem } from './row-menu';

const DRAG_TYPE = 'application/x-magna-category';
/** One empty list while the tree loads, so the memos below keep their value between renders. */
const NO_CATEGORIES: CategoryNode[] = [];

/** The name with the searched text marked. */
function Highlighted({ text, query }: { text: string; query: string }): ReactNode {
  const q = query.trim();
  const at = q ? text.toLocaleLowerCase().indexOf(q.toLocaleLowerCase()) : -1;
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + q.length)}</mark>
      {text.slice(at + q.length)}
    </>
  );
}

export function CategoryTree({ production, profileName }: { production: boolean; profileName: string }) {
  const tree = useCategoryTree();
  const move = useMoveCategory();
  const toasts = useToasts();
  const react = useErrorReaction();
  const { collapsed, setCollapsed } = useCollapsedCategories(profileName);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<{ category: CategoryNode | null; parentId: number | null } | null>(null);
  const [deleting, setDeleting] = useState<CategoryNode | null>(null);
  const [moving, setMoving] = useState<CategoryNode | null>(null);
  const [history, setHistory] = useState<CategoryNode | null>(null);
  const [dropHint, setDropHint] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<number | null>(null);
  const [menuFor, setMenuFor] = useState<{ id: number; n: number }>({ id: 0, n: 0 });
  const treeRef = useRef<HTMLUListElement>(null);
  const all = tree.data ?? NO_CATEGORIES;
  const children = useMemo(() => childrenByParent(all), [all]);
  const byId = useMemo(() => new Map(all.map((c) => [c.id, c])), [all]);
  const matches = useMemo(() => matchingIds(all, query), [all, query]);
  const keep = useMemo(() => (matches ? withAncestors(all, matches) : null), [all, matches]);
  const rows = useMemo(() => visibleRows(children, collapsed, keep), [children, collapsed, keep]);
  const shown = useMemo(() => new Map(rows.map((r) => [r.node.id, r])), [rows]);
  // The one row in the tab order: the focused one while it is shown, else the first.
  const activeId = focusId !== null && shown.has(focusId) ? focusId : (rows[0]?.node.id ?? null);

  const focusRow = (id: number) => {
    setFocusId(id);
    treeRef.current?.querySelector<HTMLElement>(`[data-category-id="${id}"]`)?.focus();
  };
  useEffect(() => {
    // Focus that was on a row the filter or a collapse hid goes to the first row shown.
    if (focusId !== null && !shown.has(focusId) && treeRef.current?.contains(document.activeElement)) setFocusId(null);
  }, [focusId, shown]);

  const doMove = (c: CategoryNode, parentId: number | null, position: number) => {
    move.mutate(
      { id: c.id, parentId, position, expectedUpdatedAt: c.updated_at },
      {
        onSuccess: () =>
          toasts.push({ kind: 'success', message: `Moved "${c.name}"${parentId ? ` under "${byId.get(parentId)?.name}"` : ' to the top level'}.` }),
        onError: (e) => react(e),
      },
    );
  };
  const index = (c: CategoryNode) => (children.get(c.parent_id) ?? []).findIndex((s) => s.id === c.id);

  const onDrop = (e: DragEvent, parentId: number | null, position: number) => {
    e.preventDefault();
    e.stopPropagation();
    setDropHint(null);
    const id = Number(e.dataTransfer.getData(DRAG_TYPE));
    const c = byId.get(id);
    if (!c || c.id === parentId) return;
    const samePlace = c.parent_id === parentId;
    doMove(c, parentId, samePlace && position > index(c) ? position - 1 : position);
  };
  const allowDrop = (key: string) => (e: DragEvent) => {
    if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    setDropHint(key);
  };

  const onTreeKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.getAttribute('role') !== 'treeitem' || activeId === null) return;
    const id = Number(target.dataset.categoryId);
    if (e.key === 'Enter' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      setMenuFor((m) => ({ id, n: m.n + 1 }));
      return;
    }
    const step = treeKey(rows, id, e.key);
    if (!step) return;
    e.preventDefault();
    if ('focus' in step) focusRow(step.focus);
    else if ('expand' in step) setCollapsed(step.expand, false);
    else setCollapsed(step.collapse, true);
  };

  const menuItems = (c: CategoryNode): RowMenuItem[] =>
    isBuiltIn(c)
      ? [{ label: 'History', onSelect: () => setHistory(c) }]
      : [
          { label: 'Edit', onSelect: () => setEditing({ category: c, parentId: c.parent_id }) },
          { label: 'Add subcategory', onSelect: () => setEditing({ category: null, parentId: c.id }) },
          { label: 'Move…', onSelect: () => setMoving(c) },
          { label: 'History', onSelect: () => setHistory(c) },
          { label: 'Delete…', onSelect: () => setDeleting(c), danger: true },
        ];

  const renderLevel = (parentId: number | null, depth: number) => {
    const list = (children.get(parentId) ?? []).filter((c) => shown.has(c.id));
    return (
      <ul role={depth === 0 ? 'tree' : 'group'} className={depth === 0 ? 'cat-tree' : 'cat-children'} {...treeProps(depth)}>
        {list.map((c, i) => {
          const row = shown.get(c.id)!;
          const builtIn = isBuiltIn(c);
          return (
            <li
              key={c.id}
              role="treeitem"
              aria-level={depth + 1}
              aria-setsize={list.length}
              aria-posinset={i + 1}
              aria-expanded={row.hasChildren ? row.expanded : undefined}
              aria-label={c.name}
              tabIndex={c.id === activeId ? 0 : -1}
              data-category-id={c.id}
              className="cat-item"
              onFocus={(e) => {
                if (e.target === e.currentTarget) setFocusId(c.id);
              }}
            >
              {query ? null : (
                <div
                  className={`cat-gap${dropHint === `gap-${c.id}` ? ' hint' : ''}`}
                  onDragOver={allowDrop(`gap-${c.id}`)}
                  onDragLeave={() => setDropHint(null)}
                  onDrop={(e) => onDrop(e, parentId, index(c))}
                  data-testid={`gap-${c.slug}`}
                />
              )}
              <div
                className={`cat-row${dropHint === `into-${c.id}` ? ' hint' : ''}${matches?.has(c.id) ? ' match' : ''}`}
                draggable={!builtIn}
                onDragStart={(e) => {
                  e.dataTransfer.setData(DRAG_TYPE, String(c.id));
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onDragOver={builtIn ? undefined : allowDrop(`into-${c.id}`)}
                onDragLeave={() => setDropHint(null)}
                onDrop={builtIn ? undefined : (e) => onDrop(e, c.id, (children.get(c.id) ?? []).length)}
                data-testid={`category-${c.slug}`}
              >
                <span
                  className={`cat-toggle${row.hasChildren ? '' : ' leaf'}`}
                  aria-hidden="true"
                  onClick={row.hasChildren && !query ? () => setCollapsed(c.id, row.expanded) : undefined}
                  title={row.hasChildren ? (row.expanded ? 'Collapse' : 'Expand') : undefined}
                >
                  {row.hasChildren ? (row.expanded ? '▾' : '▸') : ''}
                </span>
                <span className="drag-handle" aria-hidden="true">
                  {builtIn ? '' : '⠿'}
                </span>
                <span className="swatch" aria-hidden="true" style={{ background: c.color ?? 'transparent' }} />
                <span className="cat-icon" aria-hidden="true">
                  {c.icon ?? ''}
                </span>
                <strong className="cat-name">
                  <Highlighted text={c.name} query={query} />
                </strong>
                <span className="muted small">/{c.slug}</span>
                {builtIn ? <span className="muted small">built in: every category</span> : null}
                <span className="muted small cat-usage" title="Approved / pending videos: own (including subcategories)">
                  {formatNumber(c.approved)} / {formatNumber(c.pending)}
                  {c.approved_total !== c.approved || c.pending_total !== c.pending
                    ? ` (${formatNumber(c.approved_total)} / ${formatNumber(c.pending_total)} with sub)`
                    : ''}
                </span>
                <RowMenu
                  label={`Actions for ${c.name}`}
                  items={menuItems(c)}
                  tabIndex={c.id === activeId ? 0 : -1}
                  openSignal={menuFor.id === c.id ? menuFor.n : undefined}
                />
              </div>
              {row.expanded ? renderLevel(c.id, depth + 1) : null}
            </li>
          );
        })}
        {query ? null : (
          <li role="none" aria-hidden="true">
            <div
              className={`cat-gap end${dropHint === `end-${parentId}` ? ' hint' : ''}`}
              onDragOver={allowDrop(`end-${parentId}`)}
              onDragLeave={() => setDropHint(null)}
              onDrop={(e) => onDrop(e, parentId, (children.get(parentId) ?? []).length)}
            />
          </li>
        )}
      </ul>
    );
  };
  const treeProps = (depth: number) => (depth === 0 ? { 'aria-label': 'Categories', ref: treeRef, onKeyDown: onTreeKey } : {});

  return (
    <section aria-label="Categories">
      <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
        <label className="inline grow">
          <span className="visually-hidden">Filter categories</span>
          <input type="search" placeholder="Filter categories by name or slug…" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="button" className="btn primary" onClick={() => setEditing({ category: null, parentId: null })}>
          New category
        </button>
      </div>
      <p className="muted small">
        Arrow keys walk the tree (→ opens, ← closes), Enter opens a row&apos;s actions. Drag a category onto another to nest it, or onto a gap to
        place it. Counts: approved / pending videos.
      </p>
      {tree.error ? <ErrorAlert error={tree.error} title="Could not load the categories" /> : null}
      {tree.isPending ? (
        <p className="muted">Loading…</p>
      ) : all.length === 0 ? (
        <EmptyState title="No categories yet">
          <p>Create the first one with “New category”.</p>
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title={`No category matches “${query.trim()}”`}>
          <p>Try part of a name or slug, or clear the filter.</p>
        </EmptyState>
      ) : (
        renderLevel(null, 0)
      )}
      <Dialog open={editing !== null} title={editing?.category ? `Edit "${editing.category.name}"` : 'New category'} onClose={() => setEditing(null)}>
        {editing ? (
          <CategoryForm
            key={editing.category?.id ?? `new-${editing.parentId}`}
            category={editing.category}
            parentId={editing.parentId}
            all={all}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
      <MoveCategoryDialog category={moving} all={all} busy={move.isPending} onMove={doMove} onClose={() => setMoving(null)} />
      <DeleteCategoryDialog category={deleting} all={all} production={production} profileName={profileName} onClose={() => setDeleting(null)} />
      <HistoryDialog target={history ? { type: 'category', id: history.id } : null} title={history?.name ?? ''} onClose={() => setHistory(null)} />
    </section>
  );
}
