import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { slugify, tagInputSchema, type Tag } from '@contract/taxonomy';
import { showSubmitError } from '@/api/form-errors';
import { useToasts } from '@/components/toasts';
import { useSaveTag } from '../api/taxonomy-mutations';

type Values = z.input<typeof tagInputSchema>;

/** Create or rename a tag; on rename the slug follows the name unless one is typed. */
export function TagForm({ tag, onDone }: { tag: Tag | null; onDone: () => void }) {
  const save = useSaveTag();
  const toasts = useToasts();
  const form = useForm<Values>({
    resolver: zodResolver(tagInputSchema),
    defaultValues: tag ? { id: tag.id, expectedUpdatedAt: tag.updated_at, name: tag.name, slug: '', description: tag.description ?? '' } : { name: '', slug: '', description: '' },
  });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const name = form.watch('name');
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync(values);
      toasts.push({ kind: 'success', message: `Tag "${saved.name}" saved (slug ${saved.slug}).` });
      onDone();
    } catch (e) {
      showSubmitError(form, e);
    }
  });
  const err = (n: string) => (errors[n]?.message ? <span className="error" id={`tag-${n}-error`} role="alert">{errors[n]?.message}</span> : null);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={tag ? 'Rename tag' : 'New tag'}>
      <div className="field"><label htmlFor="tag-name">Name</label><input id="tag-name" autoComplete="off" {...form.register('name')} aria-invalid={errors.name ? true : undefined} />{err('name')}</div>
      <div className="field">
        <label htmlFor="tag-slug">Slug</label>
        <input id="tag-slug" autoComplete="off" placeholder={slugify(name ?? '') || 'lower-case-and-hyphens'} {...form.register('slug')} aria-invalid={errors.slug ? true : undefined} />
        {err('slug') ?? <span className="help">Leave empty to follow the name: “{slugify(name ?? '') || '…'}”.</span>}
      </div>
      <div className="field"><label htmlFor="tag-description">Description</label><textarea id="tag-description" rows={2} {...form.register('description')} />{err('description')}</div>
      {form.formState.errors.root?.message ? <div className="alert" role="alert">{form.formState.errors.root.message}</div> : null}
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button type="button" className="btn" onClick={onDone}>Cancel</button>
        <button type="submit" className="btn primary" disabled={form.formState.isSubmitting}>{tag ? 'Rename' : 'Create tag'}</button>
      </div>
    </form>
  );
}
