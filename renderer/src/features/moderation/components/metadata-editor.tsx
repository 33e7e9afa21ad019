// Category and tags, editable before approving; saved against the version loaded (a stale
// edit is refused as a conflict).
import { forwardRef, useEffect, useMemo, useState } from 'react';
import type { VideoReview } from '@contract/moderation';
import { errorText } from '@/api/client';
import { useToasts } from '@/components/toasts';
import { useTaxonomyOptions } from '../api/get-options';
import { useUpdateMetadata } from '../api/moderate';

export const MetadataEditor = forwardRef<HTMLSelectElement, { video: VideoReview['video'] }>(function MetadataEditor({ video }, ref) {
  const options = useTaxonomyOptions();
  const save = useUpdateMetadata();
  const toasts = useToasts();
  const [category, setCategory] = useState<number | null>(video.category_id);
  const [tags, setTags] = useState<Set<number>>(() => new Set(video.tags.map((t) => t.id)));
  const [filter, setFilter] = useState('');
  useEffect(() => {
    setCategory(video.category_id);
    setTags(new Set(video.tags.map((t) => t.id)));
  }, [video.id, video.updated_at]); // eslint-disable-line react-hooks/exhaustive-deps

  const dirty = category !== video.category_id || tags.size !== video.tags.length || video.tags.some((t) => !tags.has(t.id));
  const visibleTags = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = options.data?.tags ?? [];
    return (q ? all.filter((t) => t.name.toLowerCase().includes(q)) : all).slice(0, 60);
  }, [options.data, filter]);

  return (
    <section aria-label="Category and tags" className="editor">
      <div className="field">
        <label htmlFor="edit-category">Category</label>
        <select id="edit-category" ref={ref} value={category ?? ''} onChange={(e) => setCategory(e.target.value ? Number(e.target.value) : null)}>
          <option value="">(none)</option>
          {(options.data?.categories ?? []).map((c) => <option key={c.id} value={c.id}>{c.parent_id ? `— ${c.name}` : c.name}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="edit-tag-filter">Tags ({tags.size})</label>
        <input id="edit-tag-filter" placeholder="Filter tags…" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <div className="tag-list" role="group" aria-label="Tags">
          {visibleTags.map((t) => (
            <label key={t.id} className={`tag-chip${tags.has(t.id) ? ' on' : ''}`}>
              <input type="checkbox" checked={tags.has(t.id)} onChange={() => setTags((s) => {
                const n = new Set(s);
                if (n.has(t.id)) n.delete(t.id); else n.add(t.id);
                return n;
              })} />
              {t.name}
            </label>
          ))}
        </div>
      </div>
      <button type="button" className="btn small" disabled={!dirty || save.isPending} onClick={() => save.mutate(
        { videoId: video.id, expectedUpdatedAt: video.updated_at, categoryId: category, tagIds: [...tags] },
        {
          onSuccess: () => toasts.push({ kind: 'success', message: 'Category and tags saved.' }),
          onError: (e) => toasts.push({ kind: 'error', ...errorText(e) }),
        },
      )}>
        Save category and tags
      </button>
    </section>
  );
});
