// One process per embedded workspace folder. PGlite has no locking of its own, and two processes
// on one folder corrupt it (lost writes, duplicate keys, indexes that disagree with their table),
// so the folder is locked (proper-lockfile: an atomic mkdir, kept fresh while held) before PGlite
// opens it and released when it closes. Beside the lock, in it, the holder writes who it is, so a
// second console or CLI is told exactly who has the folder.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { mkdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { check, lock } from 'proper-lockfile';
import { AdminError } from './admin-error';
import { describeFsError, fsErrorCode } from '../lib/fs-errors';

/** Who opens a workspace: it names the holder to others, and says what the refused one can do. */
export type WorkspaceProgram = 'console' | 'cli' | 'process';

export type WorkspaceHolder = { pid: number; hostname: string; program: WorkspaceProgram; startedAt: string; token: string };

export const LOCK_DIR = '.magna-workspace.lock';
const HOLDER_FILE = 'holder.json';
/** A lock not refreshed for this long is stale (a holder on another machine died); refreshed every UPDATE_MS. */
const STALE_MS = 30_000;
const UPDATE_MS = 5_000;

/**
 * The lock is a directory holding holder.json: removing it (on release, at exit, or when stale)
 * removes both, where proper-lockfile's own rmdir would refuse a non-empty directory.
 */
const lockFs = {
  ...fs,
  rmdir: (p: string, cb: (err: NodeJS.ErrnoException | null) => void) => fs.rm(p, { recursive: true, force: true }, cb),
  rmdirSync: (p: string) => fs.rmSync(p, { recursive: true, force: true }),
};

const PROGRAM_NAMES: Record<WorkspaceProgram, string> = { console: 'the console', cli: 'the magna-console CLI', process: 'another process' };
const ADVICE: Record<WorkspaceProgram, string> = {
  console: 'Close it first: one console or CLI at a time can use a workspace folder.',
  cli: 'Close it first, or point --embedded at another folder.',
  process: 'Close it first, or open another folder.',
};

const pad = (n: number) => String(n).padStart(2, '0');

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'at an unknown time';
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return d.toDateString() === new Date().toDateString() ? time : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}

/** The one sentence a refused opener shows: who holds the folder, and what to do. */
export function workspaceLockedError(dir: string, holder: WorkspaceHolder | null, opener: WorkspaceProgram): AdminError {
  const who = holder
    ? `${PROGRAM_NAMES[holder.program] ?? PROGRAM_NAMES.process} (pid ${holder.pid}${holder.hostname !== os.hostname() ? ` on ${holder.hostname}` : ''}, started ${when(holder.startedAt)})`
    : 'another process';
  return new AdminError({ code: 'workspace_locked', message: `The workspace at ${dir} is in use by ${who}. ${ADVICE[opener]}` });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, run by another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(lockPath: string): Promise<WorkspaceHolder | null> {
  try {
    const h = JSON.parse(await readFile(path.join(lockPath, HOLDER_FILE), 'utf8')) as Partial<WorkspaceHolder>;
    return typeof h.pid === 'number' && typeof h.hostname === 'string' && typeof h.token === 'string' ? (h as WorkspaceHolder) : null;
  } catch {
    // No holder written yet (it has just taken the lock), or an unreadable one: not ours to judge.
    return null;
  }
}

/** A holder on this machine whose process is gone (killed, crashed): its lock is stale at once. */
const deadHere = (h: WorkspaceHolder | null): h is WorkspaceHolder => h !== null && h.hostname === os.hostname() && !isAlive(h.pid);

/**
 * Removes a dead holder's lock. It is moved aside first and checked to be still that holder's, so
 * a lock another process took meanwhile is put back rather than deleted.
 */
async function removeDeadHolder(lockPath: string, dead: WorkspaceHolder): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${randomUUID().slice(0, 8)}`;
  try {
    await rename(lockPath, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if ((await readHolder(aside))?.token === dead.token) await rm(aside, { recursive: true, force: true });
  else await rename(aside, lockPath).catch(() => rm(aside, { recursive: true, force: true }));
}

/**
 * Refuses at once, with the one sentence naming the holder, when another live process holds the
 * folder: for a program that should not start at all then (a second browser shell), before it
 * does any other work. Only a look: opening the workspace takes the lock (and refuses a holder
 * that came meanwhile).
 */
export async function refuseIfHeld(dir: string, program: WorkspaceProgram): Promise<void> {
  const lockPath = path.join(dir, LOCK_DIR);
  const holder = await readHolder(lockPath);
  if (holder && holder.hostname === os.hostname()) {
    if (isAlive(holder.pid)) throw workspaceLockedError(dir, holder, program);
    return; // a dead holder's lock: the opener recovers it
  }
  const held = await check(dir, { lockfilePath: lockPath, realpath: false, stale: STALE_MS, fs: lockFs }).catch(() => false);
  if (held) throw workspaceLockedError(dir, holder, program);
}

export class WorkspaceLock {
  private released = false;

  private constructor(
    readonly dir: string,
    readonly holder: WorkspaceHolder,
    private readonly unlock: () => Promise<void>,
  ) {}

  /**
   * Takes the folder for this process, or throws `workspace_locked` naming the holder.
   * `onCompromised` is called if the lock is lost while held (removed, or taken by another
   * process after this one stopped refreshing it): the holder must stop using the folder.
   */
  static async acquire(dir: string, program: WorkspaceProgram, onCompromised: (e: Error) => void): Promise<WorkspaceLock> {
    try {
      return await WorkspaceLock.take(dir, program, onCompromised);
    } catch (e) {
      // A folder that cannot be written (a read-only disk, a file in the way, a full disk): one sentence.
      if (e instanceof AdminError || !fsErrorCode(e)) throw e;
      throw new AdminError({
        code: 'workspace_unwritable',
        message: `The workspace folder ${dir} cannot be used (${describeFsError(e)}).`,
        hint: 'Choose a folder this user can write to on a disk with free space.',
      });
    }
  }

  private static async take(dir: string, program: WorkspaceProgram, onCompromised: (e: Error) => void): Promise<WorkspaceLock> {
    await mkdir(dir, { recursive: true });
    const lockPath = path.join(dir, LOCK_DIR);
    for (let attempt = 0; ; attempt++) {
      const seen = await readHolder(lockPath);
      // A live holder on this machine keeps the folder however long it has not refreshed the
      // lock (a busy or suspended machine): only a holder elsewhere is judged by the lock's age.
      if (seen && seen.hostname === os.hostname() && isAlive(seen.pid)) throw workspaceLockedError(dir, seen, program);
      if (deadHere(seen) && attempt < 3) await removeDeadHolder(lockPath, seen);
      let unlock: () => Promise<void>;
      try {
        unlock = await lock(dir, {
          lockfilePath: lockPath,
          realpath: false,
          stale: STALE_MS,
          update: UPDATE_MS,
          retries: 0,
          fs: lockFs,
          onCompromised,
        });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
        const holder = await readHolder(lockPath);
        if (deadHere(holder) && attempt < 3) continue;
        throw workspaceLockedError(dir, holder, program);
      }
      const holder: WorkspaceHolder = {
        pid: process.pid,
        hostname: os.hostname(),
        program,
        startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
        token: randomUUID(),
      };
      // Writing into the lock directory changes its mtime, which proper-lockfile checks as its
      // own on every refresh: put back the one it recorded.
      const { atime, mtime } = await stat(lockPath);
      const file = path.join(lockPath, HOLDER_FILE);
      await writeFile(`${file}.tmp`, `${JSON.stringify(holder)}\n`);
      await rename(`${file}.tmp`, file);
      await utimes(lockPath, atime, mtime);
      return new WorkspaceLock(dir, holder, unlock);
    }
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.unlock().catch((e: unknown) => {
      // Already released because it was compromised: nothing left to remove.
      if ((e as NodeJS.ErrnoException).code !== 'ERELEASED') throw e;
    });
  }
}
