// The app frame: environment banner, top bar with the active profile, sidebar, the current page
// inside an error boundary, the command palette and global shortcuts. The console's commands
// are one list (`commands`), run from the palette and — in the desktop app — from the native
// menu (use-app-events.ts); console links in the hash open their item (link-route.tsx).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppCommand } from '@contract/events';
import type { StaffRoleName } from '@contract/users';
import { useRoles } from '@/api/use-roles';
import { useConnections } from '@/features/settings/api/get-connections';
import { useActivateProfile } from '@/features/settings/api/mutate-connections';
import { ActivityPage } from '@/features/activity/activity-page';
import { DashboardPage } from '@/features/dashboard/dashboard-page';
import { EmbeddingsPage } from '@/features/embeddings/embeddings-page';
import { GraphPage } from '@/features/graph/graph-page';
import { MigrationsPage } from '@/features/migrations/migrations-page';
import { useModerationCounts } from '@/features/moderation/api/get-counts';
import { ModerationPage } from '@/features/moderation/moderation-page';
import { ProfileReadiness } from '@/features/settings/components/profile-readiness';
import { SettingsPage } from '@/features/settings/settings-page';
import { TaxonomyPage } from '@/features/taxonomy/taxonomy-page';
import { UsersPage } from '@/features/users/users-page';
import { ErrorBoundary } from '@/components/error-boundary';
import { RoleRequired } from '@/components/role-required';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { useToasts } from '@/components/toasts';
import { formatNumber } from '@/lib/format';
import { applyTheme, initialTheme, type Theme } from '@/lib/theme';
import { isUnknownRoute, LINK_PAGES, navigate, replaceHash, ROUTES, useHashRoute, useLinkRoute, useRawHash, type Route } from '@/lib/use-hash-route';
import { AboutDialog } from './about-dialog';
import { CommandPalette, type Command } from './command-palette';
import { LinkRoute } from './link-route';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useAppEvents } from './use-app-events';

const LABELS: Record<Route, string> = {
  dashboard: 'Dashboard',
  moderation: 'Moderation',
  taxonomy: 'Taxonomy',
  graph: 'Graph',
  embeddings: 'Embeddings',
  migrations: 'Migrations',
  activity: 'Activity',
  users: 'Users',
  settings: 'Settings',
};

/** The staff role each page needs (admin implies all): what the database asks of its functions. */
const PAGE_ROLES: Record<Route, StaffRoleName | null> = {
  // Any staff role: each shows what the operator's roles may read (the database decides).
  dashboard: null,
  activity: null,
  moderation: 'moderator',
  taxonomy: 'curator',
  graph: 'curator',
  embeddings: 'admin',
  migrations: 'admin',
  users: 'moderator',
  settings: null,
};
/** The sidebar's order is ROUTES' (Settings last), as are the Alt+digit keys. */
const NAV: readonly Route[] = ROUTES;

type Dialog = 'palette' | 'profiles' | 'shortcuts' | 'about' | null;

/** The page's own search box, if it has one. */
const searchBox = () => document.querySelector<HTMLInputElement>('#main input[type="search"]');

export function App() {
  const route = useHashRoute();
  const link = useLinkRoute();
  const hash = useRawHash();
  const connections = useConnections();
  const activate = useActivateProfile();
  const react = useErrorReaction();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const counts = useModerationCounts(null, roles.can('moderator'));
  const waiting = counts.data ? counts.data.pending + counts.data.flagged + counts.data.reports + counts.data.contexts : null;
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [dialog, setDialog] = useState<Dialog>(null);
  // A dialog closing (its native close event comes after the next one may have opened) closes only itself.
  const closeDialog = (...which: Dialog[]) => setDialog((d) => (which.includes(d) ? null : d));

  // Focused once no dialog is open: a closing modal gives focus back to where it was.
  const [searchAsked, setSearchAsked] = useState(0);
  const searchDone = useRef(0);
  useEffect(() => {
    if (searchAsked === searchDone.current || dialog !== null) return;
    searchDone.current = searchAsked;
    searchBox()?.focus();
  }, [searchAsked, dialog]);

  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    document.title = `${LABELS[route]} · Magna Galactica Console`;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [route]);
  // A hash that is neither a page nor a console link (`#/video/not-an-id`) opens nothing.
  useEffect(() => {
    if (!isUnknownRoute(hash)) return;
    toasts.push({ kind: 'info', message: 'That address is not a page or an item of this console.', hint: hash.slice(0, 120) });
    replaceHash('#/moderation');
  }, [hash, toasts]);

  const active = connections.data?.profiles.find((p) => p.id === connections.data?.activeId);
  const production = active?.production ?? false;
  const toggleTheme = useCallback(() => setTheme((t) => (t === 'dark' ? 'light' : 'dark')), []);

  const run = useCallback(
    (command: AppCommand) => {
      switch (command) {
        case 'command-palette':
          return setDialog((d) => (d === 'palette' ? null : 'palette'));
        case 'switch-profile':
          return setDialog('profiles');
        case 'keyboard-shortcuts':
          return setDialog('shortcuts');
        case 'about':
          return setDialog('about');
        case 'toggle-theme':
          return toggleTheme();
        case 'search':
          if (searchBox()) setSearchAsked((n) => n + 1);
          else setDialog('palette');
          return;
        case 'reload-data':
          void queryClient.invalidateQueries().then(() => toasts.push({ kind: 'success', message: 'Data reloaded.' }));
          return;
        default:
          navigate(command.slice('go-'.length) as Route);
      }
    },
    [queryClient, toasts, toggleTheme],
  );
  useAppEvents(run);

  useEffect(() => {
    // In the desktop app the native menu owns these keys (its accelerators), so each runs once.
    if (window.magna) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        run('command-palette');
      }
      if (e.key === 'F1') {
        e.preventDefault();
        run('keyboard-shortcuts');
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey && /^[1-9]$/.test(e.key)) {
        e.preventDefault();
        navigate(ROUTES[Number(e.key) - 1]!);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  const commands = useMemo<Command[]>(
    () => [
      ...ROUTES.flatMap((r, i) =>
        roles.can(PAGE_ROLES[r]) ? [{ id: `go-${r}`, label: `Go to ${LABELS[r]}`, hint: `Alt+${i + 1}`, run: () => run(`go-${r}`) }] : [],
      ),
      { id: 'search', label: 'Search on this page', run: () => run('search') },
      { id: 'reload-data', label: 'Reload data', run: () => run('reload-data') },
      { id: 'theme', label: `Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`, run: () => run('toggle-theme') },
      { id: 'keyboard-shortcuts', label: 'Keyboard shortcuts', hint: 'F1', run: () => run('keyboard-shortcuts') },
      { id: 'about', label: 'About Magna Galactica Console', run: () => run('about') },
      ...(connections.data?.profiles ?? [])
        .filter((p) => p.id !== connections.data?.activeId)
        .map((p) => ({
          id: `use-${p.id}`,
          label: `Use profile: ${p.name}`,
          hint: p.production ? 'production' : p.kind,
          run: () => activate.mutate({ id: p.id }, { onError: (e) => react(e) }),
        })),
    ],
    [theme, connections.data, activate, react, run, roles],
  );

  // A page (or a link into one) the operator's role cannot use says which role it needs.
  const needed = PAGE_ROLES[link ? LINK_PAGES[link.kind] : route];
  const page = (() => {
    if (needed && !roles.can(needed) && roles.state.status === 'ready') {
      const what = link ? `This ${link.kind === 'job' ? 'backfill job' : link.kind}` : LABELS[route];
      return <RoleRequired what={what} role={needed} state={roles.state} verb={active?.kind === 'supabase' ? 'signed in as' : 'acting as'} />;
    }
    if (link) return <LinkRoute link={link} />;
    switch (route) {
      case 'dashboard':
        return <DashboardPage />;
      case 'activity':
        return <ActivityPage />;
      case 'moderation':
        return <ModerationPage />;
      case 'taxonomy':
        return <TaxonomyPage production={production} profileName={active?.name ?? ''} />;
      case 'graph':
        return <GraphPage />;
      case 'embeddings':
        return <EmbeddingsPage />;
      case 'migrations':
        return <MigrationsPage production={production} profileName={active?.name ?? ''} />;
      case 'settings':
        return <SettingsPage theme={theme} onTheme={setTheme} />;
      case 'users':
        return <UsersPage production={production} profileName={active?.name ?? ''} canAdminister={roles.canUse('staff:grant')} />;
    }
  })();

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {production ? (
        <div className="env-banner" role="note">
          PRODUCTION · {active?.name} · changes here affect live users
        </div>
      ) : (
        <div />
      )}
      <header className="topbar">
        <span className="brand">Magna Galactica Console</span>
        <span className="spacer" />
        {active ? (
          <a
            href="#/settings"
            className={`profile-chip${production ? ' production' : ''}`}
            aria-label={`Active profile: ${active.name}, ${production ? 'production' : active.kind === 'embedded' ? 'local sandbox' : 'non-production'}`}
          >
            <span className="env">{production ? 'production' : active.kind === 'embedded' ? 'sandbox' : 'staging'}</span>
            <span>{active.name}</span>
          </a>
        ) : null}
        <button type="button" className="btn small" onClick={() => run('command-palette')} aria-keyshortcuts="Control+K">
          Commands <kbd>Ctrl K</kbd>
        </button>
      </header>
      <div className="body">
        <nav className="sidebar" aria-label="Main">
          {NAV.filter((r) => roles.can(PAGE_ROLES[r])).map((r) => (
            <a key={r} href={`#/${r}`} aria-current={route === r ? 'page' : undefined} aria-keyshortcuts={`Alt+${ROUTES.indexOf(r) + 1}`}>
              <span>{LABELS[r]}</span>
              {r === 'moderation' && waiting !== null ? (
                <span className="nav-count" aria-label={`${formatNumber(waiting)} items waiting`}>
                  {formatNumber(waiting)}
                </span>
              ) : null}
            </a>
          ))}
          <div className="kbd-hint">
            <kbd>Ctrl K</kbd> commands · <kbd>Alt 1–9</kbd> pages
          </div>
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          {roles.state.status === 'no-operator' && route !== 'settings' ? (
            <div className="alert info" role="status">
              {roles.state.message} Nothing on this profile can be changed until one is chosen. <a href="#/settings">Open Settings</a> to pick the
              operator{active?.kind === 'supabase' ? ' (sign in)' : ''}.
            </div>
          ) : null}
          <ErrorBoundary resetKey={link ? `${link.kind}/${link.id}` : route}>{page}</ErrorBoundary>
        </main>
      </div>
      <CommandPalette
        open={dialog === 'palette' || dialog === 'profiles'}
        onClose={() => closeDialog('palette', 'profiles')}
        commands={commands}
        initialQuery={dialog === 'profiles' ? 'Use profile' : ''}
      />
      {active ? <ProfileReadiness key={active.id} profile={active} /> : null}
      <ShortcutsDialog open={dialog === 'shortcuts'} onClose={() => closeDialog('shortcuts')} />
      <AboutDialog open={dialog === 'about'} onClose={() => closeDialog('about')} profile={active ? `${active.name} (${active.id})` : ''} />
    </div>
  );
}
