import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_COMMANDS, type AppCommand } from '../../electron/api/events';
import { menuTemplate } from '../../electron/shells/electron/app-menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
}

describe.each([false, true])('the native menu (macOS: %s)', (isMac) => {
  const ran: AppCommand[] = [];
  const changes: unknown[] = [];
  const settings = { urgentReports: false, backfills: true, oldestPendingHours: 4 };
  const template = menuTemplate({
    appName: 'Magna Galactica Console',
    isMac,
    run: (c) => ran.push(c),
    notifications: { profileName: 'Local workspace', settings, change: (s) => changes.push(s) },
  });
  const commands = items(template).filter((i) => i.click && !i.id?.startsWith('notify-'));

  it('has every console command exactly once, each running its own', () => {
    expect(commands.map((i) => i.id).sort()).toEqual([...APP_COMMANDS].sort());
    ran.length = 0;
    for (const item of commands) (item.click as () => void)();
    expect(ran).toEqual(commands.map((i) => i.id));
  });

  it('gives the pages Alt+1…9 (⌘1…9 on macOS) and the palette Ctrl/Cmd-K', () => {
    const accel = Object.fromEntries(commands.map((i) => [i.id, i.accelerator]));
    const mod = isMac ? 'Cmd' : 'Alt';
    expect([
      accel['go-dashboard'],
      accel['go-moderation'],
      accel['go-taxonomy'],
      accel['go-graph'],
      accel['go-embeddings'],
      accel['go-migrations'],
      accel['go-activity'],
      accel['go-users'],
      accel['go-settings'],
    ]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${mod}+${n}`));
    expect(accel['command-palette']).toBe('CmdOrCtrl+K');
    const all = commands.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(all).size).toBe(all.length);
  });

  it("has the active profile's notification choices, each changing only its own", () => {
    const byId = Object.fromEntries(
      items(template)
        .filter((i) => i.id?.startsWith('notify-'))
        .map((i) => [i.id, i]),
    );
    expect(byId['notify-urgent-reports']).toMatchObject({ type: 'checkbox', checked: false });
    expect(byId['notify-backfills']).toMatchObject({ type: 'checkbox', checked: true });
    expect(byId['notify-pending-4']).toMatchObject({ type: 'radio', checked: true, label: '4 hours' });
    expect(byId['notify-pending-72']).toMatchObject({ label: '3 days', checked: false });
    for (const id of ['notify-urgent-reports', 'notify-backfills', 'notify-pending-off', 'notify-pending-24']) (byId[id]!.click as () => void)();
    expect(changes).toEqual([
      { ...settings, urgentReports: true },
      { ...settings, backfills: false },
      { ...settings, oldestPendingHours: null },
      { ...settings, oldestPendingHours: 24 },
    ]);
  });

  it('keeps the platform menus (edit, window; quit)', () => {
    const roles = items(template)
      .map((i) => i.role)
      .filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'quit']));
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('toggleDevTools');
    if (isMac) expect(template[0]!.label).toBe('Magna Galactica Console');
  });
});
