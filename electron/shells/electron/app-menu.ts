// The native menu: the console's own commands (the command palette's), sent to the page on the
// app event channel — pages (Alt+1…9; ⌘1…9 on macOS), command palette, search, reload data,
// switch profile, toggle theme, keyboard shortcuts, About — plus the platform's edit, view and
// window menus. The page runs each command as the palette does (renderer/src/app/app.tsx).
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../api/events';
import { PENDING_AGE_CHOICES_HOURS, type NotificationSettings } from './urgent-work';

const PAGES: [AppCommand, string][] = [
  ['go-dashboard', 'Dashboard'],
  ['go-moderation', 'Moderation'],
  ['go-taxonomy', 'Taxonomy'],
  ['go-graph', 'Graph'],
  ['go-embeddings', 'Embeddings'],
  ['go-migrations', 'Migrations'],
  ['go-activity', 'Activity'],
  ['go-users', 'Users'],
  ['go-settings', 'Settings'],
];

export type MenuOptions = {
  appName: string;
  /** macOS: the app menu, ⌘-digit page keys, About in the app menu. */
  isMac: boolean;
  /** Runs a console command in the window (opening one if there is none). */
  run: (command: AppCommand) => void;
  /** The active profile's notification choices (opt-in per profile); absent until it is known. */
  notifications?: { profileName: string; settings: NotificationSettings; change: (settings: NotificationSettings) => void } | null;
};

const hours = (h: number) => (h % 24 === 0 ? `${h / 24} day${h === 24 ? '' : 's'}` : `${h} hour${h === 1 ? '' : 's'}`);

/** Notifications of urgent work for the active profile: urgent reports, overdue pending, ended backfills. */
function notificationsMenu(n: NonNullable<MenuOptions['notifications']>): MenuItemConstructorOptions {
  const { settings, change } = n;
  return {
    label: '&Notifications',
    submenu: [
      { label: `For the profile ${n.profileName}`, enabled: false },
      { type: 'separator' },
      {
        id: 'notify-urgent-reports',
        label: 'Urgent Reports (Copyright)',
        type: 'checkbox',
        checked: settings.urgentReports,
        click: () => change({ ...settings, urgentReports: !settings.urgentReports }),
      },
      {
        id: 'notify-backfills',
        label: 'Backfill Finished or Cancelled',
        type: 'checkbox',
        checked: settings.backfills,
        click: () => change({ ...settings, backfills: !settings.backfills }),
      },
      {
        label: 'Oldest Pending Video Waiting Over',
        submenu: [
          {
            id: 'notify-pending-off',
            label: 'Off',
            type: 'radio',
            checked: settings.oldestPendingHours === null,
            click: () => change({ ...settings, oldestPendingHours: null }),
          },
          ...PENDING_AGE_CHOICES_HOURS.map((h): MenuItemConstructorOptions => ({
            id: `notify-pending-${h}`,
            label: hours(h),
            type: 'radio',
            checked: settings.oldestPendingHours === h,
            click: () => change({ ...settings, oldestPendingHours: h }),
          })),
        ],
      },
      { type: 'separator' },
      { label: 'Quiet while the console window is focused; at most one a minute of each kind', enabled: false },
    ],
  };
}

export function menuTemplate({ appName, isMac, run, notifications }: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, id: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    id,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => run(id),
  });
  const about = command(`About ${appName}`, 'about');
  return [
    ...(isMac
      ? [
          {
            label: appName,
            submenu: [
              about,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: '&File',
      submenu: [
        command('Command Palette…', 'command-palette', 'CmdOrCtrl+K'),
        command('Search', 'search', 'CmdOrCtrl+F'),
        command('Reload Data', 'reload-data', 'CmdOrCtrl+R'),
        { type: 'separator' },
        command('Switch Profile…', 'switch-profile', 'CmdOrCtrl+Shift+P'),
        ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    { role: 'editMenu' },
    {
      label: '&Go',
      submenu: PAGES.map(([id, label], i) => command(label, id, `${isMac ? 'Cmd' : 'Alt'}+${i + 1}`)),
    },
    {
      label: '&View',
      submenu: [
        command('Toggle Theme', 'toggle-theme', 'CmdOrCtrl+Shift+L'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
      ],
    },
    ...(notifications ? [notificationsMenu(notifications)] : []),
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [command('Keyboard Shortcuts', 'keyboard-shortcuts', 'F1'), ...(isMac ? [] : [{ type: 'separator' } as const, about])],
    },
  ];
}
