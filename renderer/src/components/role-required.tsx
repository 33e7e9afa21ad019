// What a page the operator's role cannot use shows instead (reached by a link, the native menu or
// a bookmark): which role it needs, who the operator is, and who can change that. The database
// refuses the calls anyway; this says why before the first one fails.
import type { StaffRoleName } from '@contract/users';
import { roleRequiredMessage, type RolesState } from '@/lib/roles';

const article = (role: StaffRoleName) => (role === 'admin' ? 'an' : 'a');

export function RoleRequired({
  what,
  role,
  state,
  verb,
}: {
  what: string;
  role: StaffRoleName;
  state: Extract<RolesState, { status: 'ready' }>;
  /** "signed in as" (Supabase Auth) or "acting as" (a chosen operator). */
  verb: string;
}) {
  return (
    <section aria-labelledby="role-required-title" className="card">
      <h1 id="role-required-title">{what}</h1>
      <p>{roleRequiredMessage(what, role, state, verb)}</p>
      <p className="muted">
        Or act as {article(role)} {role} in <a href="#/settings">Settings</a> (Operator).
      </p>
    </section>
  );
}
