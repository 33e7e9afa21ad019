// Keys go only where they belong: a profile's stored secrets never follow a change of its
// project URL, and a Supabase URL carrying the key must be https (plain http only on loopback).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { profileInputSchema } from '../../electron/api/connections';
import { SupabaseAdminGateway } from '../../electron/db/supabase-admin-gateway';
import { Redactor } from '../../electron/lib/redactor';
import { ConnectionService } from '../../electron/services/connections/connection-service';
import { ProfileStore } from '../../electron/services/connections/profile-store';
import { createLogger } from '../../electron/services/logger';
import { startConsoleApp } from '../support/console-app-harness';
import { signJwt } from '../support/jwt';
import { MemorySecrets } from '../support/memory-secrets';

const KEY = signJwt({ role: 'service_role', iss: 'supabase' }, 'a-project-secret-that-is-long-enough-for-hs256');

const dir = mkdtempSync(path.join(os.tmpdir(), 'magna-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a stored key never follows a URL swap', () => {
  it('drops the stored secrets when the project URL changes without new ones', async () => {
    const secrets = new MemorySecrets();
    const connections = new ConnectionService(
      new ProfileStore(path.join(dir, 'profiles.json')),
      secrets,
      path.join(dir, 'ws'),
      createLogger(null, new Redactor()),
      new Redactor(),
    );
    const saved = await connections.save({
      kind: 'supabase',
      name: 'Prod',
      supabaseUrl: 'https://abcdefgh.supabase.co',
      serviceRoleKey: KEY,
      databaseUrl: 'postgresql://postgres:pw@db.abcdefgh.supabase.co:5432/postgres',
    });
    expect(secrets.get(saved.id, 'serviceRoleKey')).toBe(KEY);
    // The same project, other fields edited: the key stays.
    await connections.save({ id: saved.id, kind: 'supabase', name: 'Prod (EU)', supabaseUrl: 'https://abcdefgh.supabase.co/' });
    expect(secrets.get(saved.id, 'serviceRoleKey')).toBe(KEY);
    // Another host: the key and the database URL are gone; Test connection has nothing to send.
    const moved = await connections.save({ id: saved.id, kind: 'supabase', name: 'Prod (EU)', supabaseUrl: 'https://attacker.example.com' });
    expect(secrets.get(saved.id, 'serviceRoleKey')).toBeNull();
    expect(secrets.get(saved.id, 'databaseUrl')).toBeNull();
    expect(moved.serviceRoleKey).toMatchObject({ set: false });
    expect(moved.databaseLabel).toBeNull(); // no label of a database it can no longer reach
  });

  it("drops them from the browser shell's secrets file too, and a draft test never sends a stored key to another project", async () => {
    const h = startConsoleApp();
    try {
      const p = await h.call('connections:save', {
        kind: 'supabase',
        name: 'Staging',
        supabaseUrl: 'https://abcdefgh.supabase.co',
        serviceRoleKey: KEY,
      });
      expect(p.serviceRoleKey).toMatchObject({ set: true, source: 'file' });
      // Testing the edit before saving it: the stored key stays home.
      const draft = await h.call('connections:test-draft', {
        id: p.id,
        kind: 'supabase',
        name: 'Staging',
        supabaseUrl: 'https://attacker.example.com',
      });
      expect(draft.checks.find((c) => c.name === 'Service-role key')).toMatchObject({ ok: false, message: 'Not set.' });
      const moved = await h.call('connections:save', { id: p.id, kind: 'supabase', name: 'Staging', supabaseUrl: 'https://attacker.example.com' });
      expect(moved.serviceRoleKey).toMatchObject({ set: false });
    } finally {
      await h.dispose();
    }
  });
});

describe('Test connection before saving', () => {
  it('checks the typed database URL, saves nothing, and never echoes the password', async () => {
    const h = startConsoleApp();
    try {
      const before = await h.call('connections:list', {});
      const result = await h.call('connections:test-draft', {
        kind: 'postgres',
        name: 'Nowhere',
        databaseUrl: 'postgresql://postgres:pw-CANARY@127.0.0.1:9/postgres',
      });
      expect(result.ok).toBe(false);
      expect(result.checks[0]).toMatchObject({ name: 'Reachable', ok: false });
      expect(JSON.stringify(result)).not.toContain('pw-CANARY');
      expect(await h.call('connections:list', {})).toEqual(before);
    } finally {
      await h.dispose();
    }
  });
});

describe('a Supabase URL that carries the key', () => {
  it('must be https, except on this machine', () => {
    expect(profileInputSchema.safeParse({ kind: 'supabase', name: 'x', supabaseUrl: 'http://abcdefgh.supabase.co' }).success).toBe(false);
    expect(profileInputSchema.safeParse({ kind: 'supabase', name: 'x', supabaseUrl: 'http://127.0.0.1:54321' }).success).toBe(true);
    expect(() => new SupabaseAdminGateway({ url: 'http://abcdefgh.supabase.co', serviceRoleKey: KEY })).toThrow(/https/);
    expect(() => new SupabaseAdminGateway({ url: 'http://localhost:54321', serviceRoleKey: KEY })).not.toThrow();
  });
});
