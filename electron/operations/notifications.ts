// The desktop app's notification choices for the active profile, edited from the Settings page
// (and the Notifications menu). The browser shell has no native notifications: it says so.
import { z } from 'zod';
import { notificationSettingsSchema, notificationStateSchema } from '../api/notifications';
import { serviceOperation } from './define-operation';

export const notificationsOperations = {
  'notifications:get': serviceOperation({
    role: null,
    input: z.object({}).strict(),
    output: notificationStateSchema,
    run: (s) => s.notifications.get(),
  }),
  'notifications:set': serviceOperation({
    role: null,
    // The profile the choices were made for: a switch in between is refused, never applied to the other profile.
    input: z.object({ profileId: z.string().min(1).max(100), settings: notificationSettingsSchema }).strict(),
    output: notificationStateSchema,
    run: (s, { profileId, settings }) => s.notifications.set(profileId, settings),
  }),
};
