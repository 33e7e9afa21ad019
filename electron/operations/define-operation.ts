// What one console operation is: its channel's input and output schemas, the staff role it
// needs, and how it runs — one admin SQL function with its argument mapping, or a service for
// work that is more than one call. The channel list, the contract, the handlers of both shells,
// the CLI and the renderer's typed calls all derive from these descriptors.
//
// This module and the descriptors import no runtime code from the main process (services are
// type-only imports), so the renderer can import the contract derived from them.
import type { z } from 'zod';
import type { Services } from './services';

/** Staff roles; admin implies every other. `null`: a local console setting, not a database action. */
export type StaffRole = 'moderator' | 'curator' | 'admin';

type Common<I extends z.ZodType, O extends z.ZodType> = {
  input: I;
  output: O;
  role: StaffRole | null;
  /**
   * Destructive: on a production profile the profile's name must be typed (the input's
   * `confirm`). The phrase completes "type its name to …".
   */
  confirm?: string;
};

export type SqlOperation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = Common<I, O> & {
  kind: 'sql';
  /** The admin function in schema public. */
  fn: `admin_${string}`;
  /** Passes the profile's operator as `p_operator`. */
  operator: boolean;
  /** The function's named arguments; default: every input field as `p_snake_case` ({@link snakeArgs}). */
  args?: (input: z.output<I>) => Record<string, unknown>;
  /** Shapes the function's result when it is not already the output (e.g. a void function). */
  result?: (raw: unknown, input: z.output<I>) => unknown;
};

export type ServiceOperation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = Common<I, O> & {
  kind: 'service';
  run: (services: Services, input: z.output<I>) => Promise<z.input<O>> | z.input<O>;
};

/** Any operation, for code that runs them generically on an input its schema has parsed. */
export type Operation =
  | (Omit<SqlOperation, 'args' | 'result'> & { args?: (input: never) => Record<string, unknown>; result?: (raw: unknown, input: never) => unknown })
  | (Omit<ServiceOperation, 'run'> & { run: (services: Services, input: never) => unknown });

export function sqlOperation<I extends z.ZodType, O extends z.ZodType>(
  op: Omit<SqlOperation<I, O>, 'kind' | 'operator'> & { operator?: boolean },
): SqlOperation<I, O> {
  return { kind: 'sql', operator: false, ...op };
}

export function serviceOperation<I extends z.ZodType, O extends z.ZodType>(op: Omit<ServiceOperation<I, O>, 'kind'>): ServiceOperation<I, O> {
  return { kind: 'service', ...op };
}

const snake = (key: string) => `p_${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;

/**
 * The default argument mapping: `{videoId, expectedUpdatedAt}` → `{p_video_id, p_expected_updated_at}`.
 * Undefined fields are left out (the function's default applies); null is passed as null. The
 * typed-confirmation field never reaches SQL.
 */
export function snakeArgs(input: object): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && key !== 'confirm') args[snake(key)] = value;
  }
  return args;
}

/** An optional text field: empty means "not given". */
export const text = (value: string | undefined | null): string | undefined => (value ? value : undefined);
