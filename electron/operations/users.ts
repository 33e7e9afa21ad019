// Users and staff: the operator's own roles (which the UI reflects; the database enforces them),
// the Users page (search, a user's detail, suspend and reinstate), and staff roles (list,
// history, grant, revoke — admins only, each change audited).
import { z } from 'zod';
import * as U from '../api/users';
import { snakeArgs, sqlOperation, text } from './define-operation';

const none = z.object({}).strict();

export const usersOperations = {
  'staff:my-roles': sqlOperation({
    fn: 'admin_my_roles',
    // Any active user may ask (a plain user learns they hold none).
    role: null,
    operator: true,
    input: none,
    output: U.myRolesSchema,
  }),
  'staff:list': sqlOperation({ fn: 'admin_list_staff', role: 'admin', operator: true, input: none, output: z.array(U.staffMemberSchema) }),
  'staff:history': sqlOperation({
    fn: 'admin_staff_history',
    role: 'admin',
    operator: true,
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(U.staffHistoryRowSchema),
  }),
  'staff:grant': sqlOperation({
    fn: 'admin_grant_staff_role',
    role: 'admin',
    operator: true,
    confirm: 'grant a staff role',
    input: U.changeRoleSchema,
    output: U.roleChangeResultSchema,
  }),
  'staff:revoke': sqlOperation({
    fn: 'admin_revoke_staff_role',
    role: 'admin',
    operator: true,
    confirm: 'revoke a staff role',
    input: U.changeRoleSchema,
    output: U.roleChangeResultSchema,
  }),
  'users:page': sqlOperation({
    fn: 'admin_user_page',
    role: 'moderator',
    operator: true,
    input: U.userPageInputSchema,
    output: U.userPageSchema,
    args: (i) => snakeArgs({ ...i, search: text(i.search) }),
  }),
  'users:detail': sqlOperation({
    fn: 'admin_user_detail',
    role: 'moderator',
    operator: true,
    input: z.object({ userId: z.string().uuid('Not a valid id.') }).strict(),
    output: U.userDetailSchema,
  }),
  'users:set-active': sqlOperation({
    fn: 'admin_set_user_active',
    role: 'moderator',
    operator: true,
    confirm: 'suspend or reinstate a user',
    input: U.setActiveSchema,
    output: z.object({ id: z.string(), is_active: z.boolean(), audit_id: z.number() }),
    args: (i) => snakeArgs({ ...i, reason: text(i.reason) }),
  }),
};
