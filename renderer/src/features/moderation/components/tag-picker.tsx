// The video's tags: every applied tag first (wrapping, never clipped; each removable), then a
// type-ahead that searches the whole tag list in the database (any number of tags) to add one.
// Arrow keys pick a suggestion, Enter adds it; only the answer to the latest text is shown.
import { useEffect, useState } from 'react';
import { formatNumber } from '@/lib/format';
import { useConsoleSearch } from '../api/search-console';

const SEARCH_DELAY_MS = 150;

export function TagPicker({ tags, onChange }: { tags: ReadonlyMap<number, string>; onChange: (tags: Map<number, string>) => void }) {
  const [text, setText] = useState('');
  const [searched, setSearched] = useState('');
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const t = setTimeout(() => setSearched(text), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [text]);
  const search = useConsoleSearch(searched);
  const suggestions = text.trim() && searched === text ? (search.data?.tags ?? []).filter((t) => !tags.has(t.id)) : [];
  const current = suggestions[Math.min(index, suggestions.length - 1)];

  const add = (tag: { id: number; name: string } | undefined) => {
    if (!tag) return;
    onChange(new Map([...tags, [tag.id, tag.name]]));
    setText('');
    setIndex(0);
  };
  const remove = (id: number) => {
    const next = new Map(tags);
    next.delete(id);
    onChange(next);
  };

  return (
    <div className="tag-picker">
      <div className="tag-list" role="list" aria-label="Applied tags">
        {tags.size === 0 ? <span className="muted small">No tags yet: type below to add one.</span> : null}
        {[...tags].map(([id, name]) => (
          <span key={id} role="listitem" className="tag-chip on">
            {name}
            <button type="button" className="tag-remove" aria-label={`Remove tag ${name}`} onClick={() => remove(id)}>
              ✕
            </button>
          </span>
        ))}
      </div>
      <input
        id="edit-tag-add"
        role="combobox"
        aria-label="Add a tag"
        aria-expanded={suggestions.length > 0}
        aria-controls="edit-tag-suggestions"
        aria-autocomplete="list"
        aria-activedescendant={current ? `tag-suggestion-${current.id}` : undefined}
        placeholder="Add a tag…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setIndex(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setIndex((i) => Math.min(i + 1, suggestions.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setIndex((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            add(current);
          }
        }}
      />
      <ul className="palette-list tag-suggestions" id="edit-tag-suggestions" role="listbox" aria-label="Matching tags" hidden={!suggestions.length}>
        {suggestions.map((t) => (
          <li
            key={t.id}
            id={`tag-suggestion-${t.id}`}
            role="option"
            aria-selected={t === current}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => add(t)}
          >
            <span>{t.name}</span>
            <span className="muted">{formatNumber(t.video_count)} videos</span>
          </li>
        ))}
      </ul>
      {text.trim() && searched === text && search.data && !suggestions.length ? (
        <p className="muted small" role="status">
          No other tag matches "{text.trim()}". Curators add new tags on the Taxonomy page.
        </p>
      ) : null}
    </div>
  );
}
