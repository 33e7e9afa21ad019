// Which notifications each profile opted into, in `<data folder>/notifications.json`
// ({ "<profile id>": { urgentReports, backfills, oldestPendingHours } }). Everything is off until
// the user turns it on (Notifications menu). A damaged file counts as all off and is replaced on
// the next change.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { NOTIFICATIONS_OFF, notificationSettingsSchema, type NotificationSettings } from './urgent-work';

const fileSchema = z.record(z.string(), notificationSettingsSchema);

export class NotificationSettingsStore {
  private data: Record<string, NotificationSettings>;

  constructor(
    private readonly file: string,
    warn: (message: string) => void = () => undefined,
  ) {
    this.data = {};
    if (!existsSync(file)) return;
    try {
      this.data = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      warn(`${file} is damaged: notifications are off until they are set again`);
    }
  }

  get(profileId: string): NotificationSettings {
    return this.data[profileId] ?? NOTIFICATIONS_OFF;
  }

  set(profileId: string, settings: NotificationSettings): void {
    this.data = { ...this.data, [profileId]: notificationSettingsSchema.parse(settings) };
    writeFileSync(`${this.file}.tmp`, `${JSON.stringify(this.data, null, 2)}\n`, { mode: 0o600 });
    renameSync(`${this.file}.tmp`, this.file);
  }
}
