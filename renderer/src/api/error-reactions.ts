// What the console does with a failed call, by error code: one table, a row per code, and a
// default for the rest. The codes are the ones the main process returns (electron/services,
// electron/db) and the SQLSTATEs the admin functions raise. Pure, so each row is unit-tested;
// components/error-reaction-provider.tsx carries the reactions out.

/** The one error shape every failure reaches the renderer in ({code, message, details, hint}). */
export type ErrorShape = { code: string; message: string; details: string | null; hint: string | null; fields?: Record<string, string> | undefined };

/** Who changed an item meanwhile, as the moderation functions put it in a conflict's details. */
export type LastChange = { operator: string; action: string; from_state: string | null; to_state: string | null; at: string };

export type Reaction =
  /** A toast with the message and hint, and a button to the page that fixes it. */
  | { kind: 'toast'; message: string; hint: string | null; open?: { label: string; route: 'settings' | 'migrations' }; reload?: boolean }
  /** The conflict dialog: the item changed since it was loaded, and who changed it. */
  | { kind: 'conflict'; message: string; hint: string | null; lastChange: LastChange | null; details: string | null }
  /** The typed confirmation (a production profile's name), then the same call again. */
  | { kind: 'confirm'; message: string; name: string | null }
  /** The contract's validation messages under their form fields. */
  | { kind: 'fields'; fields: Record<string, string> }
  /** The message (and hint) at the top of the form. */
  | { kind: 'form'; message: string };

/** What the caller can offer: a form to put messages on, a way to retry with a confirmation. */
export type ReactionContext = { form?: boolean; retry?: boolean };

type Rule = (e: ErrorShape, ctx: ReactionContext) => Reaction | null;

const openSettings: Rule = (e) => ({ kind: 'toast', message: e.message, hint: e.hint, open: { label: 'Open Settings', route: 'settings' } });

export const ERROR_REACTIONS: Readonly<Record<string, Rule>> = {
  // No operator on the profile: every moderation action records who took it.
  operator_missing: openSettings,
  operator_required: openSettings,
  // A Supabase profile's operator signs in; the session ended or never began.
  sign_in_required: openSettings,
  // The project's gateway refused the key, or the profile lacks one.
  key_rejected: openSettings,
  secret_missing: openSettings,
  // The call may have been applied although no answer came: read everything again.
  client_timeout: (e) => ({ kind: 'toast', message: e.message, hint: e.hint, reload: true }),
  // An admin function is missing: the database lacks a migration.
  PGRST202: (e) => ({ kind: 'toast', message: e.message, hint: e.hint, open: { label: 'Open Migrations', route: 'migrations' } }),
  // Optimistic concurrency: someone changed the item since it was loaded.
  PT409: (e) => ({
    kind: 'conflict',
    message: e.message,
    hint: e.hint,
    lastChange: parseLastChange(e.details),
    details: parseLastChange(e.details) ? null : e.details,
  }),
  // A production profile wants its name typed; only a caller that can retry can ask for it.
  confirmation_required: (e, ctx) => (ctx.retry ? { kind: 'confirm', message: e.message, name: quotedName(e.message) } : null),
  // The contract refused the input: on a form, each message goes under its field.
  invalid_input: (e, ctx) => (ctx.form && e.fields && Object.keys(e.fields).length ? { kind: 'fields', fields: e.fields } : null),
};

/** The reaction to `error`: its code's row, or the message (and hint) on the form or in a toast. */
export function reactionFor(error: unknown, ctx: ReactionContext = {}): Reaction {
  const e = toErrorShape(error);
  const rule = Object.hasOwn(ERROR_REACTIONS, e.code) ? ERROR_REACTIONS[e.code] : undefined;
  const reaction = rule?.(e, ctx);
  if (reaction) return reaction;
  return ctx.form ? { kind: 'form', message: e.hint ? `${e.message} ${e.hint}` : e.message } : { kind: 'toast', message: e.message, hint: e.hint };
}

/** Any thrown value in the one error shape (the client's ApiError already is). */
export function toErrorShape(error: unknown): ErrorShape {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    const o = error as { code?: unknown; message: string; details?: unknown; hint?: unknown; fields?: unknown };
    const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
    const fields = typeof o.fields === 'object' && o.fields !== null ? (o.fields as Record<string, string>) : undefined;
    return { code: typeof o.code === 'string' ? o.code : 'internal', message: o.message, details: str(o.details), hint: str(o.hint), fields };
  }
  return { code: 'internal', message: String(error), details: null, hint: null };
}

function parseLastChange(details: string | null): LastChange | null {
  if (!details) return null;
  try {
    const v = JSON.parse(details) as Partial<LastChange> | null;
    return v && typeof v === 'object' && typeof v.operator === 'string' && typeof v.action === 'string' && typeof v.at === 'string'
      ? { operator: v.operator, action: v.action, from_state: v.from_state ?? null, to_state: v.to_state ?? null, at: v.at }
      : null;
  } catch {
    return null;
  }
}

/** `"Production" is a production profile: …` → Production. */
function quotedName(message: string): string | null {
  return /"([^"]+)"/.exec(message)?.[1] ?? null;
}
