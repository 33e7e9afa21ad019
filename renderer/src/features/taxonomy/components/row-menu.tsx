// One "⋯" button per row opening a menu of its actions (WAI-ARIA menu button): the menu opens on
// its first item, arrow keys move, Enter or a click runs an item, Escape or a click elsewhere closes
// it and gives focus back to the button.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export type RowMenuItem = { label: string; onSelect: () => void; danger?: boolean };

export function RowMenu({
  label,
  items,
  tabIndex,
  openSignal,
}: {
  label: string;
  items: RowMenuItem[];
  tabIndex: number;
  /** Changes when the row asks the menu to open from the keyboard (Enter on a tree item). */
  openSignal?: number;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const lastSignal = useRef(openSignal);

  useEffect(() => {
    if (openSignal !== undefined && openSignal !== lastSignal.current) {
      lastSignal.current = openSignal;
      setOpen(true);
    }
  }, [openSignal]);
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
    const outside = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]') ?? [])];
    const i = entries.indexOf(document.activeElement as HTMLButtonElement);
    const go = (n: number) => entries[(n + entries.length) % entries.length]?.focus();
    e.stopPropagation();
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(entries.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') close();
    else return;
    e.preventDefault();
  };

  return (
    <span className="row-menu">
      <button
        ref={button}
        type="button"
        className="btn small icon"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        tabIndex={tabIndex}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            e.stopPropagation();
            setOpen(true);
          }
        }}
      >
        ⋯
      </button>
      {open ? (
        <ul ref={menu} role="menu" aria-label={label} className="row-menu-list" onKeyDown={onMenuKey}>
          {items.map((item) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={item.danger ? 'danger' : undefined}
                onClick={() => {
                  setOpen(false);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </span>
  );
}
