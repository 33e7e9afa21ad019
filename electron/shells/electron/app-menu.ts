// The native menu: the console's own commands (the command palette's), sent to the page on the
// app event channel — pages (Alt+1…6; ⌘1…6 on macOS), command palette, search, reload data,
// switch profile, toggle theme, keyboard shortcuts, About — plus the platform's edit, view and
// window menus. The page runs each command as the palette does (renderer/src/app/app.tsx).
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../api/events';

const PAGES: [AppCommand, string][] = [
  ['go-moderation', 'Moderation'], ['go-taxonomy', 'Taxonomy'], ['go-graph', 'Graph'],
  ['go-embeddings', 'Embeddings'], ['go-migrations', 'Migrations'], ['go-settings', 'Settings'],
];

export type MenuOptions = {
  appName: string;
  /** macOS: the app menu, ⌘-digit page keys, About in the app menu. */
  isMac: boolean;
  /** Runs a console command in the window (opening one if there is none). */
  run: (command: AppCommand) => void;
};

export function menuTemplate({ appName, isMac, run }: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, id: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    id, label, ...(accelerator ? { accelerator } : {}), click: () => run(id),
  });
  const about = command(`About ${appName}`, 'about');
  return [
    ...(isMac
      ? [{
        label: appName,
        submenu: [about, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
      } satisfies MenuItemConstructorOptions]
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
        { role: 'togglefullscreen' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [command('Keyboard Shortcuts', 'keyboard-shortcuts', 'F1'), ...(isMac ? [] : [{ type: 'separator' } as const, about])],
    },
  ];
}
