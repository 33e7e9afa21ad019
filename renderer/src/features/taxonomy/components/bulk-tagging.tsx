// Bulk tagging: filter videos, select many, add or remove tags and set the category at once,
// with an outcome per video.
import { useMemo, useState } from 'react';
import type { PickerRow } from '@contract/taxonomy';
import { keysetRows } from '@/api/keyset';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/error-alert';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormField } from '@/components/form-field';
import { selectColumn, selectedIds, ServerTable, useServerTable, type ServerColumn } from '@/components/server-table';
import { formatNumber } from '@/lib/format';
import { useBulkTag } from '../api/taxonomy-mutations';
import { useCategoryTree, useTags, useVideoPicker } from '../api/taxonomy-queries';
import { compareNames } from '../lib/natural-order';
import { isBuiltIn } from '../lib/tree-rows';

type Status = 'pending' | 'approved' | 'rejected' | 'flagged';

const COLUMNS: ServerColumn<PickerRow>[] = [
  selectColumn<PickerRow>({ label: (r) => r.title, allLabel: 'Select all loaded videos' }),
  {
    id: 'video',
    header: 'Video',
    enableSorting: false,
    meta: { className: 'ellipsis' },
    cell: ({ row: { original: r } }) => (
      <>
        <span title={r.title}>{r.title}</span> <span className={`badge status-${r.moderation_status}`}>{r.moderation_status}</span>
      </>
    ),
  },
  {
    id: 'category',
    header: 'Category',
    enableSorting: false,
    meta: { className: 'ellipsis', width: '18%' },
    cell: ({ row }) => row.original.category_name ?? '—',
  },
  {
    id: 'tags',
    header: 'Tags',
    enableSorting: false,
    meta: { className: 'ellipsis small', width: '30%' },
    cell: ({ row }) => row.original.tags.map((t) => t.name).join(', ') || '—',
  },
];

export function BulkTagging() {
  const [search, setSearch] = useState('');
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [tagId, setTagId] = useState<number | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const videos = useVideoPicker({ search, categoryId, tagId, status });
  const tree = useCategoryTree();
  // The built-in "All" is the filter's "no filter" choice and no video's category: listed once, as that.
  const categoryOptions = useMemo(() => (tree.data ?? []).filter((c) => !isBuiltIn(c)).sort((a, b) => compareNames(a.name, b.name)), [tree.data]);
  const [tagSearch, setTagSearch] = useState('');
  const tagList = useTags({ search: tagSearch, sort: 'usage' });
  const tagOptions = useMemo(() => keysetRows(tagList.data).slice(0, 40), [tagList.data]);
  const [add, setAdd] = useState<Map<number, string>>(new Map());
  const [remove, setRemove] = useState<Map<number, string>>(new Map());
  const [setCat, setSetCat] = useState<{ on: boolean; id: number | null }>({ on: false, id: null });
  const [result, setResult] = useState<{ done: number; invalid: number; added: number; removed: number; recategorised: number } | null>(null);
  const bulk = useBulkTag();
  const react = useErrorReaction();
  const rows = useMemo(() => keysetRows(videos.data), [videos.data]);
  const table = useServerTable({ columns: COLUMNS, rows, getRowId: (r) => r.id, selectable: true });
  const selected = selectedIds(table);
  const toggleIn = (m: Map<number, string>, set: (m: Map<number, string>) => void, id: number, name: string) => {
    const n = new Map(m);
    if (n.has(id)) n.delete(id);
    else n.set(id, name);
    set(n);
  };
  const videoCount = (n: number) => `${formatNumber(n)} video${n === 1 ? '' : 's'}`;

  const apply = () =>
    bulk.mutate(
      { videoIds: selected, addTagIds: [...add.keys()], removeTagIds: [...remove.keys()], setCategory: setCat.on, categoryId: setCat.id },
      {
        onSuccess: (r) => {
          setResult({
            done: r.results.filter((x) => x.outcome === 'done').length,
            invalid: r.results.filter((x) => x.outcome === 'invalid').length,
            added: r.tags_added,
            removed: r.tags_removed,
            recategorised: r.recategorised,
          });
          table.resetRowSelection(true);
        },
        onError: (e) => react(e),
      },
    );

  return (
    <section aria-label="Bulk tagging" className="bulk-tagging">
      <div className="toolbar row">
        <label className="inline grow">
          <span className="visually-hidden">Search videos</span>
          <input type="search" placeholder="Search videos…" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label className="inline">
          Category
          <select value={categoryId ?? ''} onChange={(e) => setCategoryId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">All</option>
            {categoryOptions.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          Status
          <select value={status ?? ''} onChange={(e) => setStatus((e.target.value || null) as Status | null)}>
            <option value="">Any</option>
            <option value="pending">Pending</option>
            <option value="approved">Approved</option>
            <option value="flagged">Flagged</option>
            <option value="rejected">Rejected</option>
          </select>
        </label>
        <label className="inline">
          Has tag
          <select value={tagId ?? ''} onChange={(e) => setTagId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">Any</option>
            {tagOptions.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="queue-layout">
        <div className="queue-main">
          {videos.error ? <ErrorAlert error={videos.error} title="Could not load the videos" /> : null}
          {!videos.isPending && rows.length === 0 ? (
            <EmptyState title="No video matches">
              <p>Loosen the filters.</p>
            </EmptyState>
          ) : (
            <ServerTable
              table={table}
              label="Videos to tag"
              rowHeight={38}
              hasMore={videos.hasNextPage}
              loadingMore={videos.isFetchingNextPage}
              onLoadMore={() => void videos.fetchNextPage()}
            />
          )}
        </div>
        <aside className="pane" aria-label="Apply to selected videos">
          <h2 className="pane-title">{videoCount(selected.length)} selected</h2>
          <FormField id="bulk-tag-search" label="Tags">
            {(c) => <input {...c} type="search" placeholder="Find a tag…" value={tagSearch} onChange={(e) => setTagSearch(e.target.value)} />}
          </FormField>
          <table className="data" aria-label="Tags to add or remove">
            <thead>
              <tr>
                <th scope="col">Tag</th>
                <th scope="col">Add</th>
                <th scope="col">Remove</th>
              </tr>
            </thead>
            <tbody>
              {tagOptions.map((t) => (
                <tr key={t.id}>
                  <td>
                    {t.name} <span className="muted small">({formatNumber(t.video_count)})</span>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Add ${t.name}`}
                      checked={add.has(t.id)}
                      onChange={() => {
                        toggleIn(add, setAdd, t.id, t.name);
                        setRemove((m) => {
                          const n = new Map(m);
                          n.delete(t.id);
                          return n;
                        });
                      }}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Remove ${t.name}`}
                      checked={remove.has(t.id)}
                      onChange={() => {
                        toggleIn(remove, setRemove, t.id, t.name);
                        setAdd((m) => {
                          const n = new Map(m);
                          n.delete(t.id);
                          return n;
                        });
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <label className="checkbox" style={{ marginTop: 8 }}>
            <input type="checkbox" checked={setCat.on} onChange={(e) => setSetCat({ ...setCat, on: e.target.checked })} /> Set the category
          </label>
          {setCat.on ? (
            <select
              aria-label="Category to set"
              value={setCat.id ?? ''}
              onChange={(e) => setSetCat({ on: true, id: e.target.value ? Number(e.target.value) : null })}
            >
              <option value="">(no category)</option>
              {categoryOptions.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          ) : null}
          <p className="muted small">
            {add.size ? `Add: ${[...add.values()].join(', ')}. ` : ''}
            {remove.size ? `Remove: ${[...remove.values()].join(', ')}.` : ''}
          </p>
          <button
            type="button"
            className="btn primary"
            disabled={selected.length === 0 || (add.size + remove.size === 0 && !setCat.on) || bulk.isPending}
            onClick={apply}
          >
            Apply to {videoCount(selected.length)}
          </button>
          {result ? (
            <div className="alert info" role="status" style={{ marginTop: 10 }}>
              {formatNumber(result.done)} done{result.invalid ? `, ${formatNumber(result.invalid)} invalid (deleted meanwhile)` : ''}:{' '}
              {formatNumber(result.added)} tag(s) added, {formatNumber(result.removed)} removed, {formatNumber(result.recategorised)} recategorised.
            </div>
          ) : null}
        </aside>
      </div>
    </section>
  );
}
