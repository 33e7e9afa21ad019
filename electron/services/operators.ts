// Who a console acts as: the operator recorded with every decision. One lookup for the
// console's embedded default and the CLI's --operator.
import { AdminError } from '../db/admin-error';
import type { AdminGateway } from '../db/admin-gateway';

/** The embedded demo workspace acts as its demo moderator until another operator is picked. */
export const DEMO_OPERATOR = 'ada_moderator';

/** The id of the active user with exactly this username, or null. */
export async function findOperatorId(gateway: AdminGateway, username: string): Promise<string | null> {
  const rows = (await gateway.call('admin_list_operators', { p_search: username, p_limit: 5 })) as { id: string; username: string }[];
  return rows.find((r) => r.username === username)?.id ?? null;
}

/** Staff roles an operator may hold (admin implies the others), for messages. */
export const STAFF_ROLE_NAMES = ['moderator', 'curator', 'admin'] as const;

export async function requireOperatorId(gateway: AdminGateway, username: string): Promise<string> {
  const id = await findOperatorId(gateway, username);
  // One sentence, whether the name is unknown, suspended or holds no role: the list cannot tell them apart, and the fix is the same.
  if (!id)
    throw new AdminError({
      code: 'operator_missing',
      message: `"${username}" is not an active staff member, so it cannot be the operator: pass the username of an active user holding a staff role (${STAFF_ROLE_NAMES.join(', ')}).`,
    });
  return id;
}
