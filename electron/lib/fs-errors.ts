// File-system failures in words a user can act on: "the disk is full (ENOSPC)" rather than a
// stack trace. Used by the logger, the stores and the browser shell's start-up checks.

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  ENOENT: 'it does not exist',
  EEXIST: 'a file is in the way',
  EIO: 'the disk reported an input/output error',
  EMFILE: 'too many files are open',
  ENAMETOOLONG: 'the path is too long',
};

/** PGlite's file system (Emscripten) throws `{ name: 'ErrnoError', errno }` with its own numbers. */
const EMSCRIPTEN_ERRNO: Record<number, string> = {
  2: 'EACCES',
  20: 'EEXIST',
  29: 'EIO',
  44: 'ENOENT',
  51: 'ENOSPC',
  54: 'ENOTDIR',
  63: 'EPERM',
  69: 'EROFS',
};

/** The errno code of a file-system failure (Node's or Emscripten's), or null. */
export function fsErrorCode(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const { code, name, errno } = e as { code?: unknown; name?: unknown; errno?: unknown };
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  if (name === 'ErrnoError' && typeof errno === 'number') return EMSCRIPTEN_ERRNO[errno] ?? `errno ${errno}`;
  return null;
}

/** "the disk is full (ENOSPC)"; for anything else, its message — never "[object Object]". */
export function describeFsError(e: unknown): string {
  const code = fsErrorCode(e);
  if (code) return REASONS[code] ? `${REASONS[code]} (${code})` : code;
  return describeError(e);
}

/** Any thrown value as one line of text. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message.split('\n')[0] || e.name;
  if (typeof e === 'string') return e;
  if (typeof e === 'object' && e !== null) {
    const { message, code } = e as { message?: unknown; code?: unknown };
    if (typeof message === 'string' && message) return message.split('\n')[0]!;
    const errno = fsErrorCode(e);
    if (errno) return errno;
    if (typeof code === 'string') return code;
    const name = (e as { name?: unknown }).name;
    return typeof name === 'string' ? name : 'an unexpected error';
  }
  return String(e);
}
