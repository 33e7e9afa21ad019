// The console's data folder, shared by both shells: Electron's userData path on each OS.
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Magna Galactica Console';

export function defaultDataDir(): string {
  if (process.env.MAGNA_DATA_DIR) return path.resolve(process.env.MAGNA_DATA_DIR);
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_NAME);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_NAME);
}
