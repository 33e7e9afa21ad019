// Verified operators on a Supabase profile: the operator signs in with Supabase Auth through the
// real supabase-js (against the Auth endpoints of the test double), and decisions are recorded as
// that user — never as whoever a client names. The session stays in the main process.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redactor } from '../../electron/lib/redactor';
import { invokeSql } from '../../electron/operations/run-operation';
import { ConnectionService } from '../../electron/services/connections/connection-service';
import { ProfileStore } from '../../electron/services/connections/profile-store';
import { createLogger } from '../../electron/services/logger';
import { signJwt } from '../support/jwt';
import { MemorySecrets } from '../support/memory-secrets';
import { startPostgrestDouble, type PostgrestDouble } from '../support/postgrest-double';
import { openMainThreadPglite } from '../support/main-thread-pglite';

const JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';
const serviceKey = signJwt({ iss: 'supabase', role: 'service_role', exp: 4_102_444_800 }, JWT_SECRET);
const PASSWORD = 'correct horse battery staple';

// PGlite's own API on this thread: the double LISTENs for NOTIFY pgrst.
let t: { db: { db: PGlite; query: <T>(sql: string, params?: unknown[]) => Promise<T[]> }; dispose: () => Promise<void> };
let api: PostgrestDouble;
let ada: { id: string; email: string };
const dir = mkdtempSync(path.join(os.tmpdir(), 'magna-signin-'));
const secrets = new MemorySecrets();
const logFile = path.join(dir, 'console.log');
const connectionsFor = () =>
  new ConnectionService(
    new ProfileStore(path.join(dir, 'profiles.json')),
    secrets,
    path.join(dir, 'ws'),
    createLogger(logFile, new Redactor()),
    new Redactor(),
  );

beforeAll(async () => {
  const opened = await openMainThreadPglite('demo');
  t = {
    db: { db: opened.pg, query: async <T>(sql: string, params: unknown[] = []) => (await opened.pg.query<T>(sql, params)).rows },
    dispose: opened.dispose,
  };
  [ada] = (await t.db.query<{ id: string; email: string }>("select id, email from public.users where username = 'ada_moderator'")) as [
    { id: string; email: string },
  ];
  api = await startPostgrestDouble(t.db.db, { jwtSecret: JWT_SECRET, authUsers: [{ id: ada.id, email: ada.email, password: PASSWORD }] });
});
afterAll(async () => {
  await api.stop();
  await t.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('operator sign-in on a Supabase profile', () => {
  it('asks for a sign-in before the first decision, refuses a wrong password, then acts as the verified user', async () => {
    const connections = connectionsFor();
    const profile = await connections.save({ kind: 'supabase', name: 'Project', supabaseUrl: api.url, serviceRoleKey: serviceKey });
    connections.activate(profile.id);
    await expect(connections.operatorId()).rejects.toMatchObject({ code: 'sign_in_required' });
    await expect(connections.signIn(profile.id, ada.email, 'wrong')).rejects.toMatchObject({
      code: 'sign_in_failed',
      message: 'Wrong e-mail or password.',
    });
    // Picking an operator from a list is not how a Supabase profile says who acts.
    expect(() => connections.setOperator(profile.id, '00000000-0000-4000-8000-000000000001')).toThrow(/signs in/);

    const state = await connections.signIn(profile.id, ada.email, PASSWORD);
    expect(state.profiles.find((p) => p.id === profile.id)).toMatchObject({ signedInAs: ada.email, operatorId: ada.id });
    await expect(connections.operatorId()).resolves.toBe(ada.id);

    const [video] = await t.db.query<{ id: string }>("select id from public.videos where moderation_status = 'pending' order by id limit 1");
    const result = await invokeSql('moderation:act', { action: 'flag', items: [{ id: video!.id, expected_status: 'pending' }] }, connections);
    expect(result.done).toBe(1);
    const [audit] = await t.db.query<{ operator_id: string }>(
      'select operator_id from public.moderation_audit_log where target_id = $1 order by id desc limit 1',
      [video!.id],
    );
    expect(audit!.operator_id).toBe(ada.id);
    // Neither the password nor the session's tokens are kept in clear anywhere but the secret store.
    expect(JSON.stringify([...secrets.data.values()])).not.toContain(PASSWORD);
    await connections.close();
  });

  it('keeps the session across restarts by its refresh token, and signing out ends it', async () => {
    const connections = connectionsFor();
    const profile = connections.list().profiles.find((p) => p.kind === 'supabase')!;
    await expect(connections.operatorId()).resolves.toBe(ada.id); // refreshed from the stored token
    await connections.signOut(profile.id);
    await expect(connections.operatorId()).rejects.toMatchObject({ code: 'sign_in_required' });
    expect(secrets.get(profile.id, 'operatorSession')).toBeNull();
    expect(secrets.get(profile.id, 'serviceRoleKey')).toBe(serviceKey);
    await connections.close();
  });
});
