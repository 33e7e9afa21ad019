// The category tree: drag a category onto another to nest it, onto the gap above one to place it
// there; or use the move buttons (↑ ↓ → ←) from the keyboard. The database refuses loops.
import { useMemo, useState, type DragEvent } from 'react';
import type { CategoryNode } from '@contract/taxonomy';
import { Dialog } from '@/components/dialog';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/error-alert';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { useToasts } from '@/components/toasts';
import { formatNumber } from '@/lib/format';
import { useMoveCategory } from '../api/taxonomy-mutations';
import { useCategoryTree } from '../api/taxonomy-queries';
import { CategoryForm } from './category-form';
import { DeleteCategoryDialog } from './delete-category-dialog';
import { HistoryDialog } from './history-dialog';

const DRAG_TYPE = 'application/x-magna-category';
/** One empty list while the tree loads, so the memos below keep their value between renders. */
const NO_CATEGORIES: CategoryNode[] = [];

export function CategoryTree({ production, profileName }: { production: boolean; profileName: string }) {
  const tree = useCategoryTree();
  const move = useMoveCategory();
  const toasts = useToasts();
  const react = useErrorReaction();
  const [editing, setEditing] = useState<{ category: CategoryNode | null; parentId: number | null } | null>(null);
  const [deleting, setDeleting] = useState<CategoryNode | null>(null);
  const [history, setHistory] = useState<CategoryNode | null>(null);
  const [dropHint, setDropHint] = useState<string | null>(null);
  const all = tree.data ?? NO_CATEGORIES;
  const children = useMemo(() => {
    const map = new Map<number | null, CategoryNode[]>();
    for (const c of all) map.set(c.parent_id, [...(map.get(c.parent_id) ?? []), c]);
    for (const list of map.values()) list.sort((a, b) => (a.display_order ?? 0) - (b.display_order ?? 0) || a.name.localeCompare(b.name));
    return map;
  }, [all]);
  const byId = useMemo(() => new Map(all.map((c) => [c.id, c])), [all]);

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
  const siblings = (c: CategoryNode) => children.get(c.parent_id) ?? [];
  const index = (c: CategoryNode) => siblings(c).findIndex((s) => s.id === c.id);

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

  const renderLevel = (parentId: number | null, depth: number) => (
    <ul className={depth === 0 ? 'cat-tree' : 'cat-children'}>
      {(children.get(parentId) ?? []).map((c, i) => {
        const list = children.get(parentId) ?? [];
        const builtIn = c.slug === 'all';
        return (
          <li key={c.id}>
            <div
              className={`cat-gap${dropHint === `gap-${c.id}` ? ' hint' : ''}`}
              onDragOver={allowDrop(`gap-${c.id}`)}
              onDragLeave={() => setDropHint(null)}
              onDrop={(e) => onDrop(e, parentId, i)}
              data-testid={`gap-${c.slug}`}
            />
            <div
              className={`cat-row${dropHint === `into-${c.id}` ? ' hint' : ''}`}
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
              <span className="drag-handle" aria-hidden="true">
                {builtIn ? '' : '⠿'}
              </span>
              <span className="swatch" aria-hidden="true" style={{ background: c.color ?? 'transparent' }} />
              <span className="cat-icon" aria-hidden="true">
                {c.icon ?? ''}
              </span>
              <strong className="cat-name">{c.name}</strong>
              <span className="muted small">/{c.slug}</span>
              <span className="muted small cat-usage" title="Approved / pending videos: own (including subcategories)">
                {formatNumber(c.approved)} / {formatNumber(c.pending)}
                {c.approved_total !== c.approved || c.pending_total !== c.pending
                  ? ` (${formatNumber(c.approved_total)} / ${formatNumber(c.pending_total)} with sub)`
                  : ''}
              </span>
              <span className="cat-actions">
                {!builtIn ? (
                  <>
                    <button
                      type="button"
                      className="btn small icon"
                      aria-label={`Move ${c.name} up`}
                      disabled={i === 0 || move.isPending}
                      onClick={() => doMove(c, parentId, i - 1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn small icon"
                      aria-label={`Move ${c.name} down`}
                      disabled={i === list.length - 1 || move.isPending}
                      onClick={() => doMove(c, parentId, i + 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="btn small icon"
                      aria-label={`Nest ${c.name} under the category above`}
                      disabled={i === 0 || list[i - 1]?.slug === 'all' || move.isPending}
                      onClick={() => doMove(c, list[i - 1]!.id, (children.get(list[i - 1]!.id) ?? []).length)}
                    >
                      →
                    </button>
                    <button
                      type="button"
                      className="btn small icon"
                      aria-label={`Move ${c.name} out one level`}
                      disabled={parentId === null || move.isPending}
                      onClick={() => {
                        const p = byId.get(parentId!)!;
                        doMove(c, p.parent_id, index(p) + 1);
                      }}
                    >
                      ←
                    </button>
                  </>
                ) : null}
                <button
                  type="button"
                  className="btn small"
                  onClick={() => setEditing({ category: c, parentId: c.parent_id })}
                  aria-label={`Edit ${c.name}`}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="btn small"
                  onClick={() => setEditing({ category: null, parentId: c.id })}
                  aria-label={`Add a subcategory to ${c.name}`}
                >
                  + Sub
                </button>
                <button type="button" className="btn small" onClick={() => setHistory(c)} aria-label={`History of ${c.name}`}>
                  History
                </button>
                {!builtIn ? (
                  <button type="button" className="btn small danger" onClick={() => setDeleting(c)} aria-label={`Delete ${c.name}`}>
                    Delete
                  </button>
                ) : null}
              </span>
            </div>
            {(children.get(c.id) ?? []).length ? renderLevel(c.id, depth + 1) : null}
          </li>
        );
      })}
      <li aria-hidden="true">
        <div
          className={`cat-gap end${dropHint === `end-${parentId}` ? ' hint' : ''}`}
          onDragOver={allowDrop(`end-${parentId}`)}
          onDragLeave={() => setDropHint(null)}
          onDrop={(e) => onDrop(e, parentId, (children.get(parentId) ?? []).length)}
        />
      </li>
    </ul>
  );

  return (
    <section aria-label="Categories">
      <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
        <span className="muted">Drag a category onto another to nest it, or onto a gap to place it. Counts: approved / pending videos.</span>
        <button type="button" className="btn primary" onClick={() => setEditing({ category: null, parentId: null })}>
          New category
        </button>
      </div>
      {tree.error ? <ErrorAlert error={tree.error} title="Could not load the categories" /> : null}
      {tree.isPending ? (
        <p className="muted">Loading…</p>
      ) : all.length === 0 ? (
        <EmptyState title="No categories yet">
          <p>Create the first one with “New category”.</p>
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
      <DeleteCategoryDialog category={deleting} all={all} production={production} profileName={profileName} onClose={() => setDeleting(null)} />
      <HistoryDialog target={history ? { type: 'category', id: history.id } : null} title={history?.name ?? ''} onClose={() => setHistory(null)} />
    </section>
  );
}
