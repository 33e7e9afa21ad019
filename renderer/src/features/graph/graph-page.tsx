// The reference graph around a video found by title: 1–3 hops, filters by type and direction,
// layered layout, editing by drag or "Add link", chains, learning paths, CSV, suggestions.
import { ReactFlowProvider } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { LINK_TYPES, type GraphEdge, type LinkType } from '@contract/graph';
import { CopyLinkButton } from '@/components/copy-link-button';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/error-alert';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { useToasts } from '@/components/toasts';
import { formatNumber } from '@/lib/format';
import { useHashParams } from '@/lib/use-hash-route';
import { useDeleteLink, useSaveLink } from './api/graph-mutations';
import { useFindVideos, useNeighbourhood } from './api/graph-queries';
import { GraphCanvas } from './components/graph-canvas';
import { LinkDialog, type LinkDraft } from './components/link-dialog';
import { SidePanel } from './components/side-panel';
import { LINK_STYLE } from './lib/link-types';

export function GraphPage() {
  const [params, setParams] = useHashParams();
  const focus = params.get('video');
  const hops = Math.min(3, Math.max(1, Number(params.get('hops') ?? 2)));
  const direction = (['out', 'in', 'both'].includes(params.get('dir') ?? '') ? params.get('dir') : 'both') as 'out' | 'in' | 'both';
  const types =
    params
      .get('types')
      ?.split(',')
      .filter((t): t is LinkType => (LINK_TYPES as readonly string[]).includes(t)) ?? null;
  const [limit, setLimit] = useState(150);
  const [search, setSearch] = useState('');
  const found = useFindVideos(search);
  const hood = useNeighbourhood(focus ? { videoId: focus, hops, types: types?.length ? types : null, direction, limit } : null);
  const [layoutVersion, setLayoutVersion] = useState(0);
  const [draft, setDraft] = useState<LinkDraft | null>(null);
  const [edgeId, setEdgeId] = useState<string | null>(null);
  const del = useDeleteLink();
  const restore = useSaveLink();
  const toasts = useToasts();
  const react = useErrorReaction();
  const titles = useMemo(() => new Map((hood.data?.nodes ?? []).map((n) => [n.id, n.title])), [hood.data]);
  const focusTitle = focus ? (titles.get(focus) ?? '') : '';
  const edge = hood.data?.edges.find((e) => e.id === edgeId) ?? null;

  const open = (id: string) => {
    setParams({ video: id });
    setEdgeId(null);
    setLimit(150);
  };
  const remove = (e: GraphEdge) =>
    del.mutate(
      { id: e.id },
      {
        onSuccess: (row) => {
          setEdgeId(null);
          toasts.push({
            kind: 'success',
            message: 'Link deleted.',
            action: {
              label: 'Undo',
              run: () =>
                restore.mutate(
                  {
                    source: row.source_video_id,
                    target: row.target_video_id,
                    type: row.reference_type as LinkType,
                    note: row.note ?? '',
                    timestamp: row.timestamp_seconds === null ? '' : String(row.timestamp_seconds),
                  },
                  {
                    onSuccess: () => toasts.push({ kind: 'success', message: 'Link restored.' }),
                    onError: (err) => react(err),
                  },
                ),
            },
          });
        },
        onError: (err) => react(err),
      },
    );

  return (
    <section aria-labelledby="page-title" className="graph-page">
      <div className="row page-head">
        <h1 id="page-title">Reference graph</h1>
        <div className="graph-search">
          <label className="visually-hidden" htmlFor="graph-search">
            Find a video by title
          </label>
          <input
            id="graph-search"
            type="search"
            placeholder="Find a video by title…"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            autoComplete="off"
          />
          {search.trim().length >= 2 && found.data ? (
            <ul className="picker floating" aria-label="Videos found">
              {found.data.length === 0 ? <li className="muted">No video matches.</li> : null}
              {found.data.map((v) => (
                <li key={v.id}>
                  <button
                    type="button"
                    className="link-like"
                    onClick={() => {
                      open(v.id);
                      setSearch('');
                    }}
                  >
                    {v.title}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      {focus ? (
        <div className="toolbar row" aria-label="Graph options">
          <label className="inline">
            Hops
            <select value={hops} onChange={(e) => setParams({ hops: e.target.value })}>
              {[1, 2, 3].map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            Direction
            <select value={direction} onChange={(e) => setParams({ dir: e.target.value === 'both' ? null : e.target.value })}>
              <option value="both">Both</option>
              <option value="out">Outgoing</option>
              <option value="in">Incoming</option>
            </select>
          </label>
          <fieldset className="type-filter">
            <legend className="visually-hidden">Link types</legend>
            {LINK_TYPES.map((t) => {
              const on = !types?.length || types.includes(t);
              return (
                <label key={t} className="inline type-chip" style={{ borderColor: LINK_STYLE[t].color }}>
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={() => {
                      const current = types?.length ? types : [...LINK_TYPES];
                      const next = on ? current.filter((x) => x !== t) : [...current, t];
                      setParams({ types: next.length === LINK_TYPES.length || next.length === 0 ? null : next.join(',') });
                    }}
                  />
                  <span style={{ color: LINK_STYLE[t].color }}>■</span> {t}
                </label>
              );
            })}
          </fieldset>
          <button type="button" className="btn small" onClick={() => setLayoutVersion((v) => v + 1)}>
            Re-layout
          </button>
          <button type="button" className="btn small primary" onClick={() => setDraft({ source: null, target: null, focus, focusTitle })}>
            Add link
          </button>
          <CopyLinkButton kind="graph" id={focus} label="Copy link to this graph" />
        </div>
      ) : null}
      {!focus ? (
        <EmptyState title="Pick a video to see its links">
          <p>Search for a video by title above; its prerequisites, sequels and other links appear as a graph you can edit.</p>
        </EmptyState>
      ) : hood.error ? (
        <ErrorAlert error={hood.error} title="Could not load the links" />
      ) : !hood.data ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className="graph-layout">
          <div>
            {hood.data.truncated ? (
              <div className="alert info row" role="note">
                Showing the {formatNumber(hood.data.nodes.length)} nearest of {formatNumber(hood.data.total)} videos.
                <button type="button" className="btn small" onClick={() => setLimit((l) => Math.min(1000, l + 150))}>
                  Show more
                </button>
              </div>
            ) : null}
            <ReactFlowProvider>
              <GraphCanvas
                data={hood.data}
                focus={focus}
                layoutVersion={layoutVersion}
                onConnect={(source, target) => setDraft({ source, target, focus, focusTitle, type: 'prerequisite' })}
                onEdgeSelect={setEdgeId}
                onNodeOpen={open}
              />
            </ReactFlowProvider>
            <p className="muted small">
              Drag from a card's right edge to another card to link them · click a link to edit it · double-click a card to centre on it. Legend:{' '}
              {LINK_TYPES.map((t) => `${t} ${LINK_STYLE[t].label === t ? '' : `(“${LINK_STYLE[t].label}”)`}`).join(' · ')}
            </p>
          </div>
          <SidePanel
            focus={focus}
            focusTitle={focusTitle}
            edge={edge}
            titles={titles}
            onOpen={open}
            onEdit={(e) =>
              setDraft({
                id: e.id,
                source: e.source,
                target: e.target,
                type: e.type,
                note: e.note,
                timestamp_seconds: e.timestamp_seconds,
                focus,
                focusTitle,
              })
            }
            onDelete={remove}
          />
        </div>
      )}
      <LinkDialog draft={draft} titles={titles} onClose={() => setDraft(null)} />
    </section>
  );
}
