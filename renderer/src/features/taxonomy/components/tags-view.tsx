// Tags: a searchable, sortable table (keyset pages, virtualized rows) with usage counts;
// create, rename, delete, merge many into one, clean up unused, and duplicate suggestions.
import { useEffect, useMemo, useState } from 'react';
import type { Input } from '@contract/contract';
import type { Tag } from '@contract/taxonomy';
import { keysetRows } from '@/api/keyset';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Dialog } from '@/components/dialog';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/error-alert';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormField } from '@/components/form-field';
import { selectColumn, selectedIds, ServerTable, useServerTable, type ServerColumn } from '@/components/server-table';
import { useToasts } from '@/components/toasts';
import { useHashSort } from '@/hooks/use-hash-sort';
import { formatDate, formatNumber } from '@/lib/format';
import { useHashParams } from '@/lib/use-hash-route';
import type { SortOption } from '@/lib/table-sort';
import { useDeleteTag, useDeleteUnusedTags, useMergeTags } from '../api/taxonomy-mutations';
import { useTags } from '../api/taxonomy-queries';
import { HistoryDialog } from './history-dialog';
import { TagForm } from './tag-form';
import { TagSuggestions, type SuggestedTag } from './tag-suggestions';

type TagSort = 'name' | 'usage' | 'newest';
const TAG_SORTS = [
  { value: 'name', column: 'name', desc: false },
  { value: 'usage', column: 'usage', desc: true },
  { value: 'newest', column: 'newest', desc: true },
] as const satisfies readonly [SortOption<TagSort>, ...SortOption<TagSort>[]];

/** `seen` with every tag of `rows` added (the latest version of each). */
const remember = (seen: ReadonlyMap<string, Tag>, rows: Tag[]) => new Map([...seen, ...rows.map((t) => [String(t.id), t] as const)]);

export function TagsView({ production, profileName }: { production: boolean; profileName: string }) {
  const [params, setParams] = useHashParams();
  const sort = useHashSort(TAG_SORTS);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced, setDebounced] = useState(search);
  useEffect(() => {
    const t = setTimeout(() => {
      setDebounced(search);
      setParams({ q: search || null });
    }, 300);
    return () => clearTimeout(t);
  }, [search]); // eslint-disable-line react-hooks/exhaustive-deps -- debounce the search box only
  const tags = useTags({ search: debounced, sort: sort.value });
  const rows = useMemo(() => keysetRows(tags.data), [tags.data]);
  const total = tags.data?.pages[0]?.total ?? 0;
  // Large tables give an estimate (nothing searched) or stop counting at 1,000 matches.
  const exact = tags.data?.pages[0]?.total_exact ?? true;
  const [editing, setEditing] = useState<Tag | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const [merging, setMerging] = useState<{ sources: SuggestedTag[]; targetId: number | null } | null>(null);
  const [cleaning, setCleaning] = useState(false);
  const [history, setHistory] = useState<Tag | null>(null);
  const [showSuggestions, setShowSuggestions] = useState(false);
  const del = useDeleteTag();
  const merge = useMergeTags();
  const clean = useDeleteUnusedTags();
  const toasts = useToasts();
  const react = useErrorReaction();

  // A selection survives a new search: remember every tag seen, to name the selected ones
  // (state adjusted while rendering each new page of results).
  const [seen, setSeen] = useState(() => remember(new Map(), rows));
  const [seenData, setSeenData] = useState(tags.data);
  if (tags.data !== seenData) {
    setSeenData(tags.data);
    setSeen((s) => remember(s, rows));
  }

  const columns = useMemo<ServerColumn<Tag>[]>(
    () => [
      selectColumn<Tag>({ label: (t) => t.name }),
      { id: 'name', header: 'Name', accessorFn: (t) => t.name, meta: { className: 'ellipsis' }, cell: ({ row }) => row.original.name },
      { id: 'slug', header: 'Slug', enableSorting: false, meta: { className: 'ellipsis mono', width: '22%' }, cell: ({ row }) => row.original.slug },
      {
        id: 'usage',
        header: 'Videos',
        accessorFn: (t) => t.video_count,
        sortDescFirst: true,
        meta: { className: 'num', width: '9%' },
        cell: ({ row }) => formatNumber(row.original.video_count),
      },
      {
        id: 'newest',
        header: 'Created',
        accessorFn: (t) => t.created_at,
        sortDescFirst: true,
        meta: { width: '12%' },
        cell: ({ row }) => formatDate(row.original.created_at),
      },
      {
        id: 'actions',
        header: 'Actions',
        enableSorting: false,
        meta: { className: 'row-actions', width: 230 },
        cell: ({ row: { original: t } }) => (
          <>
            <button type="button" className="btn small" onClick={() => setEditing(t)} aria-label={`Rename ${t.name}`}>
              Rename
            </button>
            <button type="button" className="btn small" onClick={() => setHistory(t)} aria-label={`History of ${t.name}`}>
              History
            </button>
            <button type="button" className="btn small danger" onClick={() => setDeleting(t)} aria-label={`Delete ${t.name}`}>
              Delete
            </button>
          </>
        ),
      },
    ],
    [],
  );
  const table = useServerTable({ columns, rows, getRowId: (t) => String(t.id), sort, selectable: true });
  const selected = selectedIds(table).flatMap((id) => seen.get(id) ?? []);

  const runMerge = (input: Input<'taxonomy:merge-tags'>) =>
    merge.mutate(input, {
      onSuccess: (r) => {
        toasts.push({
          kind: 'success',
          message: `Merged ${formatNumber(r.merged)} tag(s); the target now tags ${formatNumber(r.video_count)} video(s).`,
        });
        table.resetRowSelection(true);
      },
      onError: (e) => react(e, { retry: (confirm) => runMerge({ ...input, confirm }) }),
    });
  const runDelete = (t: Tag, input: Input<'taxonomy:delete-tag'>) =>
    del.mutate(input, {
      onSuccess: (r) => toasts.push({ kind: 'success', message: `Deleted "${t.name}" from ${formatNumber(r.videos)} video(s).` }),
      onError: (e) => react(e, { retry: (confirm) => runDelete(t, { ...input, confirm }) }),
    });
  const runClean = (input: Input<'taxonomy:delete-unused'>) =>
    clean.mutate(input, {
      onSuccess: (r) =>
        toasts.push({
          kind: 'success',
          message: r.deleted.length
            ? `Deleted ${formatNumber(r.deleted.length)} unused tag(s): ${r.deleted
                .slice(0, 5)
                .map((d) => d.name)
                .join(', ')}${r.deleted.length > 5 ? '…' : ''}`
            : 'No unused tags.',
        }),
      onError: (e) => react(e, { retry: (confirm) => runClean({ ...input, confirm }) }),
    });

  return (
    <section aria-label="Tags">
      <div className="toolbar row">
        <label className="inline grow">
          <span className="visually-hidden">Search tags</span>
          <input type="search" placeholder="Search tags by name or slug…" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <span className="muted small">
          {exact ? '' : debounced.trim() ? 'more than ' : 'about '}
          {formatNumber(total)} tag{total === 1 && exact ? '' : 's'}
        </span>
        <button type="button" className="btn" onClick={() => setEditing('new')}>
          New tag
        </button>
        <button type="button" className="btn" disabled={selected.length < 2} onClick={() => setMerging({ sources: selected, targetId: null })}>
          Merge selected…
        </button>
        <button type="button" className="btn" onClick={() => setCleaning(true)}>
          Clean up unused…
        </button>
        <button type="button" className="btn" aria-expanded={showSuggestions} onClick={() => setShowSuggestions((s) => !s)}>
          Suggestions
        </button>
      </div>
      {showSuggestions ? (
        <TagSuggestions
          busy={merge.isPending}
          onMerge={(drop, keep) =>
            production ? setMerging({ sources: [drop], targetId: keep.id }) : runMerge({ sourceIds: [drop.id], targetId: keep.id })
          }
        />
      ) : null}
      {tags.error ? <ErrorAlert error={tags.error} title="Could not load the tags" /> : null}
      {!tags.isPending && rows.length === 0 ? (
        <EmptyState title={debounced ? 'No tag matches' : 'No tags yet'}>
          <p>{debounced ? 'Try another search.' : 'Create one with “New tag”.'}</p>
        </EmptyState>
      ) : (
        <ServerTable
          table={table}
          label="Tags table"
          className="tags"
          scrollerClassName="tags-scroller"
          rowHeight={38}
          hasMore={tags.hasNextPage}
          loadingMore={tags.isFetchingNextPage}
          onLoadMore={() => void tags.fetchNextPage()}
        />
      )}
      <Dialog open={editing !== null} title={editing === 'new' ? 'New tag' : `Rename "${editing?.name ?? ''}"`} onClose={() => setEditing(null)}>
        {editing ? (
          <TagForm key={editing === 'new' ? 'new' : editing.id} tag={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete the tag "${deleting?.name ?? ''}"?`}
        confirmLabel="Delete tag"
        danger
        typeToConfirm={production ? profileName : null}
        onClose={() => setDeleting(null)}
        onConfirm={(typed) => {
          const t = deleting!;
          setDeleting(null);
          runDelete(t, { id: t.id, expectedUpdatedAt: t.updated_at, confirm: typed || undefined });
        }}
      >
        <p>It is removed from the {formatNumber(deleting?.video_count ?? 0)} video(s) that carry it; their other tags stay.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={merging !== null}
        title={`Merge ${merging?.sources.length ?? 0} tag(s)`}
        confirmLabel="Merge"
        typeToConfirm={production ? profileName : null}
        onClose={() => setMerging(null)}
        onConfirm={(typed) => {
          const m = merging!;
          setMerging(null);
          const target = m.targetId ?? m.sources[0]!.id;
          runMerge({ sourceIds: m.sources.filter((s) => s.id !== target).map((s) => s.id), targetId: target, confirm: typed || undefined });
        }}
      >
        <p>Every video of the merged tags gets the target tag (no duplicates); the merged tags are removed.</p>
        {merging && merging.sources.length > 1 ? (
          <FormField id="merge-target" label="Merge into">
            {(c) => (
              <select
                {...c}
                value={merging.targetId ?? merging.sources[0]!.id}
                onChange={(e) => setMerging({ ...merging, targetId: Number(e.target.value) })}
              >
                {merging.sources.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({formatNumber(s.video_count)})
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={cleaning}
        title="Delete every unused tag?"
        confirmLabel="Delete unused tags"
        danger
        typeToConfirm={production ? profileName : null}
        onClose={() => setCleaning(false)}
        onConfirm={(typed) => {
          setCleaning(false);
          runClean({ confirm: typed || undefined });
        }}
      >
        <p>Tags no video carries are deleted. Each deletion is recorded in the audit log.</p>
      </ConfirmDialog>
      <HistoryDialog target={history ? { type: 'tag', id: history.id } : null} title={history?.name ?? ''} onClose={() => setHistory(null)} />
    </section>
  );
}
