// Beside the graph: the selected link, the prerequisite chain, dependents, the learning path,
// suggestions, CSV import/export and the history of link changes.
import { useState } from 'react';
import { formatTimestamp, type GraphEdge, type ImportResult } from '@contract/graph';
import { ErrorAlert } from '@/components/error-alert';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormField } from '@/components/form-field';
import { useToasts } from '@/components/toasts';
import { formatDateTime, formatDecimal, formatNumber } from '@/lib/format';
import { useExportLinks, useImportLinks, useSaveLearningPath, useSaveLink } from '../api/graph-mutations';
import { useChain, useLearningPath, useLinkHistory, useLinkSuggestions } from '../api/graph-queries';
import { LINK_STYLE } from '../lib/link-types';

const TABS = ['link', 'chain', 'dependents', 'path', 'suggestions', 'csv', 'history'] as const;
type Tab = (typeof TABS)[number];
const LABEL: Record<Tab, string> = {
  link: 'Link',
  chain: 'Requires',
  dependents: 'Required by',
  path: 'Learning path',
  suggestions: 'Suggestions',
  csv: 'CSV',
  history: 'History',
};

export function SidePanel(props: {
  focus: string;
  focusTitle: string;
  edge: GraphEdge | null;
  titles: Map<string, string>;
  onEdit: (e: GraphEdge) => void;
  onDelete: (e: GraphEdge) => void;
  onOpen: (id: string) => void;
}) {
  const [tab, setTab] = useState<Tab>('chain');
  const shown: Tab = props.edge && tab === 'link' ? 'link' : tab === 'link' ? 'chain' : tab;
  return (
    <aside className="pane graph-side" aria-label="Graph details">
      <div role="tablist" aria-label="Details" className="tabs wrap">
        {TABS.filter((t) => t !== 'link' || props.edge).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={shown === t}
            className={shown === t ? 'tab active' : 'tab'}
            onClick={() => setTab(t)}
          >
            {LABEL[t]}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={LABEL[shown]}>
        {shown === 'link' && props.edge ? (
          <LinkDetails edge={props.edge} titles={props.titles} onEdit={props.onEdit} onDelete={props.onDelete} />
        ) : null}
        {shown === 'chain' ? <ChainList videoId={props.focus} direction="requires" onOpen={props.onOpen} /> : null}
        {shown === 'dependents' ? <ChainList videoId={props.focus} direction="required_by" onOpen={props.onOpen} /> : null}
        {shown === 'path' ? <LearningPath videoId={props.focus} title={props.focusTitle} /> : null}
        {shown === 'suggestions' ? <Suggestions videoId={props.focus} /> : null}
        {shown === 'csv' ? <CsvPanel videoId={props.focus} /> : null}
        {shown === 'history' ? <History videoId={props.focus} /> : null}
      </div>
    </aside>
  );
}

function LinkDetails({
  edge,
  titles,
  onEdit,
  onDelete,
}: {
  edge: GraphEdge;
  titles: Map<string, string>;
  onEdit: (e: GraphEdge) => void;
  onDelete: (e: GraphEdge) => void;
}) {
  return (
    <div>
      <p>
        <strong>{titles.get(edge.source)}</strong> <span style={{ color: LINK_STYLE[edge.type].color }}>{LINK_STYLE[edge.type].label}</span>{' '}
        <strong>{titles.get(edge.target)}</strong>
      </p>
      {edge.timestamp_seconds !== null ? <p className="muted">At {formatTimestamp(edge.timestamp_seconds)} in the source video.</p> : null}
      {edge.note ? <p className="description">{edge.note}</p> : null}
      <div className="row">
        <button type="button" className="btn" onClick={() => onEdit(edge)}>
          Edit link
        </button>
        <button type="button" className="btn danger" onClick={() => onDelete(edge)}>
          Delete link
        </button>
      </div>
    </div>
  );
}

function ChainList({ videoId, direction, onOpen }: { videoId: string; direction: 'requires' | 'required_by'; onOpen: (id: string) => void }) {
  const chain = useChain(videoId, direction);
  if (chain.error) return <ErrorAlert error={chain.error} />;
  if (!chain.data) return <p className="muted">Loading…</p>;
  if (chain.data.length === 0)
    return <p className="muted">{direction === 'requires' ? 'This video has no prerequisites.' : 'No video requires this one.'}</p>;
  return (
    <ol className="timeline">
      {chain.data.map((c) => (
        <li key={c.id}>
          <span className="muted small">depth {formatNumber(c.depth)}</span>{' '}
          <button type="button" className="link-like" onClick={() => onOpen(c.id)}>
            {c.title}
          </button>
        </li>
      ))}
    </ol>
  );
}

function LearningPath({ videoId, title }: { videoId: string; title: string }) {
  const path = useLearningPath(videoId);
  const save = useSaveLearningPath();
  const toasts = useToasts();
  const react = useErrorReaction();
  const [name, setName] = useState(`Learning path: ${title}`);
  const [titleError, setTitleError] = useState<string | undefined>();
  if (path.error) return <ErrorAlert error={path.error} title="No learning path for this video" />;
  if (!path.data) return <p className="muted">Loading…</p>;
  return (
    <div>
      <p className="muted">Watch in this order: each video after everything it requires. Only approved videos are listed.</p>
      <ol className="timeline">
        {path.data.map((p) => (
          <li key={p.id}>{p.title}</li>
        ))}
      </ol>
      <FormField id="path-title" label="Save as a collection" error={titleError}>
        {(c) => (
          <div className="row">
            <input
              {...c}
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setTitleError(undefined);
              }}
            />
            <button
              type="button"
              className="btn"
              disabled={!name.trim() || save.isPending}
              onClick={() =>
                save.mutate(
                  { videoId, title: name },
                  {
                    onSuccess: (r) => toasts.push({ kind: 'success', message: `Saved a private collection of ${formatNumber(r.videos)} videos.` }),
                    onError: (e) =>
                      react(e, {
                        form: {
                          setError: (field, { message }) => {
                            if (field === 'title' || field === 'root') setTitleError(message);
                          },
                        },
                      }),
                  },
                )
              }
            >
              Save
            </button>
          </div>
        )}
      </FormField>
    </div>
  );
}

function Suggestions({ videoId }: { videoId: string }) {
  const s = useLinkSuggestions(videoId);
  const save = useSaveLink();
  const toasts = useToasts();
  const react = useErrorReaction();
  if (!s.data) return <p className="muted">Loading…</p>;
  if (!s.data.available)
    return <p className="muted">This video has no embedding yet: run a backfill on the Embeddings page to get suggestions from similar videos.</p>;
  if (s.data.rows.length === 0) return <p className="muted">No similar unlinked video.</p>;
  return (
    <ul className="plain">
      {s.data.rows.map((r) => (
        <li key={r.id} className="row">
          <span>
            {r.title} <span className="muted">({formatDecimal(r.similarity, 2)})</span>
          </span>
          <button
            type="button"
            className="btn small"
            disabled={save.isPending}
            onClick={() =>
              save.mutate(
                { source: videoId, target: r.id, type: r.proposed_type },
                {
                  onSuccess: () => toasts.push({ kind: 'success', message: `Linked as ${r.proposed_type}.` }),
                  onError: (e) => react(e),
                },
              )
            }
          >
            Link as {r.proposed_type}
          </button>
        </li>
      ))}
    </ul>
  );
}

function CsvPanel({ videoId }: { videoId: string }) {
  const imp = useImportLinks();
  const exportLinks = useExportLinks();
  const toasts = useToasts();
  const react = useErrorReaction();
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [skipExisting, setSkipExisting] = useState(false);
  const run = (dryRun: boolean) =>
    csv &&
    imp.mutate(
      { csv: csv.text, dryRun, skipExisting },
      {
        onSuccess: (r) => {
          setResult(r);
          if (r.applied) toasts.push({ kind: 'success', message: `Imported ${formatNumber(r.ok)} link(s)${skippedText(r.skipped)}.` });
        },
        onError: (e) => react(e),
      },
    );
  const download = async (scope: string | null) => {
    try {
      const r = await exportLinks(scope);
      const url = URL.createObjectURL(new Blob([r.csv], { type: 'text/csv' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: scope ? 'links-of-video.csv' : 'links.csv' });
      a.click();
      URL.revokeObjectURL(url);
      toasts.push({ kind: 'success', message: `Exported ${formatNumber(r.rows)} link(s).` });
    } catch (e) {
      react(e);
    }
  };
  return (
    <div>
      <div className="row">
        <button type="button" className="btn small" onClick={() => void download(videoId)}>
          Export this video's links
        </button>
        <button type="button" className="btn small" onClick={() => void download(null)}>
          Export all links
        </button>
      </div>
      <FormField id="csv-file" label="Import links (columns: source, target, type, note, timestamp)" className="spaced">
        {(c) => (
          <input
            {...c}
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              setResult(null);
              if (!f) return setCsv(null);
              if (f.size > 10_000_000) {
                toasts.push({
                  kind: 'error',
                  message: `${f.name} is ${formatNumber(Math.round(f.size / 1e6))} MB; the limit is 10 MB.`,
                  hint: 'Split it into smaller files.',
                });
                e.target.value = '';
                return setCsv(null);
              }
              setCsv({ name: f.name, text: await f.text() });
            }}
          />
        )}
      </FormField>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={skipExisting}
          onChange={(e) => {
            // The dry run that allows Apply must have been made with the same choice.
            setSkipExisting(e.target.checked);
            setResult(null);
          }}
        />
        Skip links that already exist (same videos and type)
      </label>
      <div className="row">
        <button type="button" className="btn" disabled={!csv || imp.isPending} onClick={() => run(true)}>
          Dry run
        </button>
        <button
          type="button"
          className="btn primary"
          disabled={!csv || imp.isPending || !result || result.failed > 0 || !result.dryRun}
          onClick={() => run(false)}
        >
          Apply
        </button>
      </div>
      {result ? (
        <div role="status" className="import-result">
          <p>
            {result.applied
              ? `Applied: ${formatNumber(result.ok)} link(s) created${skippedText(result.skipped)}.`
              : result.dryRun
                ? `Dry run: ${formatNumber(result.ok)} row(s) would be created, ${formatNumber(result.failed)} have problems${skippedText(result.skipped, 'would be ')}. Nothing was written.`
                : `Not applied: ${formatNumber(result.failed)} row(s) have problems, so nothing was written.`}
            {!skipExisting && result.rows.some((r) => r.message?.includes('already have a')) ? (
              <> Some links already exist: tick “Skip links that already exist” and run the dry run again.</>
            ) : null}
          </p>
          <table className="data import-rows">
            <caption className="visually-hidden">Outcome per row</caption>
            <colgroup>
              <col className="import-row-number" />
              <col className="import-row-outcome" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Outcome</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.row}>
                  <td className="num">{formatNumber(r.row)}</td>
                  <td>
                    <span className={`badge ${OUTCOME_BADGE[r.outcome]}`}>{r.outcome}</span>
                  </td>
                  <td>{r.message ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

const OUTCOME_BADGE: Record<ImportResult['rows'][number]['outcome'], string> = { ok: 'applied', skipped: 'unknown', error: 'modified' };

/** ", 2 skipped (already exist)" when some were skipped; nothing otherwise. */
const skippedText = (skipped: number, verb = '') => (skipped > 0 ? `, ${formatNumber(skipped)} ${verb}skipped (already exist)` : '');

function History({ videoId }: { videoId: string }) {
  const h = useLinkHistory(videoId);
  if (!h.data) return <p className="muted">Loading…</p>;
  if (h.data.length === 0) return <p className="muted">No link changes recorded for this video yet.</p>;
  return (
    <ol className="timeline">
      {h.data.map((a) => {
        const row = (a.after ?? a.before) as { reference_type?: string } | null;
        return (
          <li key={a.id}>
            <strong>{a.operator}</strong> {a.action} {row?.reference_type ?? ''} link · {formatDateTime(a.at)}
          </li>
        );
      })}
    </ol>
  );
}
