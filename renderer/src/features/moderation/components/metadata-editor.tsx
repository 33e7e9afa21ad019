// Category and tags, editable before approving; saved against the version loaded (a stale
// edit is refused as a conflict).
import { forwardRef, useEffect, useMemo, useState } from 'react';
import type { VideoReview } from '@contract/moderation';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormField } from '@/components/form-field';
import { useToasts } from '@/components/toasts';
import { formatNumber } from '@/lib/format';
import { useTaxonomyOptions } from '../api/get-options';
import { useUpdateMetadata } from '../api/moderate';

export const MetadataEditor = forwardRef<HTMLSelectElement, { video: VideoReview['video'] }>(function MetadataEditor({ video }, ref) {
  const options = useTaxonomyOptions();
  const save = useUpdateMetadata();
  const toasts = useToasts();
  const react = useErrorReaction();
  const [category, setCategory] = useState<number | null>(video.category_id);
  const [tags, setTags] = useState<Set<number>>(() => new Set(video.tags.map((t) => t.id)));
  const [filter, setFilter] = useState('');
  useEffect(() => {
    setCategory(video.category_id);
    setTags(new Set(video.tags.map((t) => t.id)));
  }, [video.id, video.updated_at]); // eslint-disable-line react-hooks/exhaustive-deps -- reset when another version is loaded

  const dirty = category !== video.category_id || tags.size !== video.tags.length || video.tags.some((t) => !tags.has(t.id));
  const visibleTags = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = options.data?.tags ?? [];
    return (q ? all.filter((t) => t.name.toLowerCase().includes(q)) : all).slice(0, 60);
  }, [options.data, filter]);

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
      <FormField id="edit-tag-filter" label={`Tags (${formatNumber(tags.size)})`}>
        {(control) => (
          <>
            <input {...control} placeholder="Filter tags…" value={filter} onChange={(e) => setFilter(e.target.value)} />
            <div className="tag-list" role="group" aria-label="Tags">
              {visibleTags.map((t) => (
                <label key={t.id} className={`tag-chip${tags.has(t.id) ? ' on' : ''}`}>
                  <input
                    type="checkbox"
                    checked={tags.has(t.id)}
                    onChange={() =>
                      setTags((s) => {
                        const n = new Set(s);
                        if (n.has(t.id)) n.delete(t.id);
                        else n.add(t.id);
                        return n;
                      })
                    }
                  />
                  {t.name}
                </label>
              ))}
            </div>
          </>
        )}
      </FormField>
      <button
        type="button"
        className="btn small"
        disabled={!dirty || save.isPending}
        onClick={() =>
          save.mutate(
            { videoId: video.id, expectedUpdatedAt: video.updated_at, categoryId: category, tagIds: [...tags] },
            { onSuccess: () => toasts.push({ kind: 'success', message: 'Category and tags saved.' }), onError: (e) => react(e) },
          )
        }
      >
        Save category and tags
      </button>
    </section>
  );
});
