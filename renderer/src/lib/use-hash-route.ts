import { useCallback, useEffect, useState } from 'react';

export const ROUTES = ['moderation', 'taxonomy', 'graph', 'embeddings', 'migrations', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

function parse(): { route: Route; params: URLSearchParams } {
  const raw = window.location.hash.replace(/^#\/?/, '');
  const [name = '', query = ''] = raw.split('?');
  const route = (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'moderation';
  return { route, params: new URLSearchParams(query) };
}

/** The page in the URL hash (#/migrations), so a view can be reloaded and shared. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parse().route);
  useEffect(() => {
    const onChange = () => setRoute(parse().route);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(route: Route): void {
  window.location.hash = `#/${route}`;
}

/**
 * A page's view state (filters, sort, tab) in the hash's query: #/moderation?tab=pending&sort=newest.
 * Updates replace the history entry, so Back leaves the page rather than undoing each filter.
 */
export function useHashParams(): [URLSearchParams, (changes: Record<string, string | null | undefined>) => void] {
  const [params, setParams] = useState(() => parse().params);
  useEffect(() => {
    const onChange = () => setParams(parse().params);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const update = useCallback((changes: Record<string, string | null | undefined>) => {
    const { route, params: current } = parse();
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === undefined || v === '') current.delete(k);
      else current.set(k, v);
    }
    const query = current.toString();
    window.history.replaceState(null, '', `#/${route}${query ? `?${query}` : ''}`);
    setParams(new URLSearchParams(query));
  }, []);
  return [params, update];
}
