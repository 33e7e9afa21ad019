// The one wrapper every handler runs through, whichever shell reaches it: parse the input with
// the channel's schema (a malformed payload runs nothing), run the service, parse the output,
// and turn any failure into the one error shape, with secrets redacted.
import { z } from 'zod';
import type { AppError } from '../api/app-error';
import type { Channel } from '../api/channels';
import { contract } from '../api/contract';
import { toAdminError } from '../db/admin-error';
import type { Handlers } from '../operations/run-operation';

export type { Handlers };

export type HandleResult = { ok: true; data: unknown } | { ok: false; error: AppError };

export function validationError(error: z.ZodError, what: string): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = error.issues[0];
  return {
    code: 'invalid_input',
    message: `Invalid ${what}: ${first ? `${first.path.join('.') || 'value'}: ${first.message}` : 'malformed'}`,
    details: null,
    hint: null,
    fields,
  };
}

export async function handle(
  handlers: Handlers,
  channel: string,
  payload: unknown,
  redact: (s: string) => string,
  onError?: (channel: string, error: AppError) => void,
): Promise<HandleResult> {
  if (!Object.hasOwn(contract, channel)) {
    return { ok: false, error: { code: 'unknown_channel', message: `Unknown channel: ${channel.slice(0, 80)}`, details: null, hint: null } };
  }
  const c = channel as Channel;
  const schemas: { input: z.ZodType; output: z.ZodType } = contract[c];
  // No input at all is an empty one (a channel that takes none); an explicit null is malformed.
  const input = schemas.input.safeParse(payload === undefined ? {} : payload);
  if (!input.success) return { ok: false, error: validationError(input.error, `input for ${c}`) };
  try {
    const result = await (handlers[c] as (i: unknown) => Promise<unknown>)(input.data);
    const output = schemas.output.safeParse(result);
    if (!output.success) {
      const error: AppError = {
        code: 'invalid_output',
        message: `The ${c} handler returned data outside the contract.`,
        details: redact(output.error.message),
        hint: null,
      };
      onError?.(c, error);
      return { ok: false, error };
    }
    return { ok: true, data: output.data };
  } catch (e) {
    if (e instanceof z.ZodError) return { ok: false, error: validationError(e, 'input') };
    const err = toAdminError(e, redact).toJSON();
    const error: AppError = { ...err, message: redact(err.message), details: err.details && redact(err.details), hint: err.hint && redact(err.hint) };
    onError?.(c, error);
    return { ok: false, error };
  }
}
