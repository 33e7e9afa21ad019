// Ctrl/Cmd-K: every console command by typing — pages, search, reload, profiles, theme, help —
// and a search of the workspace: videos (title, URL, platform id, uuid), users, tags and
// categories, grouped by kind; Enter opens the highlighted one in place. The search waits for a
// pause in typing and shows only the answer to the latest text. The desktop app's native menu
// runs the same commands (app.tsx).
import { useEffect, useMemo, useState } from 'react';
import type { ConsoleSearch } from '@contract/moderation';
import { useRoles } from '@/api/use-roles';
import { useModalDialog } from '@/components/use-modal-dialog';
import { useConsoleSearch } from '@/features/moderation/api/search-console';
import { formatNumber } from '@/lib/format';

export type Command = { id: string; label: string; hint?: string; run: () => void };
type Item = Command & { group: string };

const SEARCH_DELAY_MS = 200;
const open = (hash: string) => {
  window.location.hash = hash;
};

/** The search's hits as palette items, grouped by kind in a fixed order; each opens its item. */
function searchItems(r: ConsoleSearch | undefined): Item[] {
  if (!r) return [];
  return [
    ...r.videos.map((v) => ({
      id: `video-${v.id}`,
      group: 'Videos',
      label: v.title,
      hint: `${v.platform} · ${v.status}${v.matched === 'title' ? '' : ` · by ${v.matched.replace('_', ' ')}`}`,
      run: () => open(`#/video/${v.id}`),
    })),
    ...r.users.map((u) => ({
      id: `user-${u.id}`,
      group: 'Users',
      label: `@${u.username}`,
      hint: `${u.display_name ?? ''}${u.is_active === false ? ' · suspended' : ''} · their pending videos`,
      run: () => open(`#/moderation?submitter=${u.id}`),
    })),
    ...r.tags.map((t) => ({
      id: `tag-${t.id}`,
      group: 'Tags',
      label: t.name,
      hint: `${formatNumber(t.video_count)} videos`,
      run: () => open(`#/taxonomy?tab=tags&q=${encodeURIComponent(t.name)}`),
    })),
    ...r.categories.map((c) => ({
      id: `category-${c.id}`,
      group: 'Categories',
      label: c.name,
      hint: `${c.parent ? `in ${c.parent} · ` : ''}pending videos`,
      run: () => open(`#/moderation?category=${c.id}`),
    })),
  ];
}

export function CommandPalette({
  open: isOpen,
  onClose,
  commands,
  initialQuery = '',
}: {
  open: boolean;
  onClose: () => void;
  commands: Command[];
  initialQuery?: string;
}) {
  const { ref, onNativeClose } = useModalDialog(isOpen, onClose);

  return (
    <dialog
      ref={ref}
      onClose={onNativeClose}
      // Escape closes it in the same keystroke (the native close event comes a task later, when a
      // quick Ctrl-K would toggle the still-open state shut instead of opening it again).
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      aria-label="Command palette"
      className="palette"
    >
      {isOpen ? <PaletteBody key={initialQuery} commands={commands} initialQuery={initialQuery} onClose={onClose} /> : null}
    </dialog>
  );
}

/**
 * The palette's content, mounted afresh at each opening: its text starts from `initialQuery`,
 * so keys typed the moment it opens never land after the previous search's text.
 */
function PaletteBody({ commands, initialQuery, onClose }: { commands: Command[]; initialQuery: string; onClose: () => void }) {
  const [query, setQuery] = useState(initialQuery);
  const [searched, setSearched] = useState(initialQuery);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const t = setTimeout(() => setSearched(query), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [query]);
  // Every staff role searches (users are listed for moderators); an operator without one is told so, not failed.
  const roles = useRoles();
  const canSearch = roles.can('moderator') || roles.can('curator');
  const search = useConsoleSearch(canSearch ? searched : '');
  const items = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matching: Item[] = (q ? commands.filter((c) => c.label.toLowerCase().includes(q)) : commands).map((c) => ({ ...c, group: 'Commands' }));
    return [...matching, ...searchItems(search.data)];
  }, [commands, query, search.data]);
  const groups = useMemo(() => [...new Set(items.map((i) => i.group))], [items]);
  const current = items[Math.min(index, items.length - 1)];

  const run = (c: Command | undefined) => {
    if (!c) return;
    onClose();
    c.run();
  };
  const typing = canSearch && (query.trim() !== searched.trim() || search.isFetching);
  const searchNote = !query.trim()
    ? null
    : !canSearch
      ? 'Searching videos, users, tags and categories needs a staff role; commands are listed above.'
      : search.error
        ? `Search failed: ${search.error.message}`
        : typing
          ? 'Searching videos, users, tags and categories…'
          : search.data && searchItems(search.data).length === 0
            ? 'No video, user, tag or category matches (titles need 3 or more characters; paste a link, id or uuid to find one video).'
            : null;

  return (
    <div className="dialog-body">
      <input
        aria-label="Type a command"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={current ? `cmd-${current.id}` : undefined}
        placeholder="Go to a page, run a command, or find a video, user, tag or category…"
        value={query}
        autoFocus
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setIndex((i) => Math.min(i + 1, items.length - 1));
          }
          if (e.key === 'ArrowUp') {
            e.preventDefault();
            setIndex((i) => Math.max(i - 1, 0));
          }
          if (e.key === 'Enter') {
            e.preventDefault();
            run(current);
          }
        }}
      />
      <div className="palette-list" id="palette-list" role="listbox" aria-label="Commands and search results">
        {groups.map((g) => (
          <div key={g} role="group" aria-labelledby={`palette-group-${g}`}>
            <div className="palette-group" id={`palette-group-${g}`} role="presentation">
              {g}
            </div>
            {items.map((c, i) =>
              c.group === g ? (
                <div
                  key={c.id}
                  id={`cmd-${c.id}`}
                  role="option"
                  className="palette-option"
                  aria-selected={c === current}
                  onMouseEnter={() => setIndex(i)}
                  onClick={() => run(c)}
                >
                  <span className="ellipsis">{c.label}</span>
                  {c.hint ? <span className="muted">{c.hint}</span> : null}
                </div>
              ) : null,
            )}
          </div>
        ))}
        {items.length === 0 && !typing ? (
          <div role="option" aria-selected="false" aria-disabled="true" className="palette-option muted">
            No command matches.
          </div>
        ) : null}
      </div>
      {searchNote ? (
        <p className="muted small" role="status">
          {searchNote}
        </p>
      ) : null}
    </div>
  );
}
