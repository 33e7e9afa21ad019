// Create or edit a category: the slug is derived from the name unless typed, the colour is hex;
// the same zod schema checks here, at the boundary and (as constraints) in the database.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { categoryInputSchema, slugify, type CategoryNode } from '@contract/taxonomy';
import { showSubmitError } from '@/api/form-errors';
import { useToasts } from '@/components/toasts';
import { useSaveCategory } from '../api/taxonomy-mutations';

type Values = z.input<typeof categoryInputSchema>;

export function CategoryForm({ category, parentId, all, onDone }: { category: CategoryNode | null; parentId: number | null; all: CategoryNode[]; onDone: () => void }) {
  const save = useSaveCategory();
  const toasts = useToasts();
  const form = useForm<Values>({
    resolver: zodResolver(categoryInputSchema),
    defaultValues: category
      ? { id: category.id, expectedUpdatedAt: category.updated_at, name: category.name, slug: category.slug, description: category.description ?? '', icon: category.icon ?? '', color: category.color ?? '', parentId: category.parent_id }
      : { name: '', slug: '', description: '', icon: '', color: '', parentId },
  });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const name = form.watch('name');
  const color = form.watch('color');
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync(values);
      toasts.push({ kind: 'success', message: `Category "${saved.name}" saved.` });
      onDone();
    } catch (e) {
      showSubmitError(form, e);
    }
  });
  const invalid = (n: string) => ({ 'aria-invalid': errors[n] ? true : undefined, 'aria-describedby': errors[n] ? `cat-${n}-error` : undefined });
  const err = (n: string) => (errors[n]?.message ? <span className="error" id={`cat-${n}-error`} role="alert">{errors[n]?.message}</span> : null);
  const excluded = new Set<number>();
  if (category) {
    // A category cannot move under itself or its descendants: leave them out of the choices.
    const stack = [category.id];
    while (stack.length) {
      const id = stack.pop()!;
      excluded.add(id);
      for (const c of all) if (c.parent_id === id) stack.push(c.id);
    }
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label={category ? 'Edit category' : 'New category'}>
      <div className="field"><label htmlFor="cat-name">Name</label><input id="cat-name" autoComplete="off" {...form.register('name')} {...invalid('name')} />{err('name')}</div>
      <div className="field">
        <label htmlFor="cat-slug">Slug</label>
        <input id="cat-slug" autoComplete="off" placeholder={slugify(name ?? '') || 'lower-case-and-hyphens'} {...form.register('slug')} {...invalid('slug')} />
        {err('slug') ?? <span className="help">Leave empty to use “{slugify(name ?? '') || '…'}”.</span>}
      </div>
      <div className="field">
        <label htmlFor="cat-parent">Parent</label>
        <select id="cat-parent" {...form.register('parentId', { setValueAs: (v: string) => (v === '' || v === null ? null : Number(v)) })}>
          <option value="">(top level)</option>
          {all.filter((c) => !excluded.has(c.id)).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </div>
      <div className="row">
        <div className="field"><label htmlFor="cat-icon">Icon</label><input id="cat-icon" className="narrow" {...form.register('icon')} {...invalid('icon')} />{err('icon')}</div>
        <div className="field">
          <label htmlFor="cat-color">Colour</label>
          <div className="row">
            <input id="cat-color" placeholder="#3450d6" className="color-text" {...form.register('color')} {...invalid('color')} />
            <span className="swatch" aria-hidden="true" style={{ background: /^#[0-9a-fA-F]{6}$/.test(color ?? '') ? color : 'transparent' }} />
          </div>
          {err('color')}
        </div>
      </div>
      <div className="field"><label htmlFor="cat-description">Description</label><textarea id="cat-description" rows={2} {...form.register('description')} {...invalid('description')} />{err('description')}</div>
      {form.formState.errors.root?.message ? <div className="alert" role="alert">{form.formState.errors.root.message}</div> : null}
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button type="button" className="btn" onClick={onDone}>Cancel</button>
        <button type="submit" className="btn primary" disabled={form.formState.isSubmitting}>{category ? 'Save category' : 'Create category'}</button>
      </div>
    </form>
  );
}
