// The page and its view state live in the URL hash (#/moderation?tab=flagged&sort=newest), so
// a view can be reloaded and shared. One store for the whole window: every component reading
// the hash sees every change, whether it came from a link, Back, or another component.
//
// Console links (`#/video/<uuid>`, `#/report/…`, `#/graph/…`, `#/job/…`, the paths of
// `magna-console://` links) are routes too: useLinkRoute() gives the link, and the page it
// belongs to is highlighted meanwhile. The app (app/link-route.tsx) resolves them.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseLinkRoute, type DeepLink, type DeepLinkKind } from '@contract/deep-links';

export const ROUTES = ['dashboard', 'moderation', 'taxonomy', 'graph', 'embeddings', 'migrations', 'activity', 'users', 'settings'] as const;
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

/** The hash as it is (`#/video/<uuid>`), for checks the routes do not make. */
export const useRawHash = useHash;

/** The page a console link opens on. */
export const LINK_PAGES: Record<DeepLinkKind, Route> = { video: 'moderation', report: 'moderation', graph: 'graph', job: 'embeddings' };

function parse(hash: string): { route: Route; params: URLSearchParams } {
  const link = parseLinkRoute(hash);
  if (link) return { route: LINK_PAGES[link.kind], params: new URLSearchParams() };
  const raw = hash.replace(/^#\/?/, '');
  const [name = '', query = ''] = raw.split('?');
  // No page named (the console's first address): the dashboard, its home page.
  const route = (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'dashboard';
  return { route, params: new URLSearchParams(query) };
}

/** The page in the URL hash (#/migrations). */
export function useHashRoute(): Route {
  return parse(useHash()).route;
}

export function navigate(route: Route): void {
  window.location.hash = `#/${route}`;
}

/** The console link in the hash (`#/video/<uuid>`), or null on any other route. */
export function useLinkRoute(): DeepLink | null {
  const hash = useHash();
  return useMemo(() => parseLinkRoute(hash), [hash]);
}

/** Replaces the current history entry's hash (a link resolved to its page's own view). */
export function replaceHash(hash: string): void {
  window.history.replaceState(null, '', hash);
  notify();
}

/** Whether the hash names something that is neither a page nor a console link (`#/video/not-an-id`). */
export function isUnknownRoute(hash: string): boolean {
  if (!hash.startsWith('#/')) return false; // #main and other in-page anchors
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return name !== '' && !(ROUTES as readonly string[]).includes(name) && parseLinkRoute(hash) === null;
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
