// The one error shape every backend maps its failures to, so the UI shows the same clear
// message whatever the backend: PostgREST's {code, message, details, hint}.
import type { AppError } from '../api/app-error';
import { describeFsError, fsErrorCode } from '../lib/fs-errors';

export type AdminErrorShape = Omit<AppError, 'fields'>;

export class AdminError extends Error {
  readonly code: string;
  readonly details: string | null;
  readonly hint: string | null;

  constructor(shape: { code: string; message: string; details?: string | null; hint?: string | null }) {
    super(shape.message);
    this.name = 'AdminError';
    this.code = shape.code;
    this.details = shape.details ?? null;
    this.hint = shape.hint ?? null;
  }

  toJSON(): AdminErrorShape {
    return { code: this.code, message: this.message, details: this.details, hint: this.hint };
  }
}

type PgLikeError = { code?: unknown; message?: unknown; detail?: unknown; details?: unknown; hint?: unknown };

/** Postgres errors (PGlite, postgres.js, pg) carry a SQLSTATE in `code`. */
function isPgError(e: unknown): e is PgLikeError & { code: string; message: string } {
  if (typeof e !== 'object' || e === null) return false;
  const { code, message } = e as PgLikeError;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof message === 'string';
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Any thrown value → AdminError. `redact` removes secrets (URLs with passwords, keys) from
 * messages before they can reach a log or the renderer.
 */
export function toAdminError(e: unknown, redact: (s: string) => string = (s) => s): AdminError {
  if (e instanceof AdminError) return e;
  if (isPgError(e)) {
    return new AdminError({
      code: e.code,
      message: redact(e.message),
      details: str(e.detail) ?? str(e.details),
      hint: str(e.hint),
    });
  }
  const errno = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  if (errno === 'ECONNREFUSED' || errno === 'ENOTFOUND' || errno === 'EAI_AGAIN' || errno === 'ETIMEDOUT' || errno === 'CONNECT_TIMEOUT') {
    return new AdminError({
      code: 'connection_failed',
      message: redact(`Could not connect to the database (${String(errno)}).`),
      hint: 'Check the host and port of the database URL, and that the server accepts connections from this machine.',
    });
  }
  // A file-system failure (Node's or PGlite's Emscripten one) in words, never "[object Object]".
  if (fsErrorCode(e)) return new AdminError({ code: 'file_system', message: redact(`A file could not be used: ${describeFsError(e)}.`) });
  return new AdminError({ code: 'internal', message: redact(e instanceof Error ? e.message : describeFsError(e)) });
}
