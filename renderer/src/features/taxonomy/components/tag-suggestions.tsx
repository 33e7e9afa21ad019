// Likely duplicate tags, each with a one-click merge of the less used one into the more used one:
// by spelling (similar names, same slug) and by meaning (the tag names' embeddings, made with the
// same model as the videos' — "Embed tag names" brings new and renamed tags in).
import type { TagSuggestion } from '@contract/taxonomy';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { useToasts } from '@/components/toasts';
import { formatNumber } from '@/lib/format';
import { useEmbedTagNames } from '../api/taxonomy-mutations';
import { useSemanticSuggestions, useTagSuggestions } from '../api/taxonomy-queries';

export type SuggestedTag = TagSuggestion['a'];
type OnMerge = (drop: SuggestedTag, keep: SuggestedTag) => void;

function SuggestionList({ items, busy, onMerge }: { items: TagSuggestion[]; busy: boolean; onMerge: OnMerge }) {
  return (
    <ul className="plain">
      {items.map((s) => {
        const [keep, drop] = s.a.video_count >= s.b.video_count ? [s.a, s.b] : [s.b, s.a];
        return (
          <li key={`${s.a.id}-${s.b.id}`} className="row">
            <span>
              <strong>{drop.name}</strong> ({formatNumber(drop.video_count)}) ~ <strong>{keep.name}</strong> ({formatNumber(keep.video_count)}){' '}
              <span className="muted">
                {s.reason}
                {s.reason === 'same slug' ? '' : ` ${formatNumber(Math.round(s.score * 100))}%`}
              </span>
            </span>
            <button type="button" className="btn small" disabled={busy} onClick={() => onMerge(drop, keep)}>
              Merge “{drop.name}” into “{keep.name}”
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function TagSuggestions({ busy, onMerge }: { busy: boolean; onMerge: OnMerge }) {
  const spelling = useTagSuggestions(true);
  const meaning = useSemanticSuggestions(true);
  const embed = useEmbedTagNames();
  const toasts = useToasts();
  const react = useErrorReaction();
  const runEmbed = () =>
    embed.mutate(
      {},
      {
        onSuccess: (r) =>
          toasts.push({
            kind: 'success',
            message: `Embedded ${formatNumber(r.embedded)} tag name(s) with ${r.model}${r.failed ? `; ${formatNumber(r.failed)} have no word the model knows` : ''}.`,
          }),
        onError: (e) => react(e),
      },
    );
  return (
    <div className="card suggestions" aria-label="Possible duplicate tags">
      <h2>By spelling</h2>
      {spelling.isPending ? (
        <p className="muted">Looking for duplicates…</p>
      ) : spelling.data?.length === 0 ? (
        <p className="muted">No names spelled nearly alike.</p>
      ) : null}
      <SuggestionList items={spelling.data ?? []} busy={busy} onMerge={onMerge} />
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2>By meaning</h2>
        <button type="button" className="btn small" disabled={embed.isPending} onClick={runEmbed}>
          {embed.isPending ? 'Embedding tag names…' : 'Embed tag names'}
        </button>
      </div>
      {meaning.isPending ? (
        <p className="muted">Comparing tag names…</p>
      ) : meaning.data?.length === 0 ? (
        <p className="muted">No tags mean nearly the same. New or renamed tags count once their names are embedded: use “Embed tag names”.</p>
      ) : null}
      <SuggestionList items={meaning.data ?? []} busy={busy} onMerge={onMerge} />
    </div>
  );
}
