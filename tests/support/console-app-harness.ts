// A console app (the handlers both shells serve) on a fresh embedded workspace, for channel tests.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileSecretStore } from '../../electron/services/connections/file-secret-store';
import { createConsoleApp, type ConsoleApp } from '../../electron/shells/console-app';
import { handle } from '../../electron/shells/handle';

export type Harness = { app: ConsoleApp; call: (channel: string, input: unknown) => Promise<never>; dispose: () => Promise<void> };

export function startConsoleApp(): Harness {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'magna-app-'));
  const app = createConsoleApp({ shell: 'browser', dataDir, secrets: () => new FileSecretStore(path.join(dataDir, 'secrets.json')), openExternal: async () => false });
  return {
    app,
    /** A channel call through handle(), as the shells make it; failures throw the error shape. */
    call: async (channel, input) => {
      const r = await handle(app.handlers, channel, input, (s) => s);
      if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
      return r.data as never;
    },
    dispose: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
