// Likely duplicate tags (similar names, same slug), each with a one-click merge of the less used
// one into the more used one.
import type { TagSuggestion } from '@contract/taxonomy';
import { formatNumber } from '@/lib/format';
import { useTagSuggestions } from '../api/taxonomy-queries';

export type SuggestedTag = TagSuggestion['a'];

export function TagSuggestions({ busy, onMerge }: { busy: boolean; onMerge: (drop: SuggestedTag, keep: SuggestedTag) => void }) {
  const suggestions = useTagSuggestions(true);
  return (
    <div className="card suggestions" aria-label="Possible duplicate tags">
      {suggestions.isPending ? (
        <p className="muted">Looking for duplicates…</p>
      ) : suggestions.data?.length === 0 ? (
        <p className="muted">No likely duplicates.</p>
      ) : null}
      <ul className="plain">
        {(suggestions.data ?? []).map((s) => {
          const [keep, drop] = s.a.video_count >= s.b.video_count ? [s.a, s.b] : [s.b, s.a];
          return (
            <li key={`${s.a.id}-${s.b.id}`} className="row">
              <span>
                <strong>{drop.name}</strong> ({formatNumber(drop.video_count)}) ~ <strong>{keep.name}</strong> ({formatNumber(keep.video_count)}){' '}
                <span className="muted">
                  {s.reason}
                  {s.reason === 'similar name' ? ` ${formatNumber(Math.round(s.score * 100))}%` : ''}
                </span>
              </span>
              <button type="button" className="btn small" disabled={busy} onClick={() => onMerge(drop, keep)}>
                Merge “{drop.name}” into “{keep.name}”
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
