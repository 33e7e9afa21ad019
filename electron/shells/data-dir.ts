// The console's data folder, shared by both shells: Electron's userData path on each OS.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Magna Galactica Console';

export function defaultDataDir(): string {
  if (process.env.MAGNA_DATA_DIR) return path.resolve(process.env.MAGNA_DATA_DIR);
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_NAME);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_NAME);
}

/**
 * Creates the folder if needed and proves it can be written, so that a read-only or full disk
 * is reported at start-up in one sentence rather than mid-work. Throws the file-system error.
 */
export function ensureWritableFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  // A fresh name opened exclusively: never follows a planted link, never clobbers a file.
  const probe = path.join(dir, `.write-check-${process.pid}-${randomBytes(4).toString('hex')}`);
  const fd = openSync(probe, 'wx', 0o600);
  try {
    writeSync(fd, 'magna write check\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
    rmSync(probe, { force: true });
  }
}
