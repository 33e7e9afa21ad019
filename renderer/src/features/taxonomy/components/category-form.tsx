// Create or edit a category: the slug is derived from the name unless typed, the colour is hex;
// the same zod schema checks here, at the boundary and (as constraints) in the database.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { categoryInputSchema, slugify, type CategoryNode } from '@contract/taxonomy';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormAlert, FormField } from '@/components/form-field';
import { useToasts } from '@/components/toasts';
import { useSaveCategory } from '../api/taxonomy-mutations';
import { subtreeIds } from '../lib/category-subtree';
import { isBuiltIn } from '../lib/tree-rows';

type Values = z.input<typeof categoryInputSchema>;

export function CategoryForm({
  category,
  parentId,
  all,
  onDone,
}: {
  category: CategoryNode | null;
  parentId: number | null;
  all: CategoryNode[];
  onDone: () => void;
}) {
  const save = useSaveCategory();
  const toasts = useToasts();
  const react = useErrorReaction();
  const form = useForm<Values>({
    resolver: zodResolver(categoryInputSchema),
    defaultValues: category
      ? {
          id: category.id,
          expectedUpdatedAt: category.updated_at,
          name: category.name,
          slug: category.slug,
          description: category.description ?? '',
          icon: category.icon ?? '',
          color: category.color ?? '',
          parentId: category.parent_id,
        }
      : { name: '', slug: '', description: '', icon: '', color: '', parentId },
  });
  const errors = form.formState.errors;
  // eslint-disable-next-line react-hooks/incompatible-library -- react-hook-form's watch() re-renders this form on every change by design (the slug preview and colour swatch need it); nothing memoized takes its values
  const slug = slugify(form.watch('name') ?? '');
  const color = form.watch('color');
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync(values);
      toasts.push({ kind: 'success', message: `Category "${saved.name}" saved.` });
      onDone();
    } catch (e) {
      react(e, { form });
    }
  });
  // A category cannot move under itself or its descendants: leave them out of the choices.
  const excluded = category ? subtreeIds(all, category.id) : new Set<number>();
  return (
    <form onSubmit={onSubmit} noValidate aria-label={category ? 'Edit category' : 'New category'}>
      <FormField id="cat-name" label="Name" error={errors.name?.message}>
        {(c) => <input {...c} autoComplete="off" {...form.register('name')} />}
      </FormField>
      <FormField id="cat-slug" label="Slug" error={errors.slug?.message} help={`Leave empty to use “${slug || '…'}”.`}>
        {(c) => <input {...c} autoComplete="off" placeholder={slug || 'lower-case-and-hyphens'} {...form.register('slug')} />}
      </FormField>
      <FormField id="cat-parent" label="Parent" error={errors.parentId?.message}>
        {(c) => (
          <select {...c} {...form.register('parentId', { setValueAs: (v: string) => (v === '' || v === null ? null : Number(v)) })}>
            <option value="">(top level)</option>
            {all
              .filter((x) => !excluded.has(x.id) && !isBuiltIn(x))
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
          </select>
        )}
      </FormField>
      <div className="row">
        <FormField id="cat-icon" label="Icon" error={errors.icon?.message}>
          {(c) => <input {...c} className="narrow" {...form.register('icon')} />}
        </FormField>
        <FormField id="cat-color" label="Colour" error={errors.color?.message}>
          {(c) => (
            <div className="row">
              <input {...c} placeholder="#3450d6" className="color-text" {...form.register('color')} />
              <span className="swatch" aria-hidden="true" style={{ background: /^#[0-9a-fA-F]{6}$/.test(color ?? '') ? color : 'transparent' }} />
            </div>
          )}
        </FormField>
      </div>
      <FormField id="cat-description" label="Description" error={errors.description?.message}>
        {(c) => <textarea {...c} rows={2} {...form.register('description')} />}
      </FormField>
      <FormAlert message={errors.root?.message} />
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={form.formState.isSubmitting}>
          {category ? 'Save category' : 'Create category'}
        </button>
      </div>
    </form>
  );
}
