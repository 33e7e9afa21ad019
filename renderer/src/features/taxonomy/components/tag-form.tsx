import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { slugify, tagInputSchema, type Tag } from '@contract/taxonomy';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormAlert, FormField } from '@/components/form-field';
import { useToasts } from '@/components/toasts';
import { useSaveTag } from '../api/taxonomy-mutations';

type Values = z.input<typeof tagInputSchema>;

/** Create or rename a tag; on rename the slug follows the name unless one is typed. */
export function TagForm({ tag, onDone }: { tag: Tag | null; onDone: () => void }) {
  const save = useSaveTag();
  const toasts = useToasts();
  const react = useErrorReaction();
  const form = useForm<Values>({
    resolver: zodResolver(tagInputSchema),
    defaultValues: tag
      ? { id: tag.id, expectedUpdatedAt: tag.updated_at, name: tag.name, slug: '', description: tag.description ?? '' }
      : { name: '', slug: '', description: '' },
  });
  const errors = form.formState.errors;
  // eslint-disable-next-line react-hooks/incompatible-library -- react-hook-form's watch() re-renders this form on every change by design (the slug preview needs it); nothing memoized takes its value
  const slug = slugify(form.watch('name') ?? '');
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync(values);
      toasts.push({ kind: 'success', message: `Tag "${saved.name}" saved (slug ${saved.slug}).` });
      onDone();
    } catch (e) {
      react(e, { form });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={tag ? 'Rename tag' : 'New tag'}>
      <FormField id="tag-name" label="Name" error={errors.name?.message}>
        {(c) => <input {...c} autoComplete="off" {...form.register('name')} />}
      </FormField>
      <FormField id="tag-slug" label="Slug" error={errors.slug?.message} help={`Leave empty to follow the name: “${slug || '…'}”.`}>
        {(c) => <input {...c} autoComplete="off" placeholder={slug || 'lower-case-and-hyphens'} {...form.register('slug')} />}
      </FormField>
      <FormField id="tag-description" label="Description" error={errors.description?.message}>
        {(c) => <textarea {...c} rows={2} {...form.register('description')} />}
      </FormField>
      <FormAlert message={errors.root?.message} />
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={form.formState.isSubmitting}>
          {tag ? 'Rename' : 'Create tag'}
        </button>
      </div>
    </form>
  );
}
