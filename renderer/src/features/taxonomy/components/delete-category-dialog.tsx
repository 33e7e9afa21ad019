// Deleting a category asks where its videos and subcategories go, and moves them in the same
// transaction; on production the profile's name must be typed.
import { useEffect, useState } from 'react';
import type { CategoryNode } from '@contract/taxonomy';
import { errorText } from '@/api/client';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { useToasts } from '@/components/toasts';
import { useDeleteCategory } from '../api/taxonomy-mutations';

export function DeleteCategoryDialog({ category, all, production, profileName, onClose }: {
  category: CategoryNode | null; all: CategoryNode[]; production: boolean; profileName: string; onClose: () => void;
}) {
  const del = useDeleteCategory();
  const toasts = useToasts();
  const [videosTo, setVideosTo] = useState<string>('');
  const [childrenTo, setChildrenTo] = useState<string>('');
  const subtree = new Set<number>();
  if (category) {
    const stack = [category.id];
    while (stack.length) {
      const id = stack.pop()!;
      subtree.add(id);
      for (const c of all) if (c.parent_id === id) stack.push(c.id);
    }
  }
  useEffect(() => {
    setVideosTo(category?.parent_id ? String(category.parent_id) : '');
    setChildrenTo('');
  }, [category?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const outside = all.filter((c) => !subtree.has(c.id));
  const children = category ? all.filter((c) => c.parent_id === category.id).length : 0;
  return (
    <ConfirmDialog open={category !== null} title={`Delete "${category?.name ?? ''}"?`} confirmLabel="Delete category" danger
      typeToConfirm={production ? profileName : null} onClose={onClose}
      onConfirm={(typed) => {
        if (!category) return;
        del.mutate({ id: category.id, expectedUpdatedAt: category.updated_at, videosTo: videosTo ? Number(videosTo) : null, childrenTo: childrenTo ? Number(childrenTo) : null, confirm: typed || undefined }, {
          onSuccess: (r) => toasts.push({ kind: 'success', message: `Deleted; ${r.videos_moved} video(s) and ${r.children_moved} subcategor${r.children_moved === 1 ? 'y' : 'ies'} moved.` }),
          onError: (e) => toasts.push({ kind: 'error', ...errorText(e) }),
        });
        onClose();
      }}>
      <p>{category?.approved ?? 0} approved and {category?.pending ?? 0} pending video(s) are in this category itself; {children} subcategor{children === 1 ? 'y' : 'ies'}.</p>
      <div className="field">
        <label htmlFor="del-videos-to">Move its videos to</label>
        <select id="del-videos-to" value={videosTo} onChange={(e) => setVideosTo(e.target.value)}>
          <option value="">(no category)</option>
          {outside.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </div>
      {children ? (
        <div className="field">
          <label htmlFor="del-children-to">Move its subcategories to</label>
          <select id="del-children-to" value={childrenTo} onChange={(e) => setChildrenTo(e.target.value)}>
            <option value="">{category?.parent_id ? `its parent (${all.find((c) => c.id === category.parent_id)?.name})` : '(top level)'}</option>
            {outside.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
