// Who the active profile acts as: every moderation action records this user as its operator.
import { useEffect, useId, useState } from 'react';
import type { Profile } from '@contract/connections';
import { ErrorAlert } from '@/components/error-alert';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { useToasts } from '@/components/toasts';
import { useOperators } from '../api/get-connections';
import { useSetOperator } from '../api/mutate-connections';

export function OperatorPicker({ profile }: { profile: Profile }) {
  // Unique ids: the picker appears on the Settings page and in the first-load prompt at once.
  const uid = useId();
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setDebounced(search), 250);
    return () => clearTimeout(t);
  }, [search]);
  const operators = useOperators(debounced);
  const toasts = useToasts();
  const react = useErrorReaction();
  const set = useSetOperator();
  const choose = (operatorId: string | null) =>
    set.mutate(
      { id: profile.id, operatorId },
      {
        onSuccess: () => toasts.push({ kind: 'success', message: 'Operator saved.' }),
        onError: (e) => react(e),
      },
    );
  const current = operators.data?.find((o) => o.id === profile.operatorId);

  return (
    <div className="card">
      <p>
        Moderation actions on <strong>{profile.name}</strong> are recorded as{' '}
        {profile.operatorId ? (
          <strong>{current ? `@${current.username}` : profile.operatorId}</strong>
        ) : profile.kind === 'embedded' ? (
          <strong>@ada_moderator (the demo moderator)</strong>
        ) : (
          <strong className="error-text">nobody yet — pick an operator</strong>
        )}
        .
      </p>
      {operators.error ? <ErrorAlert error={operators.error} title="Could not list users" /> : null}
      <div className="row">
        <label className="visually-hidden" htmlFor={`${uid}-search`}>
          Search users
        </label>
        <input id={`${uid}-search`} type="search" placeholder="Search users…" value={search} onChange={(e) => setSearch(e.target.value)} />
        <label className="visually-hidden" htmlFor={`${uid}-select`}>
          Operator
        </label>
        <select id={`${uid}-select`} value={profile.operatorId ?? ''} onChange={(e) => choose(e.target.value || null)}>
          <option value="">{profile.kind === 'embedded' ? 'Demo default' : 'Choose…'}</option>
          {(operators.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              @{o.username}
              {o.display_name ? ` — ${o.display_name}` : ''}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
