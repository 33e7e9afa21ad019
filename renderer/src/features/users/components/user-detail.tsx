// One user: who they are, what they submitted, wrote and reported, what was reported of theirs,
// the moderation decisions on them and by them; suspend or reinstate with a reason; for admins,
// their staff roles (grant, revoke, each with a reason) and the history of those.
import { useState, type ReactNode } from 'react';
import { STAFF_ROLES, type StaffRoleName, type UserDetail } from '@contract/users';
import { ErrorAlert } from '@/components/error-alert';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormField } from '@/components/form-field';
import { useToasts } from '@/components/toasts';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useGrantRole, useRevokeRole, useSetUserActive } from '../api/users-mutations';
import { useUserDetail } from '../api/users-queries';
import { ReasonDialog } from './reason-dialog';

type Decision = { kind: 'suspend' } | { kind: 'reinstate' } | { kind: 'grant'; role: StaffRoleName } | { kind: 'revoke'; role: StaffRoleName };

function List<T>({ title, items, empty, render }: { title: string; items: T[]; empty: string; render: (item: T) => ReactNode }) {
  return (
    <section className="pane-section" aria-label={title}>
      <h3>{title}</h3>
      {items.length ? <ul className="plain-list">{items.map(render)}</ul> : <p className="muted">{empty}</p>}
    </section>
  );
}

export function UserDetailPane(props: { userId: string; canAdminister: boolean; production: boolean; profileName: string }) {
  const detail = useUserDetail(props.userId);
  if (detail.error) return <ErrorAlert error={detail.error} title="Could not load the user" />;
  if (!detail.data) return <p className="muted">Loading the user…</p>;
  return <UserDetailView {...props} data={detail.data} />;
}

function UserDetailView({
  data,
  canAdminister,
  production,
  profileName,
}: {
  data: UserDetail;
  canAdminister: boolean;
  production: boolean;
  profileName: string;
}) {
  const { user } = data;
  const [decision, setDecision] = useState<Decision | null>(null);
  const [grantRole, setGrantRole] = useState<StaffRoleName | ''>('');
  const setActive = useSetUserActive();
  const grant = useGrantRole();
  const revoke = useRevokeRole();
  const toasts = useToasts();
  const react = useErrorReaction();
  const isStaff = user.roles.length > 0;
  // Staff are suspended by an admin only (the database refuses a moderator); say so rather than offer it.
  const canSuspend = !isStaff || canAdminister;
  const grantable = STAFF_ROLES.filter((r) => !user.roles.includes(r));

  const decide = (d: Decision, reason: string, typed: string) => {
    const confirm = typed || undefined;
    const retry = (again: string) => decide(d, reason, again);
    if (d.kind === 'suspend' || d.kind === 'reinstate') {
      const active = d.kind === 'reinstate';
      setActive.mutate(
        { userId: user.id, active, expectedActive: !active, reason: reason || undefined, confirm },
        {
          onSuccess: () => toasts.push({ kind: 'success', message: `${user.username} is ${active ? 'reinstated' : 'suspended'}.` }),
          onError: (e) => react(e, { retry }),
        },
      );
    } else {
      const mutation = d.kind === 'grant' ? grant : revoke;
      mutation.mutate(
        { userId: user.id, role: d.role, reason, confirm },
        {
          onSuccess: (r) => {
            toasts.push({
              kind: 'success',
              message: `${d.kind === 'grant' ? 'Granted' : 'Revoked'} ${d.role} ${d.kind === 'grant' ? 'to' : 'from'} ${r.username}; roles now: ${r.roles.join(', ') || 'none'}.`,
            });
            setGrantRole('');
          },
          onError: (e) => react(e, { retry }),
        },
      );
    }
  };

  const title = (d: Decision) =>
    d.kind === 'suspend'
      ? `Suspend ${user.username}?`
      : d.kind === 'reinstate'
        ? `Reinstate ${user.username}?`
        : d.kind === 'grant'
          ? `Grant ${d.role} to ${user.username}?`
          : `Revoke ${d.role} from ${user.username}?`;

  return (
    <div className="pane" aria-label={`User ${user.username}`}>
      <h2 className="pane-title">
        @{user.username} {user.display_name ? <span className="muted">— {user.display_name}</span> : null}
      </h2>
      <p>
        {user.is_active ? <span className="badge applied">active</span> : <span className="badge modified">suspended</span>}{' '}
        {user.roles.map((r) => (
          <span key={r} className="badge unknown">
            {r}
          </span>
        ))}
      </p>
      <p className="muted small">
        {user.email} · <span className="mono">{user.id}</span>
        {user.created_at ? ` · joined ${formatDateTime(user.created_at)}` : ''}
        {user.last_login_at ? ` · last sign-in ${formatDateTime(user.last_login_at)}` : ''}
      </p>
      {user.bio ? <p className="description">{user.bio}</p> : null}
      <p className="muted small">
        {formatNumber(data.counts.submissions)} submission(s) · {formatNumber(data.counts.comments)} comment(s) ·{' '}
        {formatNumber(data.counts.reports_filed)} report(s) filed
      </p>
      <div className="row actions">
        {canSuspend ? (
          user.is_active ? (
            <button type="button" className="btn danger" disabled={setActive.isPending} onClick={() => setDecision({ kind: 'suspend' })}>
              Suspend…
            </button>
          ) : (
            <button type="button" className="btn" disabled={setActive.isPending} onClick={() => setDecision({ kind: 'reinstate' })}>
              Reinstate…
            </button>
          )
        ) : (
          <span className="muted small">{user.username} is staff: only an admin can suspend or reinstate them.</span>
        )}
      </div>

      {canAdminister ? (
        <section className="pane-section" aria-label="Staff roles">
          <h3>Staff roles</h3>
          {user.roles.length ? (
            <ul className="plain-list">
              {user.roles.map((r) => (
                <li key={r} className="row">
                  <span>{r}</span>
                  <button
                    type="button"
                    className="btn small"
                    onClick={() => setDecision({ kind: 'revoke', role: r })}
                    aria-label={`Revoke ${r} from ${user.username}`}
                  >
                    Revoke…
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No staff role. Grant one to let {user.username} moderate, curate or administer.</p>
          )}
          {grantable.length && user.is_active ? (
            <div className="row">
              <FormField id="grant-role" label="Grant role" inline>
                {(c) => (
                  <select {...c} value={grantRole} onChange={(e) => setGrantRole(e.target.value as StaffRoleName | '')}>
                    <option value="">Choose…</option>
                    {grantable.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <button
                type="button"
                className="btn"
                disabled={grantRole === ''}
                onClick={() => grantRole && setDecision({ kind: 'grant', role: grantRole })}
              >
                Grant…
              </button>
            </div>
          ) : !user.is_active ? (
            <p className="muted small">Reinstate {user.username} before granting a role.</p>
          ) : null}
        </section>
      ) : null}

      <List
        title="Submissions"
        items={data.submissions}
        empty="No submissions."
        render={(v) => (
          <li key={v.id}>
            <a href={`#/video/${v.id}`}>{v.title}</a> <span className={`badge status-${v.status}`}>{v.status}</span>
          </li>
        )}
      />
      <List
        title="Comments"
        items={data.comments}
        empty="No comments."
        render={(c) => (
          <li key={c.id}>
            <span className={c.is_deleted ? 'muted' : undefined}>{c.content}</span>{' '}
            <span className="muted small">
              on <a href={`#/video/${c.video_id}`}>{c.video_title}</a>
              {c.is_deleted ? ' · removed' : ''}
            </span>
          </li>
        )}
      />
      <List
        title="Reports filed"
        items={data.reports_filed}
        empty="No reports filed."
        render={(r) => (
          <li key={r.id}>
            {r.reason} on a {r.target_type} · {r.status} <span className="muted small">{r.created_at ? formatDateTime(r.created_at) : ''}</span>
          </li>
        )}
      />
      <List
        title="Reports received"
        items={data.reports_received}
        empty="Nothing of theirs was reported."
        render={(r) => (
          <li key={r.id}>
            {r.reason} on their {r.target_type} by @{r.reporter} · {r.status}
          </li>
        )}
      />
      <List
        title="Moderation of this user"
        items={data.history_as_subject}
        empty="No decisions on this user or what they wrote."
        render={(h) => (
          <li key={h.id}>
            {h.action.replace(/_/g, ' ')} ({h.target_type}) by @{h.operator}
            {h.reason ? ` — ${h.reason}` : ''} <span className="muted small">{formatDateTime(h.at)}</span>
          </li>
        )}
      />
      <List
        title="Moderation by this user"
        items={data.history_as_operator}
        empty="No moderation decisions taken."
        render={(h) => (
          <li key={h.id}>
            {h.action.replace(/_/g, ' ')} ({h.target_type}){h.reason ? ` — ${h.reason}` : ''}{' '}
            <span className="muted small">{formatDateTime(h.at)}</span>
          </li>
        )}
      />
      {data.staff_history ? (
        <List
          title="Staff role changes"
          items={data.staff_history}
          empty="No staff role was ever granted or revoked."
          render={(h) => (
            <li key={h.id}>
              {h.action} {h.role} by @{h.operator}
              {h.reason ? ` — ${h.reason}` : ''} <span className="muted small">{formatDateTime(h.at)}</span>
            </li>
          )}
        />
      ) : null}

      <ReasonDialog
        open={decision !== null}
        title={decision ? title(decision) : ''}
        confirmLabel={decision ? { suspend: 'Suspend', reinstate: 'Reinstate', grant: 'Grant role', revoke: 'Revoke role' }[decision.kind] : ''}
        danger={decision?.kind === 'suspend' || decision?.kind === 'revoke'}
        reasonRequired={decision?.kind !== 'reinstate'}
        typeToConfirm={production ? profileName : null}
        onClose={() => setDecision(null)}
        onConfirm={(reason, typed) => {
          const d = decision!;
          setDecision(null);
          decide(d, reason, typed);
        }}
      >
        {decision?.kind === 'suspend' ? <p>{user.username} can no longer comment, submit, vote or report until reinstated.</p> : null}
        {decision?.kind === 'grant' ? <p>The change is recorded in the staff history.</p> : null}
      </ReasonDialog>
    </div>
  );
}
