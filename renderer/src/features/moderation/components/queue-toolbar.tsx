// Filters and sort of a queue, kept in the URL so a view can be reloaded and shared.
import { useEffect, useState } from 'react';
import { useTaxonomyOptions } from '../api/get-options';

export type ToolbarValues = { sort: string; platform: string; category: string; age: string; dup: boolean; q: string; claim: boolean };

export function QueueToolbar({ values, onChange }: { values: ToolbarValues; onChange: (changes: Partial<ToolbarValues>) => void }) {
  const options = useTaxonomyOptions();
  const [q, setQ] = useState(values.q);
  useEffect(() => setQ(values.q), [values.q]);
  useEffect(() => {
    const t = setTimeout(() => { if (q !== values.q) onChange({ q }); }, 350);
    return () => clearTimeout(t);
  }, [q]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="toolbar row" role="search" aria-label="Queue filters">
      <label className="inline">Sort
        <select value={values.sort} onChange={(e) => onChange({ sort: e.target.value })}>
          <option value="oldest">Oldest first</option><option value="newest">Newest first</option><option value="most_reported">Most reported</option>
        </select>
      </label>
      <label className="inline">Category
        <select value={values.category} onChange={(e) => onChange({ category: e.target.value })}>
          <option value="">All</option>
          {(options.data?.categories ?? []).map((c) => <option key={c.id} value={c.id}>{c.parent_id ? `— ${c.name}` : c.name}</option>)}
        </select>
      </label>
      <label className="inline">Platform
        <select value={values.platform} onChange={(e) => onChange({ platform: e.target.value })}>
          <option value="">All</option><option value="youtube">YouTube</option><option value="vimeo">Vimeo</option><option value="dailymotion">Dailymotion</option><option value="other">Other</option>
        </select>
      </label>
      <label className="inline">Age
        <select value={values.age} onChange={(e) => onChange({ age: e.target.value })}>
          <option value="">Any</option><option value="lt1">Under a day</option><option value="lt7">Under a week</option><option value="gt7">Over a week</option><option value="gt30">Over a month</option>
        </select>
      </label>
      <label className="inline"><input type="checkbox" checked={values.dup} onChange={(e) => onChange({ dup: e.target.checked })} /> Possible duplicates</label>
      <label className="inline grow">
        <span className="visually-hidden">Search titles and descriptions</span>
        <input type="search" placeholder="Search title and description…" value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      <label className="inline" title="Claim the item you open so other moderators skip it (claims expire after 5 minutes)">
        <input type="checkbox" checked={values.claim} onChange={(e) => onChange({ claim: e.target.checked })} /> Claim items
      </label>
    </div>
  );
}
