// Filters and sort of a queue, kept in the URL so a view can be reloaded and shared.
import { useEffect, useState } from 'react';
import type { HashSort } from '@/hooks/use-hash-sort';
import { useTaxonomyOptions } from '../api/get-options';
import { AGES, PLATFORMS, type QueueView } from '../lib/queue-view';
import type { QueueSort } from './queue-columns';

const PLATFORM_LABEL = { youtube: 'YouTube', vimeo: 'Vimeo', dailymotion: 'Dailymotion', other: 'Other' } as const;
const AGE_LABEL = { lt1: 'Under a day', lt7: 'Under a week', gt7: 'Over a week', gt30: 'Over a month' } as const;
const SORT_LABEL = { oldest: 'Oldest first', newest: 'Newest first', most_reported: 'Most reported' } as const;

/**
 * `onPicked`: a select or checkbox was changed (with the mouse too), so the page returns focus to
 * its list and the next shortcut acts on the queue, not on the control.
 */
export function QueueToolbar({
  view,
  sort,
  onChange,
  onPicked,
}: {
  view: QueueView;
  sort: HashSort<QueueSort>;
  onChange: (changes: Partial<QueueView>) => void;
  onPicked: () => void;
}) {
  const pick = (changes: Partial<QueueView>) => {
    onChange(changes);
    onPicked();
  };
  const options = useTaxonomyOptions();
  const [q, setQ] = useState(view.q);
  // The search box follows the URL when it changes elsewhere (back, a shared link).
  const [urlQ, setUrlQ] = useState(view.q);
  if (view.q !== urlQ) {
    setUrlQ(view.q);
    setQ(view.q);
  }
  useEffect(() => {
    const t = setTimeout(() => {
      if (q !== view.q) onChange({ q });
    }, 350);
    return () => clearTimeout(t);
  }, [q]); // eslint-disable-line react-hooks/exhaustive-deps -- debounce the search box only
  return (
    <div className="toolbar row" role="search" aria-label="Queue filters">
      <label className="inline">
        Sort
        <select
          value={sort.value}
          onChange={(e) => {
            sort.set(e.target.value as QueueSort);
            onPicked();
          }}
        >
          {sort.options.map((o) => (
            <option key={o.value} value={o.value}>
              {SORT_LABEL[o.value]}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        Category
        <select value={view.category ?? ''} onChange={(e) => pick({ category: e.target.value ? Number(e.target.value) : null })}>
          <option value="">All</option>
          {(options.data?.categories ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.parent_id ? `— ${c.name}` : c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        Platform
        <select value={view.platform ?? ''} onChange={(e) => pick({ platform: (e.target.value || null) as QueueView['platform'] })}>
          <option value="">All</option>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {PLATFORM_LABEL[p]}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        Age
        <select value={view.age ?? ''} onChange={(e) => pick({ age: (e.target.value || null) as QueueView['age'] })}>
          <option value="">Any</option>
          {AGES.map((a) => (
            <option key={a} value={a}>
              {AGE_LABEL[a]}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={view.dup} onChange={(e) => pick({ dup: e.target.checked })} /> Possible duplicates
      </label>
      <label className="inline grow">
        <span className="visually-hidden">Search titles and descriptions</span>
        <input type="search" placeholder="Search title and description…" value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      {view.submitter ? (
        <button type="button" className="btn small" onClick={() => pick({ submitter: null })} title="Show every submitter's videos again">
          One submitter only ✕
        </button>
      ) : null}
      <label className="inline" title="Claim the item you open so other moderators skip it (claims expire after 5 minutes)">
        <input type="checkbox" checked={view.claim} onChange={(e) => pick({ claim: e.target.checked })} /> Claim items
      </label>
    </div>
  );
}
