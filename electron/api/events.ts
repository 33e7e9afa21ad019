// The event channels main → renderer. Free of zod so the sandboxed preload stays one small file.
/** Job progress (backfills, migrations). */
export const EVENT_CHANNEL = 'events:job';
/** The desktop app's own events: a deep link to open, a menu command to run. */
export const APP_EVENT_CHANNEL = 'events:app';

/** The console's commands, run from the native menu or the command palette. */
export const APP_COMMANDS = [
  'go-dashboard',
  'go-moderation',
  'go-taxonomy',
  'go-graph',
  'go-embeddings',
  'go-migrations',
  'go-activity',
  'go-settings',
  'go-users',
  'command-palette',
  'search',
  'reload-data',
  'switch-profile',
  'toggle-theme',
  'keyboard-shortcuts',
  'about',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export type AppEvent =
  /** Open a console link, given as its hash route (`#/video/<uuid>`), already validated by main. */
  { type: 'open'; route: string } | { type: 'command'; command: AppCommand };
