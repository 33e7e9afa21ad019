// The sentences a failed start-up prints, for the faults a test machine cannot stage for real
// (a read-only or full disk under the data folder; PGlite's own errno objects, which used to
// print as "[object Object]"). The real faults that can be staged run in
// tests/integration/browser-shell-startup.test.ts.
import { describe, expect, it } from 'vitest';
import { describeError, describeFsError } from '../../electron/lib/fs-errors';
import { dataFolderError, portError } from '../../electron/shells/startup-errors';
import { reviveError, serializeError } from '../../electron/db/worker-thread';
import { toAdminError } from '../../electron/db/admin-error';

const errno = (code: string) => Object.assign(new Error(`${code}: something, open '/x'`), { code });

describe('start-up sentences', () => {
  it('say what to do about a read-only or a full disk under the data folder', () => {
    expect(dataFolderError('data folder', '/data', errno('EROFS')).message).toBe(
      'The data folder /data cannot be written (the disk is read-only (EROFS)): choose a folder on a writable disk with MAGNA_DATA_DIR.',
    );
    expect(dataFolderError('data folder', '/data', errno('ENOSPC')).message).toBe(
      'The data folder /data cannot be written (the disk is full (ENOSPC)): free some disk space, or choose a folder on another disk with MAGNA_DATA_DIR.',
    );
    expect(dataFolderError('local workspace folder', '/data/workspace', errno('EACCES')).message).toBe(
      'The local workspace folder /data/workspace cannot be written (permission denied (EACCES)): fix its permissions, or choose another folder with MAGNA_DATA_DIR.',
    );
  });

  it('name a busy or privileged port and how to choose another', () => {
    expect(portError(80, errno('EACCES')).message).toBe(
      'Port 80 needs administrator rights: choose a port above 1023 with MAGNA_PORT=<port> (MAGNA_PORT=0 picks a free one).',
    );
    expect(portError(5199, errno('EADDRINUSE')).message).toMatch(/^Port 5199 on 127\.0\.0\.1 is already in use: .*MAGNA_PORT=<port>/);
  });

  it('are one line even when a path holds a newline', () => {
    expect(dataFolderError('data folder', '/tmp/a\nb', errno('EACCES')).message).not.toContain('\n');
  });
});

describe('describing a thrown value', () => {
  it('words PGlite\'s Emscripten errno objects instead of "[object Object]"', () => {
    expect(describeFsError({ name: 'ErrnoError', errno: 2 })).toBe('permission denied (EACCES)');
    expect(describeFsError({ name: 'ErrnoError', errno: 51 })).toBe('the disk is full (ENOSPC)');
    expect(describeError({ name: 'ErrnoError', errno: 69 })).toBe('EROFS');
    expect(describeError({})).toBe('an unexpected error');
    expect(describeError(new Error('first line\n    at stack'))).toBe('first line');
  });

  it('keeps an errno object thrown in the database thread in words and code across the thread (a full disk, not "{\\"errno\\":51}")', () => {
    const revived = reviveError(serializeError({ name: 'ErrnoError', errno: 51 }));
    expect(revived.message).toBe('the disk is full (ENOSPC)');
    expect(toAdminError(revived)).toMatchObject({ code: 'file_system', message: 'A file could not be used: the disk is full (ENOSPC).' });
  });
});
