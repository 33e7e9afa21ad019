// Entry point of the browser shell (`npm run serve`, or `npm start` without Electron's binary).
// Secrets come only from the environment or a user-only file, never from the page:
//   MAGNA_SUPABASE_URL + MAGNA_SUPABASE_SERVICE_ROLE_KEY [+ MAGNA_SUPABASE_DATABASE_URL]
//   MAGNA_DATABASE_URL                     a Postgres profile
//   MAGNA_SECRETS_FILE                     default <data dir>/secrets.json (chmod 600)
//   MAGNA_PRODUCTION=1                     mark the environment profiles as production
//   MAGNA_DATA_DIR, MAGNA_PORT, MAGNA_RENDERER_DIR
//   MAGNA_LOGIN_KEY                        (for launchers and tests) a hex key of 32+ bytes with
//                                          which the starting process mints its own one-time
//                                          login links; read once, then removed from the environment
// Every way start-up can fail ends in one sentence on stderr saying what to do, and a non-zero
// exit code where the console cannot go on.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FileSecretStore } from '../services/connections/file-secret-store';
import { readProfilesFile, type ProfilesFileRead, type StoredProfile } from '../services/connections/profile-store';
import type { SecretName } from '../services/connections/secret-store';
import { describeError, describeFsError } from '../lib/fs-errors';
import { escapeControlCharacters } from '../services/logger';
import { toAdminError } from '../db/admin-error';
import { describeDatabaseUrl } from '../db/postgres-database';
import { refuseIfHeld } from '../db/workspace-lock';
import { startBrowserServer, type BrowserServer } from './browser-server';
import { LOGIN_KEY_PATTERN } from './browser-session';
import { isHttpsOrLoopback } from '../api/connections';
import { createConsoleApp, type ConsoleApp } from './console-app';
import { defaultDataDir, ensureWritableFolder } from './data-dir';
import { StartupError, adminStartupError, dataFolderError, portError } from './startup-errors';

const envSchema = z.object({
  MAGNA_SUPABASE_URL: z
    .string()
    .url('MAGNA_SUPABASE_URL must be a URL such as https://abcdefgh.supabase.co')
    .refine((v) => isHttpsOrLoopback(new URL(v)), 'use https:// (plain http only for a project on this machine): the service-role key is sent there')
    .optional(),
  MAGNA_SUPABASE_SERVICE_ROLE_KEY: z.string().min(20, 'MAGNA_SUPABASE_SERVICE_ROLE_KEY is too short to be a service-role key').optional(),
  MAGNA_SUPABASE_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'MAGNA_SUPABASE_DATABASE_URL must start with postgresql://')
    .optional(),
  MAGNA_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'MAGNA_DATABASE_URL must start with postgresql://')
    .optional(),
  MAGNA_SECRETS_FILE: z.string().optional(),
  MAGNA_PRODUCTION: z.enum(['0', '1', 'true', 'false']).optional(),
  MAGNA_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  MAGNA_RENDERER_DIR: z.string().optional(),
  MAGNA_LOGIN_KEY: z.string().regex(LOGIN_KEY_PATTERN, 'MAGNA_LOGIN_KEY must be at least 64 hex digits').optional(),
});

function rendererDir(explicit?: string): string {
  if (explicit) return path.resolve(explicit);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, '..', 'dist', 'renderer'), path.join(here, '..', '..', 'dist', 'renderer'), path.resolve('dist', 'renderer')];
  return candidates.find((c) => existsSync(path.join(c, 'index.html'))) ?? candidates[0]!;
}

export type RunningShell = { app: ConsoleApp; server: BrowserServer; dataDir: string; stop: () => Promise<void> };

type Output = { stdout: (text: string) => void; stderr: (text: string) => void };
const processOutput: Output = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** Starts the shell, or throws a StartupError whose message is the one line to print. */
export async function startBrowserShell(out: Output = processOutput): Promise<RunningShell> {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) throw new StartupError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; '), 2);
  const env = parsed.data;
  // The login key is the launcher's to keep: nothing this process starts inherits it.
  delete process.env.MAGNA_LOGIN_KEY;

  const dataDir = defaultDataDir();
  try {
    ensureWritableFolder(dataDir);
  } catch (e) {
    throw dataFolderError('data folder', dataDir, e);
  }

  const profilesFile = path.join(dataDir, 'profiles.json');
  let profiles: ProfilesFileRead;
  try {
    profiles = readProfilesFile(profilesFile);
  } catch (e) {
    throw adminStartupError(e);
  }
  if (profiles.status === 'set-aside') {
    out.stderr(
      profiles.copy
        ? `The profiles file ${profilesFile} was damaged (${profiles.reason}): it is kept as ${path.basename(profiles.copy)} and the console starts with the default profiles.\n`
        : `The profiles file ${profilesFile} is damaged (${profiles.reason}) and could not be set aside: the console starts with the default profiles; move the file away before saving profiles.\n`,
    );
  }

  const production = env.MAGNA_PRODUCTION === '1' || env.MAGNA_PRODUCTION === 'true';
  const builtIn: StoredProfile[] = [];
  const fromEnv = new Map<string, Partial<Record<SecretName, string>>>();
  if (env.MAGNA_SUPABASE_URL || env.MAGNA_SUPABASE_SERVICE_ROLE_KEY) {
    builtIn.push({
      id: 'env-supabase',
      kind: 'supabase',
      name: 'Supabase (environment)',
      production,
      supabaseUrl: env.MAGNA_SUPABASE_URL ? new URL(env.MAGNA_SUPABASE_URL).origin : null,
      databaseLabel: null,
      operatorId: null,
    });
    fromEnv.set('env-supabase', { serviceRoleKey: env.MAGNA_SUPABASE_SERVICE_ROLE_KEY, databaseUrl: env.MAGNA_SUPABASE_DATABASE_URL });
  }
  if (env.MAGNA_DATABASE_URL) {
    builtIn.push({
      id: 'env-postgres',
      kind: 'postgres',
      name: 'Postgres (environment)',
      production,
      supabaseUrl: null,
      databaseLabel: describeDatabaseUrl(env.MAGNA_DATABASE_URL),
      operatorId: null,
    });
    fromEnv.set('env-postgres', { databaseUrl: env.MAGNA_DATABASE_URL });
  }

  // A damaged secrets file stops the start: running on without it would show its profiles as
  // having no key (a wrong picture of a production setup), and setting it aside would copy keys
  // around the disk. It is the user's hand-written file: they fix it. Its content is never shown.
  const secretsFile = env.MAGNA_SECRETS_FILE ?? path.join(dataDir, 'secrets.json');
  let secrets: FileSecretStore;
  try {
    secrets = new FileSecretStore(secretsFile, fromEnv);
  } catch (e) {
    throw adminStartupError(e);
  }

  let app: ConsoleApp;
  try {
    app = createConsoleApp({ shell: 'browser', dataDir, builtInProfiles: builtIn, secrets: () => secrets, openExternal: async () => false });
  } catch (e) {
    throw adminStartupError(e);
  }
  const giveUp = async (error: StartupError): Promise<never> => {
    await app.close().catch(() => undefined);
    throw error;
  };

  if (app.connections.activeProfile().kind === 'embedded') {
    const workspace = path.join(dataDir, 'workspace');
    try {
      ensureWritableFolder(workspace);
    } catch (e) {
      return giveUp(dataFolderError('local workspace folder', workspace, e));
    }
    // A folder another console or CLI holds: refused now, in the one sentence naming the holder,
    // rather than a console that starts and then fails every request.
    try {
      await refuseIfHeld(workspace, 'console');
    } catch (e) {
      return giveUp(new StartupError(toAdminError(e).message, 1));
    }
  }

  const explicitPort = env.MAGNA_PORT ?? 0;
  let server: BrowserServer;
  try {
    server = await startBrowserServer(app, {
      rendererDir: rendererDir(env.MAGNA_RENDERER_DIR),
      port: explicitPort,
      loginKey: env.MAGNA_LOGIN_KEY ? Buffer.from(env.MAGNA_LOGIN_KEY, 'hex') : undefined,
    });
  } catch (e) {
    // Without MAGNA_PORT the system picks a free port, so only a chosen port can be busy.
    return giveUp(portError(explicitPort, e));
  }
  app.logger.info(`browser shell listening on 127.0.0.1:${server.port}`);
  // Open the active profile now (the embedded workspace is created on first start) so the first
  // page does not wait. If it fails the console still runs (another profile can be chosen in
  // Settings) and the page says so too.
  void app.connections.active().catch((e: unknown) => {
    const why = app.redactor.redact(describeFsError(e));
    app.logger.warn(`active profile did not open: ${why}`);
    const name = app.connections.activeProfile().name;
    out.stderr(
      `${escapeControlCharacters(`The profile "${name}" did not open (${why}): the console is running; fix it, or choose another profile in Settings.`)}\n`,
    );
  });
  out.stdout(
    `Magna Galactica Console (browser shell) is running.\nOpen: ${server.url}\n(the link works once; a new one is printed at each start)\nData folder: ${dataDir}\nPress Ctrl+C to stop.\n`,
  );
  return {
    app,
    server,
    dataDir,
    stop: async () => {
      await server.close();
      await app.close();
    },
  };
}

/** The process around startBrowserShell: one line and an exit code on failure, signals, last-resort guards. */
export async function serveBrowserShell(): Promise<void> {
  let shell: RunningShell;
  try {
    shell = await startBrowserShell();
  } catch (e) {
    const error = e instanceof StartupError ? e : new StartupError(`The console could not start: ${describeError(e)}.`);
    process.stderr.write(`${error.message}\n`);
    process.exit(error.exitCode);
  }
  const { app } = shell;
  // A bug somewhere must not leave a half-working process: log it, say so in one line, exit.
  process.on('uncaughtException', (e) => {
    app.logger.error(`uncaught: ${e.stack ?? e.message}`);
    process.stderr.write(
      `${escapeControlCharacters(`The console stopped after an unexpected error (${app.redactor.redact(describeError(e))}); details are in ${app.logger.file ?? 'the log'}.`)}\n`,
    );
    process.exit(1);
  });
  process.on('unhandledRejection', (e) => {
    app.logger.error(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : describeError(e)}`);
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await shell.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
