// Ctrl/Cmd-K: every console command by typing — pages, search, reload, profiles, theme, help.
// The desktop app's native menu runs the same commands (app.tsx).
import { useEffect, useMemo, useRef, useState } from 'react';

export type Command = { id: string; label: string; hint?: string; run: () => void };

export function CommandPalette({
  open,
  onClose,
  commands,
  initialQuery = '',
}: {
  open: boolean;
  onClose: () => void;
  commands: Command[];
  initialQuery?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? commands.filter((c) => c.label.toLowerCase().includes(q)) : commands;
  }, [commands, query]);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setQuery(initialQuery);
      setIndex(0);
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps -- the query starts from initialQuery each time it opens

  const run = (c: Command | undefined) => {
    if (!c) return;
    onClose();
    c.run();
  };

  return (
    <dialog ref={ref} onClose={onClose} aria-label="Command palette" className="palette">
      {open ? (
        <div className="dialog-body">
          <input
            aria-label="Type a command"
            role="combobox"
            aria-expanded="true"
            aria-controls="palette-list"
            aria-activedescendant={matches[index] ? `cmd-${matches[index]!.id}` : undefined}
            placeholder="Go to a page, switch profile, change theme…"
            value={query}
            autoFocus
            onChange={(e) => {
              setQuery(e.target.value);
              setIndex(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setIndex((i) => Math.min(i + 1, matches.length - 1));
              }
              if (e.key === 'ArrowUp') {
                e.preventDefault();
                setIndex((i) => Math.max(i - 1, 0));
              }
              if (e.key === 'Enter') {
                e.preventDefault();
                run(matches[index]);
              }
            }}
          />
          <ul className="palette-list" id="palette-list" role="listbox" aria-label="Commands">
            {matches.map((c, i) => (
              <li key={c.id} id={`cmd-${c.id}`} role="option" aria-selected={i === index} onMouseEnter={() => setIndex(i)} onClick={() => run(c)}>
                <span>{c.label}</span>
                {c.hint ? <span className="muted">{c.hint}</span> : null}
              </li>
            ))}
            {matches.length === 0 ? (
              <li aria-disabled="true" className="muted">
                No command matches.
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
    </dialog>
  );
}
