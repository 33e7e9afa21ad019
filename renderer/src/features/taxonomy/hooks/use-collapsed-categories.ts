// Which categories are collapsed in the tree, remembered per connection profile in localStorage.
import { useCallback, useState } from 'react';

const storageKey = (profile: string) => `magna.taxonomy.collapsed.${profile}`;

function read(profile: string): Set<number> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(storageKey(profile)) ?? '[]');
    return new Set(Array.isArray(raw) ? raw.filter((x): x is number => Number.isInteger(x)) : []);
  } catch {
    return new Set();
  }
}

export function useCollapsedCategories(profile: string) {
  const [state, setState] = useState(() => ({ profile, collapsed: read(profile) }));
  // Another profile: its own remembered state.
  const collapsed = state.profile === profile ? state.collapsed : read(profile);
  const update = useCallback(
    (change: (s: Set<number>) => void) =>
      setState((prev) => {
        const next = new Set(prev.profile === profile ? prev.collapsed : read(profile));
        change(next);
        try {
          localStorage.setItem(storageKey(profile), JSON.stringify([...next]));
        } catch {
          // Storage full or disabled: the state still holds for this session.
        }
        return { profile, collapsed: next };
      }),
    [profile],
  );
  const setCollapsed = useCallback((id: number, value: boolean) => update((s) => (value ? s.add(id) : s.delete(id))), [update]);
  return { collapsed, setCollapsed };
}
