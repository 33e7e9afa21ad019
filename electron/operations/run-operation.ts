// Runs operations: the handlers both shells serve, and the typed `invoke` the CLI and tests use.
// An SQL operation is one admin function called through the session's gateway (with the
// operator where it records one); a service operation calls its service. The production
// confirmation is checked here, for every operation that declares it.
import type { z } from 'zod';
import { AdminError } from '../db/admin-error';
import type { AdminGateway } from '../db/admin-gateway';
import { requireConfirmation, type DatabaseSession } from '../services/session';
import { snakeArgs, type Operation } from './define-operation';
import { operations, type Operations } from './registry';
import type { Services } from './services';

export type Channel = keyof Operations;
type InputOf<C extends Channel> = z.output<Operations[C]['input']>;

/** Each channel's handler: takes the parsed input; its result is parsed by handle(). */
export type Handlers = { [C in Channel]: (input: InputOf<C>) => Promise<unknown> };

function confirmFirst(op: Operation, input: unknown, session: DatabaseSession): void {
  if (op.confirm) requireConfirmation(session.profile(), (input as { confirm?: string }).confirm, op.confirm);
}

type SqlOp = Extract<Operation, { kind: 'sql' }>;

export async function callSqlOperation(op: SqlOp, input: unknown, session: DatabaseSession): Promise<unknown> {
  const args = op.args ? op.args(input as never) : snakeArgs(input as object);
  const gateway = await session.gateway();
  const call = op.operator ? { p_operator: await operatorFor(session, gateway), ...args } : args;
  const raw = await gateway.call(op.fn, call);
  return op.result ? op.result(raw, input as never) : raw;
}

/**
 * The operator an admin function records. Without one (nobody signed in, none picked), a database
 * the console cannot even reach is named first: it is the problem to fix before signing in. The
 * probe is the operator picker's own light query, which needs no operator.
 */
async function operatorFor(session: DatabaseSession, gateway: AdminGateway): Promise<string> {
  try {
    return await session.operatorId();
  } catch (missing) {
    await gateway.call('admin_list_operators', { p_search: '', p_limit: 1 });
    throw missing;
  }
}

export function createHandlers(services: Services, session: DatabaseSession): Handlers {
  const entries = Object.entries(operations as Record<string, Operation>).map(([channel, op]) => [
    channel,
    async (input: unknown) => {
      confirmFirst(op, input, session);
      return op.kind === 'sql' ? callSqlOperation(op, input, session) : op.run(services, input as never);
    },
  ]);
  return Object.fromEntries(entries) as Handlers;
}

/**
 * One SQL operation, typed end to end, with its input and output checked: for the CLI, which
 * has a database but none of the console's services.
 */
export async function invokeSql<C extends Channel>(
  channel: C,
  input: z.input<Operations[C]['input']>,
  session: DatabaseSession,
): Promise<z.output<Operations[C]['output']>> {
  const op = operations[channel] as Operation;
  if (op.kind !== 'sql') throw new AdminError({ code: 'not_available', message: `${channel} needs the console app.` });
  const parsed: unknown = op.input.parse(input);
  confirmFirst(op, parsed, session);
  return op.output.parse(await callSqlOperation(op, parsed, session)) as z.output<Operations[C]['output']>;
}
