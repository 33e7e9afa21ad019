// The app frame: environment banner, top bar with the active profile, sidebar, the current page
// inside an error boundary, the command palette and global shortcuts.
import { useEffect, useMemo, useState } from 'react';
import { useConnections } from '@/features/settings/api/get-connections';
import { useActivateProfile } from '@/features/settings/api/mutate-connections';
import { EmbeddingsPage } from '@/features/embeddings/embeddings-page';
import { GraphPage } from '@/features/graph/graph-page';
import { MigrationsPage } from '@/features/migrations/migrations-page';
import { useModerationCounts } from '@/features/moderation/api/get-counts';
import { ModerationPage } from '@/features/moderation/moderation-page';
import { SettingsPage } from '@/features/settings/settings-page';
import { TaxonomyPage } from '@/features/taxonomy/taxonomy-page';
import { ErrorBoundary } from '@/components/error-boundary';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { formatNumber } from '@/lib/format';
import { applyTheme, initialTheme, type Theme } from '@/lib/theme';
import { navigate, ROUTES, useHashRoute, type Route } from '@/lib/use-hash-route';
import { CommandPalette, type Command } from './command-palette';

const LABELS: Record<Route, string> = {
  moderation: 'Moderation', taxonomy: 'Taxonomy', graph: 'Graph', embeddings: 'Embeddings', migrations: 'Migrations', settings: 'Settings',
};

export function App() {
  const route = useHashRoute();
  const connections = useConnections();
  const activate = useActivateProfile();
  const react = useErrorReaction();
  const counts = useModerationCounts();
  const waiting = counts.data ? counts.data.pending + counts.data.flagged + counts.data.reports + counts.data.contexts : null;
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [palette, setPalette] = useState(false);

  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    document.title = `${LABELS[route]} · Magna Galactica Console`;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [route]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setPalette((p) => !p);
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey && /^[1-6]$/.test(e.key)) {
        e.preventDefault();
        navigate(ROUTES[Number(e.key) - 1]!);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const active = connections.data?.profiles.find((p) => p.id === connections.data?.activeId);
  const production = active?.production ?? false;

  const commands = useMemo<Command[]>(() => [
    ...ROUTES.map((r, i) => ({ id: `go-${r}`, label: `Go to ${LABELS[r]}`, hint: `Alt+${i + 1}`, run: () => navigate(r) })),
    { id: 'theme', label: `Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`, run: () => setTheme(theme === 'dark' ? 'light' : 'dark') },
    ...(connections.data?.profiles ?? []).filter((p) => p.id !== connections.data?.activeId).map((p) => ({
      id: `use-${p.id}`, label: `Use profile: ${p.name}`, hint: p.production ? 'production' : p.kind, run: () => activate.mutate({ id: p.id }, { onError: (e) => react(e) }),
    })),
  ], [theme, connections.data, activate, react]);

  const page = (() => {
    switch (route) {
      case 'moderation': return <ModerationPage />;
      case 'taxonomy': return <TaxonomyPage production={production} profileName={active?.name ?? ''} />;
      case 'graph': return <GraphPage />;
      case 'embeddings': return <EmbeddingsPage />;
      case 'migrations': return <MigrationsPage production={production} profileName={active?.name ?? ''} />;
      case 'settings': return <SettingsPage theme={theme} onTheme={setTheme} />;
    }
  })();

  return (
    <div className="app">
      <a className="skip-link" href="#main">Skip to content</a>
      {production ? <div className="env-banner" role="note">PRODUCTION · {active?.name} · changes here affect live users</div> : <div />}
      <header className="topbar">
        <span className="brand">Magna Galactica Console</span>
        <span className="spacer" />
        {active ? (
          <a href="#/settings" className={`profile-chip${production ? ' production' : ''}`} aria-label={`Active profile: ${active.name}, ${production ? 'production' : active.kind === 'embedded' ? 'local sandbox' : 'non-production'}`}>
            <span className="env">{production ? 'production' : active.kind === 'embedded' ? 'sandbox' : 'staging'}</span>
            <span>{active.name}</span>
          </a>
        ) : null}
        <button type="button" className="btn small" onClick={() => setPalette(true)} aria-keyshortcuts="Control+K">
          Commands <kbd>Ctrl K</kbd>
        </button>
      </header>
      <div className="body">
        <nav className="sidebar" aria-label="Main">
          {ROUTES.map((r, i) => (
            <a key={r} href={`#/${r}`} aria-current={route === r ? 'page' : undefined} aria-keyshortcuts={`Alt+${i + 1}`}>
              <span>{LABELS[r]}</span>
              {r === 'moderation' && waiting !== null ? <span className="nav-count" aria-label={`${formatNumber(waiting)} items waiting`}>{formatNumber(waiting)}</span> : null}
            </a>
          ))}
          <div className="kbd-hint"><kbd>Ctrl K</kbd> commands · <kbd>Alt 1–6</kbd> pages</div>
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          <ErrorBoundary resetKey={route}>{page}</ErrorBoundary>
        </main>
      </div>
      <CommandPalette open={palette} onClose={() => setPalette(false)} commands={commands} />
    </div>
  );
}
