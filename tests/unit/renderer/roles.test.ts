// What the UI shows for the operator's roles: a role the operator lacks hides what needs it, admin
// implies every role, unknown roles (no schema yet, database down) hide nothing — the database
// stays the judge — and a page reached anyway says which role it needs and who can grant it.
import { describe, expect, it } from 'vitest';
import { contract } from '../../../electron/api/contract';
import { roleRequiredMessage, rolesAllow, type RolesState } from '../../../renderer/src/lib/roles';

const ready = (roles: ('moderator' | 'curator' | 'admin')[], username = 'someone'): Extract<RolesState, { status: 'ready' }> => ({
  status: 'ready',
  username,
  roles,
  effective: roles.includes('admin') ? ['moderator', 'curator', 'admin'] : roles,
});

describe('role-aware UI', () => {
  it('a curator is not offered moderation, users, backfills, migrations or staff; taxonomy and the graph are theirs', () => {
    const hedy = ready(['curator']);
    expect(rolesAllow(hedy, 'curator')).toBe(true);
    expect(rolesAllow(hedy, 'moderator')).toBe(false);
    expect(rolesAllow(hedy, 'admin')).toBe(false);
    expect(rolesAllow(hedy, contract['taxonomy:tags'].role)).toBe(true);
    expect(rolesAllow(hedy, contract['graph:neighbourhood'].role)).toBe(true);
    for (const channel of ['moderation:queue', 'users:page', 'users:set-active', 'staff:grant', 'migrations:up', 'embeddings:start'] as const) {
      expect(rolesAllow(hedy, contract[channel].role), channel).toBe(false);
    }
  });

  it('admin implies every role; a plain user is offered only what needs none (settings, their own roles)', () => {
    const ada = ready(['admin']);
    for (const op of Object.values(contract)) expect(rolesAllow(ada, op.role)).toBe(true);
    const plain = ready([]);
    expect(rolesAllow(plain, contract['staff:my-roles'].role)).toBe(true);
    expect(rolesAllow(plain, contract['connections:set-operator'].role)).toBe(true);
    expect(rolesAllow(plain, 'moderator')).toBe(false);
  });

  it('hides nothing while the roles are unknown: the database refuses what the role cannot do', () => {
    for (const state of [{ status: 'loading' }, { status: 'unknown' }, { status: 'no-operator', message: 'm', hint: null }] as RolesState[]) {
      expect(rolesAllow(state, 'admin')).toBe(true);
    }
  });

  it('says which role a page needs, who the operator is, and who can grant it', () => {
    expect(roleRequiredMessage('Taxonomy', 'curator', ready(['moderator'], 'grace_moderator'), 'signed in as')).toBe(
      'Taxonomy needs the curator role; you are signed in as grace_moderator (moderator). An admin can grant it on the Users page.',
    );
    expect(roleRequiredMessage('Migrations', 'admin', ready([], 'sam'), 'acting as')).toBe(
      'Migrations needs the admin role; you are acting as sam (no staff role). An admin can grant it on the Users page.',
    );
  });
});
