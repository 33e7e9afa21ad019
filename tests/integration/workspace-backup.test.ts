// Backup and restore of the embedded workspace: a backup taken, the workspace changed, the backup
// restored (the change is gone, the console keeps working without a restart); a backup from a
// newer console, or a file that is no backup, is refused in one sentence and the workspace is
// left exactly as it was.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedDatabase } from '../../electron/db/embedded-database';
import { startConsoleApp, type Harness } from '../support/console-app-harness';

let h: Harness;
const dir = mkdtempSync(path.join(os.tmpdir(), 'magna-backup-'));
beforeAll(() => {
  h = startConsoleApp();
});
afterAll(async () => {
  await h.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const pending = async () => (await h.call('moderation:counts', {})).pending;

describe('embedded workspace backup', () => {
  it('restores the workspace as it was when backed up; the console goes on without a restart', async () => {
    const file = path.join(dir, 'nested', 'workspace.tar.gz');
    const before = await pending();
    const backup = await h.call('workspace:backup', { file });
    expect(backup).toMatchObject({ file, latestMigration: expect.stringMatching(/^\d{14}$/) });
    expect(backup.bytes).toBeGreaterThan(1000);

    const [first] = (await h.call('moderation:queue', { queue: 'pending', limit: 1 })).rows;
    await h.call('moderation:act', { action: 'approve', items: [{ id: first!.id, expected_status: 'pending' }] });
    expect(await pending()).toBe(before - 1);

    const restored = await h.call('workspace:restore', { file });
    expect(restored).toMatchObject({ latestMigration: backup.latestMigration, migrated: 0 });
    expect(await pending()).toBe(before);
  });

  it('refuses a backup from a newer console in one sentence, and the workspace is untouched', async () => {
    // A backup whose schema knows a migration this console does not ship.
    const newer = await EmbeddedDatabase.open(path.join(dir, 'newer'), {
      program: 'console',
      load: await (await h.app.connections.workspace()).dump(),
    });
    await newer.execute("insert into supabase_migrations.schema_migrations (version, name) values ('29991231235959', 'from_the_future')");
    const file = path.join(dir, 'newer.tar.gz');
    writeFileSync(file, await newer.dump());
    await newer.close();

    const before = await pending();
    await expect(h.call('workspace:restore', { file })).rejects.toMatchObject({
      code: 'backup_from_newer_console',
      message: expect.stringMatching(
        /^This backup comes from a newer version of the console \(its schema goes up to 29991231235959; .*\): update the console, then restore it\.$/,
      ),
    });
    expect(await pending()).toBe(before);
  });

  it('refuses a file that is no backup, and a relative path, changing nothing', async () => {
    const junk = path.join(dir, 'junk.tar.gz');
    writeFileSync(junk, 'not a backup');
    await expect(h.call('workspace:restore', { file: junk })).rejects.toMatchObject({ code: 'backup_invalid' });
    await expect(h.call('workspace:restore', { file: 'workspace.tar.gz' })).rejects.toMatchObject({ code: 'backup_path_relative' });
    expect(await pending()).toBeGreaterThan(0);
  });

  it('the browser shell has no file dialog and says to type the path', async () => {
    await expect(h.call('workspace:choose-file', { purpose: 'backup' })).rejects.toMatchObject({
      code: 'no_file_dialog',
      message: 'The browser shell cannot open a file dialog: a page may not learn the paths of this machine.',
      hint: "Type the backup file's full path instead.",
    });
  });
});
