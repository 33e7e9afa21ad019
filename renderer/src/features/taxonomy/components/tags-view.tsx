// Tags: a searchable, sortable table (keyset pages, virtualized rows) with usage counts;
// create, rename, delete, merge many into one, clean up unused, and duplicate suggestions.
import { rowSortingFeature, tableFeatures, useTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Tag, TagSuggestion } from '@contract/taxonomy';
import { errorText } from '@/api/client';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Dialog } from '@/components/dialog';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/error-alert';
import { SortableHeader } from '@/components/sortable-header';
import { useToasts } from '@/components/toasts';
import { useHashParams } from '@/lib/use-hash-route';
import { useDeleteTag, useDeleteUnusedTags, useMergeTags } from '../api/taxonomy-mutations';
import { useSuggestions, useTags } from '../api/taxonomy-queries';
import { HistoryDialog } from './history-dialog';
import { TagForm } from './tag-form';

const features = tableFeatures({ rowSortingFeature });
type Sort = 'name' | 'usage' | 'newest';
const ROW = 38;

export function TagsView({ production, profileName }: { production: boolean; profileName: string }) {
  const [params, setParams] = useHashParams();
  const sort = (['name', 'usage', 'newest'].includes(params.get('sort') ?? '') ? params.get('sort') : 'name') as Sort;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced, setDebounced] = useState(search);
  useEffect(() => {
    const t = setTimeout(() => { setDebounced(search); setParams({ q: search || null }); }, 300);
    return () => clearTimeout(t);
  }, [search]); // eslint-disable-line react-hooks/exhaustive-deps
  const tags = useTags({ search: debounced, sort });
  const rows = useMemo(() => (tags.data?.pages ?? []).flatMap((p) => p.rows), [tags.data]);
  const total = tags.data?.pages[0]?.total ?? 0;
  const [selected, setSelected] = useState<Map<number, Tag>>(new Map());
  const [editing, setEditing] = useState<Tag | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const [merging, setMerging] = useState<{ sources: Tag[]; targetId: number | null } | null>(null);
  const [cleaning, setCleaning] = useState(false);
  const [history, setHistory] = useState<Tag | null>(null);
  const [showSuggestions, setShowSuggestions] = useState(false);
  const suggestions = useSuggestions(showSuggestions);
  const del = useDeleteTag();
  const merge = useMergeTags();
  const clean = useDeleteUnusedTags();
  const toasts = useToasts();
  const onError = (e: unknown) => toasts.push({ kind: 'error', ...errorText(e) });

  const sorting: SortingState = [{ id: sort, desc: sort !== 'name' }];
  const columns = useMemo<ColumnDef<typeof features, Tag>[]>(() => [
    { id: 'select', header: 'Select', enableSorting: false },
    { id: 'name', header: 'Name', accessorFn: (t) => t.name },
    { id: 'slug', header: 'Slug', enableSorting: false, accessorFn: (t) => t.slug },
    { id: 'usage', header: 'Videos', accessorFn: (t) => t.video_count, sortDescFirst: true },
    { id: 'newest', header: 'Created', accessorFn: (t) => t.created_at, sortDescFirst: true },
    { id: 'actions', header: 'Actions', enableSorting: false },
  ], []);
  const table = useTable({
    features, columns, data: rows, getRowId: (t) => String(t.id), manualSorting: true, enableSortingRemoval: false, state: { sorting },
    onSortingChange: (u) => { const next = (typeof u === 'function' ? u(sorting) : u)[0]; if (next) setParams({ sort: next.id === 'name' ? null : next.id }); },
  });
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 15 });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    const last = items.at(-1);
    if (last && last.index >= rows.length - 30 && tags.hasNextPage && !tags.isFetchingNextPage) void tags.fetchNextPage();
  }, [items, rows.length, tags.hasNextPage, tags.isFetchingNextPage]); // eslint-disable-line react-hooks/exhaustive-deps
  const toggle = (t: Tag) => setSelected((s) => { const n = new Map(s); if (n.has(t.id)) n.delete(t.id); else n.set(t.id, t); return n; });
  const tableRows = table.getRowModel().rows;
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  const runMerge = (sources: Tag[], targetId: number, confirm?: string) => merge.mutate({ sourceIds: sources.map((s) => s.id), targetId, confirm }, {
    onSuccess: (r) => {
      toasts.push({ kind: 'success', message: `Merged ${r.merged} tag(s); the target now tags ${r.video_count} video(s).` });
      setSelected(new Map());
    },
    onError,
  });

  return (
    <section aria-label="Tags">
      <div className="toolbar row">
        <label className="inline grow"><span className="visually-hidden">Search tags</span>
          <input type="search" placeholder="Search tags by name or slug…" value={search} onChange={(e) => setSearch(e.target.value)} /></label>
        <span className="muted small">{total} tag{total === 1 ? '' : 's'}</span>
        <button type="button" className="btn" onClick={() => setEditing('new')}>New tag</button>
        <button type="button" className="btn" disabled={selected.size < 2} onClick={() => setMerging({ sources: [...selected.values()], targetId: null })}>Merge selected…</button>
        <button type="button" className="btn" onClick={() => setCleaning(true)}>Clean up unused…</button>
        <button type="button" className="btn" aria-expanded={showSuggestions} onClick={() => setShowSuggestions((s) => !s)}>Suggestions</button>
      </div>
      {showSuggestions ? (
        <div className="card suggestions" aria-label="Possible duplicate tags">
          {suggestions.isPending ? <p className="muted">Looking for duplicates…</p> : suggestions.data?.length === 0 ? <p className="muted">No likely duplicates.</p> : null}
          <ul className="plain">
            {(suggestions.data ?? []).map((s: TagSuggestion) => {
              const [keep, drop] = s.a.video_count >= s.b.video_count ? [s.a, s.b] : [s.b, s.a];
              return (
                <li key={`${s.a.id}-${s.b.id}`} className="row">
                  <span><strong>{drop.name}</strong> ({drop.video_count}) ~ <strong>{keep.name}</strong> ({keep.video_count}) <span className="muted">{s.reason}{s.reason === 'similar name' ? ` ${Math.round(s.score * 100)}%` : ''}</span></span>
                  <button type="button" className="btn small" disabled={merge.isPending}
                    onClick={() => (production ? setMerging({ sources: [{ ...drop } as Tag], targetId: keep.id }) : runMerge([{ id: drop.id } as Tag], keep.id))}>
                    Merge “{drop.name}” into “{keep.name}”
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {tags.error ? <ErrorAlert error={tags.error} title="Could not load the tags" /> : null}
      {!tags.isPending && rows.length === 0 ? <EmptyState title={debounced ? 'No tag matches' : 'No tags yet'}><p>{debounced ? 'Try another search.' : 'Create one with “New tag”.'}</p></EmptyState> : (
        <div className="queue-scroller tags-scroller" ref={scroller}>
          <table className="data queue tags" aria-label="Tags table" aria-rowcount={rows.length}>
            <thead>
              {table.getHeaderGroups().map((g) => (
                <tr key={g.id}>
                  {g.headers.map((h) => {
                    if (h.column.id === 'select') return <th key={h.id} scope="col" className="select-col"><span className="visually-hidden">Select</span></th>;
                    return (
                      <SortableHeader key={h.id} sorted={h.column.getIsSorted()} canSort={h.column.getCanSort()} onToggle={h.column.getToggleSortingHandler()}>
                        <table.FlexRender header={h} />
                      </SortableHeader>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {padTop > 0 ? <tr aria-hidden="true"><td colSpan={6} style={{ height: padTop, padding: 0, border: 0 }} /></tr> : null}
              {items.map((vi) => {
                const t = tableRows[vi.index]?.original;
                if (!t) return null;
                return (
                  <tr key={t.id} style={{ height: ROW }} className={selected.has(t.id) ? 'selected' : undefined}>
                    <td className="select-col"><input type="checkbox" aria-label={`Select ${t.name}`} checked={selected.has(t.id)} onChange={() => toggle(t)} /></td>
                    <td className="ellipsis">{t.name}</td>
                    <td className="ellipsis mono">{t.slug}</td>
                    <td className="num">{t.video_count}</td>
                    <td>{new Date(t.created_at).toLocaleDateString()}</td>
                    <td className="row-actions">
                      <button type="button" className="btn small" onClick={() => setEditing(t)} aria-label={`Rename ${t.name}`}>Rename</button>
                      <button type="button" className="btn small" onClick={() => setHistory(t)} aria-label={`History of ${t.name}`}>History</button>
                      <button type="button" className="btn small danger" onClick={() => setDeleting(t)} aria-label={`Delete ${t.name}`}>Delete</button>
                    </td>
                  </tr>
                );
              })}
              {padBottom > 0 ? <tr aria-hidden="true"><td colSpan={6} style={{ height: padBottom, padding: 0, border: 0 }} /></tr> : null}
            </tbody>
          </table>
        </div>
      )}
      <Dialog open={editing !== null} title={editing === 'new' ? 'New tag' : `Rename "${editing?.name ?? ''}"`} onClose={() => setEditing(null)}>
        {editing ? <TagForm key={editing === 'new' ? 'new' : editing.id} tag={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      </Dialog>
      <ConfirmDialog open={deleting !== null} title={`Delete the tag "${deleting?.name ?? ''}"?`} confirmLabel="Delete tag" danger typeToConfirm={production ? profileName : null}
        onClose={() => setDeleting(null)} onConfirm={(typed) => {
          const t = deleting!;
          setDeleting(null);
          del.mutate({ id: t.id, expectedUpdatedAt: t.updated_at, confirm: typed || undefined }, { onSuccess: (r) => toasts.push({ kind: 'success', message: `Deleted "${t.name}" from ${r.videos} video(s).` }), onError });
        }}>
        <p>It is removed from the {deleting?.video_count ?? 0} video(s) that carry it; their other tags stay.</p>
      </ConfirmDialog>
      <ConfirmDialog open={merging !== null} title={`Merge ${merging?.sources.length ?? 0} tag(s)`} confirmLabel="Merge" typeToConfirm={production ? profileName : null}
        onClose={() => setMerging(null)} onConfirm={(typed) => {
          const m = merging!;
          setMerging(null);
          const target = m.targetId ?? m.sources[0]!.id;
          runMerge(m.sources.filter((s) => s.id !== target), target, typed || undefined);
        }}>
        <p>Every video of the merged tags gets the target tag (no duplicates); the merged tags are removed.</p>
        {merging && merging.sources.length > 1 ? (
          <div className="field">
            <label htmlFor="merge-target">Merge into</label>
            <select id="merge-target" value={merging.targetId ?? merging.sources[0]!.id} onChange={(e) => setMerging({ ...merging, targetId: Number(e.target.value) })}>
              {merging.sources.map((s) => <option key={s.id} value={s.id}>{s.name} ({s.video_count})</option>)}
            </select>
          </div>
        ) : null}
      </ConfirmDialog>
      <ConfirmDialog open={cleaning} title="Delete every unused tag?" confirmLabel="Delete unused tags" danger typeToConfirm={production ? profileName : null}
        onClose={() => setCleaning(false)} onConfirm={(typed) => {
          setCleaning(false);
          clean.mutate({ confirm: typed || undefined }, { onSuccess: (r) => toasts.push({ kind: 'success', message: r.deleted.length ? `Deleted ${r.deleted.length} unused tag(s): ${r.deleted.slice(0, 5).map((d) => d.name).join(', ')}${r.deleted.length > 5 ? '…' : ''}` : 'No unused tags.' }), onError });
        }}>
        <p>Tags no video carries are deleted. Each deletion is recorded in the audit log.</p>
      </ConfirmDialog>
      <HistoryDialog target={history ? { type: 'tag', id: history.id } : null} title={history?.name ?? ''} onClose={() => setHistory(null)} />
    </section>
  );
}
