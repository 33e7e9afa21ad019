// The desktop app's notifications of urgent work for the active profile (opt-in, per profile):
// urgent reports, the oldest pending video waiting longer than an age the admin sets, backfills
// that finished or failed. The same choices as the Notifications menu. The browser shell has no
// native notifications: it says so, and where to get them.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { NOTIFICATIONS_OFF, PENDING_AGE_CHOICES_HOURS, type NotificationSettings as Choices } from '@contract/notifications';
import { channelQuery, useChannelMutation } from '@/api/queries';
import { ErrorAlert } from '@/components/error-alert';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormField } from '@/components/form-field';
import { useToasts } from '@/components/toasts';

const hours = (h: number) => (h % 24 === 0 ? `${h / 24} day${h === 24 ? '' : 's'}` : `${h} hour${h === 1 ? '' : 's'}`);

export function NotificationSettings() {
  const state = useQuery(channelQuery('notifications:get', {}));
  const save = useChannelMutation('notifications:set', { invalidates: ['notifications:get'] });
  const toasts = useToasts();
  const react = useErrorReaction();
  // A custom age, typed in hours, when none of the choices fits.
  const [custom, setCustom] = useState('');

  if (state.error) return <ErrorAlert error={state.error} title="Could not load the notification choices" />;
  if (!state.data) return null;
  const { available, profileId, profileName } = state.data;
  if (!available) {
    return (
      <p className="muted">
        Native notifications of urgent work (copyright reports, an overdue pending queue, finished backfills) are a feature of the desktop app. This
        browser shell shows them in its pages only.
      </p>
    );
  }
  if (!profileId) return <p className="muted">Choose a profile above to set its notifications.</p>;
  const settings = state.data.settings;
  const change = (next: Partial<Choices>) =>
    save.mutate(
      { profileId, settings: { ...NOTIFICATIONS_OFF, ...settings, ...next } },
      { onSuccess: () => toasts.push({ kind: 'success', message: 'Notification choices saved.' }), onError: (e) => react(e) },
    );
  const ageValue = settings.oldestPendingHours === null ? '' : String(settings.oldestPendingHours);
  const isChoice = settings.oldestPendingHours === null || (PENDING_AGE_CHOICES_HOURS as readonly number[]).includes(settings.oldestPendingHours);

  return (
    <fieldset className="card" disabled={save.isPending}>
      <legend>Notifications for {profileName}</legend>
      <p className="muted small">
        Shown while the console window is in the background, at most one a minute of each kind; clicking one opens the item.
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={settings.urgentReports} onChange={(e) => change({ urgentReports: e.target.checked })} /> Urgent reports
        (copyright)
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={settings.backfills} onChange={(e) => change({ backfills: e.target.checked })} /> Backfills finished, failed or
        cancelled
      </label>
      <div className="row">
        <FormField id="notify-pending-age" label="Oldest pending video waiting over" inline>
          {(c) => (
            <select
              {...c}
              value={isChoice ? ageValue : 'custom'}
              onChange={(e) => e.target.value !== 'custom' && change({ oldestPendingHours: e.target.value ? Number(e.target.value) : null })}
            >
              <option value="">Off</option>
              {PENDING_AGE_CHOICES_HOURS.map((h) => (
                <option key={h} value={h}>
                  {hours(h)}
                </option>
              ))}
              {!isChoice ? <option value="custom">{hours(settings.oldestPendingHours ?? 0)}</option> : null}
            </select>
          )}
        </FormField>
        <FormField id="notify-pending-custom" label="or hours" inline>
          {(c) => (
            <input
              {...c}
              type="number"
              min={1}
              max={8760}
              step={1}
              inputMode="numeric"
              value={custom}
              onChange={(e) => setCustom(e.target.value)}
              style={{ width: 90 }}
            />
          )}
        </FormField>
        <button
          type="button"
          className="btn small"
          disabled={!(Number(custom) >= 1 && Number(custom) <= 8760)}
          onClick={() => {
            change({ oldestPendingHours: Number(custom) });
            setCustom('');
          }}
        >
          Set
        </button>
      </div>
    </fieldset>
  );
}
