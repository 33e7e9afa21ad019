import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareVersions, defaultMigrationsDir } from '../../electron/services/migrations/migration-files';

describe('compareVersions', () => {
  it('orders digit strings numerically whatever their length', () => {
    expect(['20251117000010', '9', '20251117000002'].sort(compareVersions)).toEqual(['9', '20251117000002', '20251117000010']);
  });
});

describe('defaultMigrationsDir', () => {
  const proc = process as NodeJS.Process & { resourcesPath?: string };
  const saved = proc.resourcesPath;
  afterEach(() => {
    proc.resourcesPath = saved;
    delete process.env.MAGNA_MIGRATIONS_DIR;
  });

  it("finds the source tree's migrations in development", () => {
    expect(defaultMigrationsDir()).toBe(path.resolve(import.meta.dirname, '..', '..', 'supabase', 'migrations'));
  });

  it("prefers the packaged app's resources folder", () => {
    proc.resourcesPath = path.resolve(import.meta.dirname, '..', '..');
    expect(defaultMigrationsDir()).toBe(path.join(proc.resourcesPath, 'supabase', 'migrations'));
  });

  it('honours MAGNA_MIGRATIONS_DIR', () => {
    process.env.MAGNA_MIGRATIONS_DIR = '/somewhere/else';
    expect(defaultMigrationsDir()).toBe('/somewhere/else');
  });
});
