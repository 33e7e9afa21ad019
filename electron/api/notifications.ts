// The desktop app's notification choices, per profile: urgent reports, the oldest pending item
// passing an age the admin sets, backfills finished or failed. Everything is off until chosen.
import { z } from 'zod';

export const PENDING_AGE_CHOICES_HOURS = [1, 4, 12, 24, 72] as const;

export const notificationSettingsSchema = z
  .object({
    urgentReports: z.boolean().default(false),
    backfills: z.boolean().default(false),
    oldestPendingHours: z
      .number()
      .positive('The age is a number of hours above 0.')
      .max(24 * 365, 'Keep the age under a year (8,760 hours).')
      .nullable()
      .default(null),
  })
  .strict();
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;
export const NOTIFICATIONS_OFF: NotificationSettings = { urgentReports: false, backfills: false, oldestPendingHours: null };

export const notificationStateSchema = z.object({
  /** False in the browser shell: native notifications are a desktop-app feature. */
  available: z.boolean(),
  profileId: z.string().nullable(),
  profileName: z.string().nullable(),
  settings: notificationSettingsSchema,
});
export type NotificationState = z.infer<typeof notificationStateSchema>;
