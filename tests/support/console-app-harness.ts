// A console app (the handlers both shells serve) on a fresh embedded workspace, for channel tests.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Channel } from '../../electron/api/channels';
import type { Input, Output } from '../../electron/api/contract';
import { FileSecretStore } from '../../electron/services/connections/file-secret-store';
import { createConsoleApp, type ConsoleApp } from '../../electron/shells/console-app';
import { handle } from '../../electron/shells/handle';
import { TEMPLATE_ROOT } from './test-database';

export type Harness = {
  app: ConsoleApp;
  /** A channel call through handle(), as the shells make it; failures throw the error shape. */
  call: <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>;
  /** The same with an untyped payload, for malformed-input tests. */
  send: (channel: string, payload: unknown) => Promise<unknown>;
  dispose: () => Promise<void>;
};

export function startConsoleApp(): Harness {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'magna-app-'));
  // The demo template, migrated once by the global setup: the app opens it as its workspace
  // instead of creating and filling one (what a first start does, tested end to end elsewhere).
  cpSync(path.join(TEMPLATE_ROOT, 'demo'), path.join(dataDir, 'workspace'), { recursive: true });
  const app = createConsoleApp({
    shell: 'browser',
    dataDir,
    secrets: () => new FileSecretStore(path.join(dataDir, 'secrets.json')),
    openExternal: async () => false,
  });
  const send = async (channel: string, payload: unknown) => {
    const r = await handle(app.handlers, channel, payload, (s) => s);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.data;
  };
  return {
    app,
    call: async (channel, input) => (await send(channel, input)) as never,
    send,
    dispose: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
