// Why the browser shell could not start, as one sentence that says what to do: never a stack
// trace, never "[object Object]", never the content of a file that holds secrets.
import { describeError, describeFsError, fsErrorCode } from '../lib/fs-errors';
import { escapeControlCharacters } from '../services/logger';

/** A start-up failure: `message` is the one line printed on stderr; the process exits with `exitCode`. */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(escapeControlCharacters(message));
    this.name = 'StartupError';
  }
}

function remedy(code: string | null): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'fix its permissions, or choose another folder with MAGNA_DATA_DIR';
    case 'EROFS':
      return 'choose a folder on a writable disk with MAGNA_DATA_DIR';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'free some disk space, or choose a folder on another disk with MAGNA_DATA_DIR';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'move the file that is in the way, or choose another folder with MAGNA_DATA_DIR';
    default:
      return 'choose another folder with MAGNA_DATA_DIR';
  }
}

export function dataFolderError(what: string, dir: string, e: unknown): StartupError {
  return new StartupError(`The ${what} ${dir} cannot be written (${describeFsError(e)}): ${remedy(fsErrorCode(e))}.`);
}

export function portError(port: number, e: unknown): StartupError {
  const code = fsErrorCode(e);
  if (code === 'EADDRINUSE') {
    return new StartupError(
      `Port ${port} on 127.0.0.1 is already in use: stop the program that holds it, or choose another port with MAGNA_PORT=<port> (MAGNA_PORT=0 picks a free one).`,
    );
  }
  if (code === 'EACCES')
    return new StartupError(
      `Port ${port} needs administrator rights: choose a port above 1023 with MAGNA_PORT=<port> (MAGNA_PORT=0 picks a free one).`,
    );
  return new StartupError(`The console could not listen on 127.0.0.1:${port} (${describeError(e)}): choose another port with MAGNA_PORT=<port>.`);
}

/** An AdminError-like failure (message + hint) as one line. */
export function adminStartupError(e: unknown, exitCode = 1): StartupError {
  const hint = typeof e === 'object' && e !== null && typeof (e as { hint?: unknown }).hint === 'string' ? ` ${(e as { hint: string }).hint}` : '';
  return new StartupError(`${describeError(e)}${hint}`, exitCode);
}
