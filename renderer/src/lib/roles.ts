// What the operator's staff roles allow in the UI, and how a refusal reads. Pure (no React, no
// calls), so it is unit-tested on its own; api/use-roles.ts reads the roles.
import type { StaffRoleName } from '@contract/users';

export type RolesState =
  | { status: 'loading' }
  /** No operator on the profile: nothing is hidden, and the app says so once, with a link to Settings. */
  | { status: 'no-operator'; message: string; hint: string | null }
  /** The roles could not be read (no console schema yet, database down): nothing is hidden; the pages say what failed. */
  | { status: 'unknown' }
  | { status: 'ready'; username: string | null; roles: StaffRoleName[]; effective: StaffRoleName[] };

/** What a known set of roles allows (admin implies all); unknown roles allow everything — the database decides. */
export function rolesAllow(state: RolesState, role: StaffRoleName | null): boolean {
  if (role === null || state.status !== 'ready') return true;
  return state.effective.includes(role);
}

/** "grace_moderator (moderator)", "sam (no staff role)". */
export function describeOperator(state: Extract<RolesState, { status: 'ready' }>): string {
  return `${state.username ?? 'this operator'} (${state.roles.length ? state.roles.join(', ') : 'no staff role'})`;
}

/** "Taxonomy needs the curator role; you are signed in as grace_moderator (moderator). An admin can grant it on the Users page." */
export function roleRequiredMessage(what: string, role: StaffRoleName, state: Extract<RolesState, { status: 'ready' }>, verb: string): string {
  return `${what} needs the ${role} role; you are ${verb} ${describeOperator(state)}. An admin can grant it on the Users page.`;
}
