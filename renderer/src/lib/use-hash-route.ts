// The page and its view state live in the URL hash (#/moderation?tab=flagged&sort=newest), so
// a view can be reloaded and shared. One store for the whole window: every component reading
// the hash sees every change, whether it came from a link, Back, or another component.
import { useCallback, useMemo, useSyncExternalStore } from 'react';

export const ROUTES = ['moderation', 'taxonomy', 'graph', 'embeddings', 'migrations', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('hashchange', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('hashchange', notify);
  };
}

const useHash = () => useSyncExternalStore(subscribe, () => window.location.hash);

function parse(hash: string): { route: Route; params: URLSearchParams } {
  const raw = hash.replace(/^#\/?/, '');
  const [name = '', query = ''] = raw.split('?');
  const route = (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'moderation';
  return { route, params: new URLSearchParams(query) };
}

/** The page in the URL hash (#/migrations). */
export function useHashRoute(): Route {
  return parse(useHash()).route;
}

export function navigate(route: Route): void {
  window.location.hash = `#/${route}`;
}

/**
 * A page's view state (filters, sort, tab) in the hash's query. Updates replace the history
 * entry, so Back leaves the page rather than undoing each filter; an empty or null value removes
 * the parameter, so defaults keep the URL short.
 */
export function useHashParams(): [URLSearchParams, (changes: Record<string, string | null | undefined>) => void] {
  const hash = useHash();
  const params = useMemo(() => parse(hash).params, [hash]);
  const update = useCallback((changes: Record<string, string | null | undefined>) => {
    const { route, params: current } = parse(window.location.hash);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === undefined || v === '') current.delete(k);
      else current.set(k, v);
    }
    const query = current.toString();
    window.history.replaceState(null, '', `#/${route}${query ? `?${query}` : ''}`);
    notify();
  }, []);
  return [params, update];
}
