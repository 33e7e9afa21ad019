// The Settings page's notification choices: the desktop app's per-profile store, edited through
// the notifications channels; never written to a profile the user switched away from; the browser
// shell, which has no native notifications, says so instead of pretending to save.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { notificationSettingsSchema } from '../../electron/api/notifications';
import { NotificationChoices } from '../../electron/services/notification-choices';
import { NotificationSettingsStore } from '../../electron/shells/electron/notification-settings';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup(store: boolean) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'magna-notify-'));
  dirs.push(dir);
  const state = { activeId: 'staging' as string | null };
  const connections = {
    list: () => ({
      profiles: [
        { id: 'local', name: 'Local workspace' },
        { id: 'staging', name: 'Staging' },
      ],
      activeId: state.activeId,
    }),
  } as unknown as ConstructorParameters<typeof NotificationChoices>[0];
  let changes = 0;
  const file = path.join(dir, 'notifications.json');
  const choices = new NotificationChoices(connections, store ? new NotificationSettingsStore(file) : null, () => changes++);
  return { choices, state, file, changes: () => changes };
}

describe('notification choices from Settings', () => {
  it('everything is off until chosen; a choice is kept for the active profile only, and the menu is rebuilt', () => {
    const s = setup(true);
    expect(s.choices.get()).toEqual({
      available: true,
      profileId: 'staging',
      profileName: 'Staging',
      settings: { urgentReports: false, backfills: false, oldestPendingHours: null },
    });
    s.choices.set('staging', { urgentReports: true, backfills: false, oldestPendingHours: 12 });
    expect(s.changes()).toBe(1);
    expect(JSON.parse(readFileSync(s.file, 'utf8'))).toEqual({ staging: { urgentReports: true, backfills: false, oldestPendingHours: 12 } });
    s.state.activeId = 'local';
    expect(s.choices.get().settings).toEqual({ urgentReports: false, backfills: false, oldestPendingHours: null });
  });

  it('refuses choices made for a profile the user has since switched away from, writing nothing', () => {
    const s = setup(true);
    s.state.activeId = 'local';
    expect(() => s.choices.set('staging', { urgentReports: true, backfills: true, oldestPendingHours: null })).toThrow(/active profile changed/);
    expect(s.changes()).toBe(0);
    expect(() => readFileSync(s.file)).toThrow();
  });

  it('in the browser shell, says native notifications are a desktop-app feature and saves nothing', () => {
    const s = setup(false);
    expect(s.choices.get()).toMatchObject({ available: false, profileId: 'staging' });
    expect(() => s.choices.set('staging', { urgentReports: true, backfills: false, oldestPendingHours: null })).toThrow(/desktop app/);
  });

  it('refuses an age of zero, a negative one or one over a year, and fields it does not know', () => {
    for (const bad of [{ oldestPendingHours: 0 }, { oldestPendingHours: -4 }, { oldestPendingHours: 9000 }, { urgentReports: true, sound: 'loud' }]) {
      expect(notificationSettingsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
