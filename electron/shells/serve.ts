// Entry point of the browser shell (`npm run serve`, or `npm start` without Electron's binary).
// Secrets come only from the environment or a user-only file, never from the page:
//   MAGNA_SUPABASE_URL + MAGNA_SUPABASE_SERVICE_ROLE_KEY [+ MAGNA_SUPABASE_DATABASE_URL]
//   MAGNA_DATABASE_URL                     a Postgres profile
//   MAGNA_SECRETS_FILE                     default <data dir>/secrets.json (chmod 600)
//   MAGNA_PRODUCTION=1                     mark the environment profiles as production
//   MAGNA_DATA_DIR, MAGNA_PORT, MAGNA_RENDERER_DIR
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FileSecretStore } from '../services/connections/file-secret-store';
import type { StoredProfile } from '../services/connections/profile-store';
import type { SecretName } from '../services/connections/secret-store';
import { describeDatabaseUrl } from '../db/postgres-database';
import { startBrowserServer } from './browser-server';
import { createConsoleApp } from './console-app';
import { defaultDataDir } from './data-dir';

const envSchema = z.object({
  MAGNA_SUPABASE_URL: z.string().url('MAGNA_SUPABASE_URL must be a URL such as https://abcdefgh.supabase.co').optional(),
  MAGNA_SUPABASE_SERVICE_ROLE_KEY: z.string().min(20).optional(),
  MAGNA_SUPABASE_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'MAGNA_SUPABASE_DATABASE_URL must start with postgresql://').optional(),
  MAGNA_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'MAGNA_DATABASE_URL must start with postgresql://').optional(),
  MAGNA_SECRETS_FILE: z.string().optional(),
  MAGNA_PRODUCTION: z.enum(['0', '1', 'true', 'false']).optional(),
  MAGNA_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  MAGNA_RENDERER_DIR: z.string().optional(),
});

function rendererDir(explicit?: string): string {
  if (explicit) return path.resolve(explicit);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, '..', 'dist', 'renderer'), path.join(here, '..', '..', 'dist', 'renderer'), path.resolve('dist', 'renderer')];
  return candidates.find((c) => existsSync(path.join(c, 'index.html'))) ?? candidates[0]!;
}

export async function serveBrowserShell(): Promise<void> {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    process.stderr.write(`${parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('\n')}\n`);
    process.exit(2);
  }
  const env = parsed.data;
  const dataDir = defaultDataDir();
  const production = env.MAGNA_PRODUCTION === '1' || env.MAGNA_PRODUCTION === 'true';
  const builtIn: StoredProfile[] = [];
  const fromEnv = new Map<string, Partial<Record<SecretName, string>>>();
  if (env.MAGNA_SUPABASE_URL || env.MAGNA_SUPABASE_SERVICE_ROLE_KEY) {
    builtIn.push({ id: 'env-supabase', kind: 'supabase', name: 'Supabase (environment)', production, supabaseUrl: env.MAGNA_SUPABASE_URL ? new URL(env.MAGNA_SUPABASE_URL).origin : null, databaseLabel: null, operatorId: null });
    fromEnv.set('env-supabase', { serviceRoleKey: env.MAGNA_SUPABASE_SERVICE_ROLE_KEY, databaseUrl: env.MAGNA_SUPABASE_DATABASE_URL });
  }
  if (env.MAGNA_DATABASE_URL) {
    builtIn.push({ id: 'env-postgres', kind: 'postgres', name: 'Postgres (environment)', production, supabaseUrl: null, databaseLabel: describeDatabaseUrl(env.MAGNA_DATABASE_URL), operatorId: null });
    fromEnv.set('env-postgres', { databaseUrl: env.MAGNA_DATABASE_URL });
  }
  const secretsFile = env.MAGNA_SECRETS_FILE ?? path.join(dataDir, 'secrets.json');
  const app = createConsoleApp({
    shell: 'browser',
    dataDir,
    builtInProfiles: builtIn,
    secrets: () => new FileSecretStore(secretsFile, fromEnv),
    openExternal: async () => false,
  });
  const server = await startBrowserServer(app, { rendererDir: rendererDir(env.MAGNA_RENDERER_DIR), port: env.MAGNA_PORT ?? 0 });
  app.logger.info(`browser shell listening on 127.0.0.1:${server.port}`);
  // Open the active profile now (the embedded workspace is created on first start) so the
  // first page does not wait; a failure is reported to the page when it asks.
  void app.connections.active().catch((e: unknown) => app.logger.warn(`active profile did not open: ${e instanceof Error ? e.message : String(e)}`));
  process.stdout.write(`Magna Galactica Console (browser shell) is running.\nOpen: ${server.url}\nData folder: ${dataDir}\nPress Ctrl+C to stop.\n`);
  const stop = async () => {
    await server.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
