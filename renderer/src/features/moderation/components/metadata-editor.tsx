// Category and tags, editable before approving; saved against the version loaded (a stale
// edit is refused as a conflict).
import { forwardRef, useEffect, useState } from 'react';
import type { VideoReview } from '@contract/moderation';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormField } from '@/components/form-field';
import { useToasts } from '@/components/toasts';
import { formatNumber } from '@/lib/format';
import { useTaxonomyOptions } from '../api/get-options';
import { useUpdateMetadata } from '../api/moderate';
import { TagPicker } from './tag-picker';

export const MetadataEditor = forwardRef<HTMLSelectElement, { video: VideoReview['video'] }>(function MetadataEditor({ video }, ref) {
  const options = useTaxonomyOptions();
  const save = useUpdateMetadata();
  const toasts = useToasts();
  const react = useErrorReaction();
  const [category, setCategory] = useState<number | null>(video.category_id);
  const [tags, setTags] = useState<Map<number, string>>(() => new Map(video.tags.map((t) => [t.id, t.name])));
  useEffect(() => {
    setCategory(video.category_id);
    setTags(new Map(video.tags.map((t) => [t.id, t.name])));
  }, [video.id, video.updated_at]); // eslint-disable-line react-hooks/exhaustive-deps -- reset when another version is loaded

  const dirty = category !== video.category_id || tags.size !== video.tags.length || video.tags.some((t) => !tags.has(t.id));

  return (
    <section aria-label="Category and tags" className="editor">
      <FormField id="edit-category" label="Category">
        {(control) => (
          <select {...control} ref={ref} value={category ?? ''} onChange={(e) => setCategory(e.target.value ? Number(e.target.value) : null)}>
            <option value="">(none)</option>
            {(options.data?.categories ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.parent_id ? `— ${c.name}` : c.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="field">
        <span className="label" id="edit-tags-label">
          Tags ({formatNumber(tags.size)})
        </span>
        <TagPicker tags={tags} onChange={setTags} />
      </div>
      <button
        type="button"
        className="btn small"
        disabled={!dirty || save.isPending}
        onClick={() =>
          save.mutate(
            { videoId: video.id, expectedUpdatedAt: video.updated_at, categoryId: category, tagIds: [...tags.keys()] },
            { onSuccess: () => toasts.push({ kind: 'success', message: 'Category and tags saved.' }), onError: (e) => react(e) },
          )
        }
      >
        Save category and tags
      </button>
    </section>
  );
});
