// Move a category from the keyboard: pick the new parent and the place among its children. The
// category's own subtree and the built-in "All" are not offered (the database refuses loops anyway).
import { useState } from 'react';
import type { CategoryNode } from '@contract/taxonomy';
import { Dialog } from '@/components/dialog';
import { subtreeIds } from '../lib/category-subtree';
import { childrenByParent, isBuiltIn } from '../lib/tree-rows';

export function MoveCategoryDialog({
  category,
  all,
  busy,
  onMove,
  onClose,
}: {
  category: CategoryNode | null;
  all: CategoryNode[];
  busy: boolean;
  onMove: (c: CategoryNode, parentId: number | null, position: number) => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={category !== null} title={category ? `Move "${category.name}"` : 'Move'} onClose={onClose}>
      {category ? <MoveForm key={category.id} category={category} all={all} busy={busy} onMove={onMove} onClose={onClose} /> : null}
    </Dialog>
  );
}

function MoveForm({
  category,
  all,
  busy,
  onMove,
  onClose,
}: {
  category: CategoryNode;
  all: CategoryNode[];
  busy: boolean;
  onMove: (c: CategoryNode, parentId: number | null, position: number) => void;
  onClose: () => void;
}) {
  const [parentId, setParentId] = useState<number | null>(category.parent_id);
  const excluded = subtreeIds(all, category.id);
  const siblings = (childrenByParent(all).get(parentId) ?? []).filter((c) => c.id !== category.id);
  const current = parentId === category.parent_id ? (childrenByParent(all).get(parentId) ?? []).findIndex((c) => c.id === category.id) : -1;
  const [position, setPosition] = useState<number>(current >= 0 ? current : siblings.length);
  const place = Math.min(position, siblings.length);
  return (
    <form
      aria-label="Move category"
      onSubmit={(e) => {
        e.preventDefault();
        onMove(category, parentId, place);
        onClose();
      }}
    >
      <label className="field">
        <span>Parent</span>
        <select
          value={parentId ?? ''}
          onChange={(e) => {
            const next = e.target.value ? Number(e.target.value) : null;
            setParentId(next);
            setPosition((childrenByParent(all).get(next) ?? []).length);
          }}
        >
          <option value="">(top level)</option>
          {all
            .filter((c) => !excluded.has(c.id) && !isBuiltIn(c))
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </select>
      </label>
      <label className="field">
        <span>Place</span>
        <select value={place} onChange={(e) => setPosition(Number(e.target.value))}>
          <option value={0}>First</option>
          {siblings.map((s, i) => (
            <option key={s.id} value={i + 1}>
              After “{s.name}”
            </option>
          ))}
        </select>
      </label>
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={busy}>
          Move
        </button>
      </div>
    </form>
  );
}
