// Deleting a category asks where its videos and subcategories go, and moves them in the same
// transaction; on production the profile's name must be typed.
import { useState } from 'react';
import type { Input } from '@contract/contract';
import type { CategoryNode } from '@contract/taxonomy';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormField } from '@/components/form-field';
import { useToasts } from '@/components/toasts';
import { formatNumber } from '@/lib/format';
import { useDeleteCategory } from '../api/taxonomy-mutations';
import { subtreeIds } from '../lib/category-subtree';

const parentOf = (category: CategoryNode | null) => (category?.parent_id ? String(category.parent_id) : '');

export function DeleteCategoryDialog({
  category,
  all,
  production,
  profileName,
  onClose,
}: {
  category: CategoryNode | null;
  all: CategoryNode[];
  production: boolean;
  profileName: string;
  onClose: () => void;
}) {
  const del = useDeleteCategory();
  const toasts = useToasts();
  const react = useErrorReaction();
  // Another category starts from its own defaults: its videos go to its parent, its subcategories too.
  const [forId, setForId] = useState(category?.id);
  const [videosTo, setVideosTo] = useState<string>(() => parentOf(category));
  const [childrenTo, setChildrenTo] = useState<string>('');
  if (category?.id !== forId) {
    setForId(category?.id);
    setVideosTo(parentOf(category));
    setChildrenTo('');
  }
  const subtree = category ? subtreeIds(all, category.id) : new Set<number>();
  const outside = all.filter((c) => !subtree.has(c.id));
  const children = category ? all.filter((c) => c.parent_id === category.id).length : 0;
  const remove = (input: Input<'taxonomy:delete-category'>) =>
    del.mutate(input, {
      onSuccess: (r) =>
        toasts.push({
          kind: 'success',
          message: `Deleted; ${formatNumber(r.videos_moved)} video(s) and ${formatNumber(r.children_moved)} subcategor${r.children_moved === 1 ? 'y' : 'ies'} moved.`,
        }),
      onError: (e) => react(e, { retry: (confirm) => remove({ ...input, confirm }) }),
    });
  return (
    <ConfirmDialog
      open={category !== null}
      title={`Delete "${category?.name ?? ''}"?`}
      confirmLabel="Delete category"
      danger
      typeToConfirm={production ? profileName : null}
      onClose={onClose}
      onConfirm={(typed) => {
        if (!category) return;
        remove({
          id: category.id,
          expectedUpdatedAt: category.updated_at,
          videosTo: videosTo ? Number(videosTo) : null,
          childrenTo: childrenTo ? Number(childrenTo) : null,
          confirm: typed || undefined,
        });
        onClose();
      }}
    >
      <p>
        {formatNumber(category?.approved ?? 0)} approved and {formatNumber(category?.pending ?? 0)} pending video(s) are in this category itself;{' '}
        {formatNumber(children)} subcategor{children === 1 ? 'y' : 'ies'}.
      </p>
      <FormField id="del-videos-to" label="Move its videos to">
        {(c) => (
          <select {...c} value={videosTo} onChange={(e) => setVideosTo(e.target.value)}>
            <option value="">(no category)</option>
            {outside.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {children ? (
        <FormField id="del-children-to" label="Move its subcategories to">
          {(c) => (
            <select {...c} value={childrenTo} onChange={(e) => setChildrenTo(e.target.value)}>
              <option value="">{category?.parent_id ? `its parent (${all.find((x) => x.id === category.parent_id)?.name})` : '(top level)'}</option>
              {outside.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
    </ConfirmDialog>
  );
}
