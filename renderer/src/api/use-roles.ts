// The operator's staff roles, as the database says (staff:my-roles), and what the UI shows for
// them: pages, nav items, palette commands and buttons the role cannot use are hidden, and a page
// reached anyway says which role it needs. The database stays the enforcer; this only reflects it.
//
// Read again whenever the active profile, its operator or its signed-in user changes (they are
// part of the key), so a switch never shows the previous operator's pages.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Channel } from '@contract/channels';
import { contract } from '@contract/contract';
import type { StaffRoleName } from '@contract/users';
import { rolesAllow, type RolesState } from '@/lib/roles';
import { toErrorShape } from './error-reactions';
import { channelQuery } from './queries';

/** Codes of a missing operator: nobody picked, nobody signed in. */
const NO_OPERATOR = new Set(['operator_missing', 'operator_required', 'sign_in_required']);

export type Roles = {
  state: RolesState;
  /** Whether the operator may use what needs `role` (null: needs none). True unless the roles are known to lack it. */
  can: (role: StaffRoleName | null) => boolean;
  /** Whether the operator may call `channel`, by the role its operation declares. */
  canUse: (channel: Channel) => boolean;
};

export function useRoles(): Roles {
  const connections = useQuery(channelQuery('connections:list', {}));
  const active = connections.data?.profiles.find((p) => p.id === connections.data?.activeId);
  const who = active ? [active.id, active.operatorId ?? '', active.signedInAs ?? ''] : null;
  const base = channelQuery('staff:my-roles', {}, { retry: false, staleTime: 60_000 });
  const roles = useQuery({ ...base, queryKey: [...base.queryKey, ...(who ?? [])] as unknown as typeof base.queryKey, enabled: who !== null });

  return useMemo<Roles>(() => {
    let state: RolesState;
    if (roles.data) state = { status: 'ready', username: roles.data.username, roles: roles.data.roles, effective: roles.data.effective };
    else if (roles.error) {
      const e = toErrorShape(roles.error);
      state = NO_OPERATOR.has(e.code) ? { status: 'no-operator', message: e.message, hint: e.hint } : { status: 'unknown' };
    } else state = { status: 'loading' };
    return {
      state,
      can: (role) => rolesAllow(state, role),
      canUse: (channel) => rolesAllow(state, contract[channel].role),
    };
  }, [roles.data, roles.error]);
}
