// Users: search every user by name, username, e-mail or id; open one to see what they did and
// what was decided about them; suspend or reinstate. Admins also manage staff roles here.
import { useCallback, useEffect, useState } from 'react';
import { useHashParams } from '@/lib/use-hash-route';
import { StaffView } from './components/staff-view';
import { UserDetailPane } from './components/user-detail';
import { UserTable } from './components/user-table';

export function UsersPage({ production, profileName, canAdminister }: { production: boolean; profileName: string; canAdminister: boolean }) {
  const [params, setParams] = useHashParams();
  const tab = canAdminister && params.get('tab') === 'staff' ? 'staff' : 'users';
  const userId = params.get('user');
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced, setDebounced] = useState(search);
  useEffect(() => {
    const t = setTimeout(() => {
      setDebounced(search.trim());
      setParams({ q: search.trim() || null });
    }, 300);
    return () => clearTimeout(t);
  }, [search]); // eslint-disable-line react-hooks/exhaustive-deps -- debounce the search box only
  const open = useCallback((id: string) => setParams({ user: id, tab: null }), [setParams]);

  return (
    <section aria-labelledby="page-title">
      <div className="row page-head">
        <h1 id="page-title">Users</h1>
        {canAdminister ? (
          <div role="tablist" aria-label="Users views" className="tabs">
            {(['users', 'staff'] as const).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                aria-selected={tab === t}
                className={tab === t ? 'tab active' : 'tab'}
                onClick={() => setParams({ tab: t === 'users' ? null : t })}
              >
                {t === 'users' ? 'Users' : 'Staff'}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      {tab === 'staff' ? (
        <div role="tabpanel" aria-label="Staff">
          <StaffView onOpenUser={open} />
        </div>
      ) : (
        <div className="queue-layout" role={canAdminister ? 'tabpanel' : undefined} aria-label={canAdminister ? 'Users' : undefined}>
          <div className="queue-main">
            <div className="toolbar row">
              <label className="inline grow">
                <span className="visually-hidden">Search users</span>
                <input
                  type="search"
                  placeholder="Search by username, name, e-mail or id…"
                  value={search}
                  maxLength={200}
                  onChange={(e) => setSearch(e.target.value)}
                />
              </label>
            </div>
            <UserTable search={debounced} currentId={userId} onOpen={open} />
          </div>
          {userId ? (
            <UserDetailPane key={userId} userId={userId} canAdminister={canAdminister} production={production} profileName={profileName} />
          ) : (
            <div className="pane muted">Open a user to see their submissions, comments, reports and moderation history.</div>
          )}
        </div>
      )}
    </section>
  );
}
