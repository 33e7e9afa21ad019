// The notification choices of the active profile, for the Settings page. The desktop app keeps
// them (its NotificationSettingsStore); a shell without native notifications has no store, and
// the page says notifications are a desktop-app feature.
import { AdminError } from '../db/admin-error';
import { NOTIFICATIONS_OFF, type NotificationSettings, type NotificationState } from '../api/notifications';
import type { ConnectionService } from './connections/connection-service';

/** Where the choices are kept: one record per profile id. */
export type NotificationChoicesStore = { get(profileId: string): NotificationSettings; set(profileId: string, settings: NotificationSettings): void };

export class NotificationChoices {
  constructor(
    private readonly connections: Pick<ConnectionService, 'list'>,
    private readonly store: NotificationChoicesStore | null,
    /** Called after a change (the desktop app rebuilds its Notifications menu). */
    private readonly changed: () => void = () => undefined,
  ) {}

  get(): NotificationState {
    const { profiles, activeId } = this.connections.list();
    const active = profiles.find((p) => p.id === activeId) ?? null;
    return {
      available: this.store !== null,
      profileId: active?.id ?? null,
      profileName: active?.name ?? null,
      settings: active && this.store ? this.store.get(active.id) : NOTIFICATIONS_OFF,
    };
  }

  set(profileId: string, settings: NotificationSettings): NotificationState {
    if (!this.store) {
      throw new AdminError({
        code: 'not_available',
        message: 'Native notifications are a feature of the desktop app.',
        hint: 'Run the console as the desktop app to be notified of urgent work.',
      });
    }
    // Choices made for one profile never land on another the user switched to meanwhile.
    if (this.connections.list().activeId !== profileId) {
      throw new AdminError({
        code: 'profile_changed',
        message: 'The active profile changed since these choices were shown.',
        hint: 'Look at the notification choices of the active profile and save again.',
      });
    }
    this.store.set(profileId, settings);
    this.changed();
    return this.get();
  }
}
