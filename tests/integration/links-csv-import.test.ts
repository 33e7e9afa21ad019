// The links CSV through the graph channels, as a curator re-importing a file: links that already
// exist are skipped (and said so) when asked, instead of failing the whole import.
import { afterAll, describe, expect, it } from 'vitest';
import { startConsoleApp } from '../support/console-app-harness';

const harness = startConsoleApp();
const call = harness.call;
afterAll(() => harness.dispose());

/** A CSV of two links between demo videos: one exported (so it exists), one new (its reverse, as "response"). */
async function fileWithOneExistingLink(): Promise<{ csv: string; source: string; target: string }> {
  const { csv } = await call('graph:export', { videoId: null });
  const line = csv.split('\r\n')[1]!;
  const [source, target] = line.split(',') as [string, string];
  return { csv: `source,target,type,note,timestamp\r\n${line}\r\n${target},${source},response,From CSV,\r\n`, source, target };
}

describe('links CSV import', () => {
  it('skips links that already exist when asked: the dry run reports them, the import applies the rest, a second import skips all', async () => {
    const { csv } = await fileWithOneExistingLink();
    const strict = await call('graph:import', { csv, dryRun: true });
    expect(strict).toMatchObject({ ok: 1, skipped: 0, failed: 1 });
    expect(strict.rows[0]).toMatchObject({ row: 2, outcome: 'error', message: expect.stringContaining('already have a') });

    const dry = await call('graph:import', { csv, dryRun: true, skipExisting: true });
    expect(dry).toMatchObject({ applied: false, dryRun: true, ok: 1, skipped: 1, failed: 0 });
    expect(dry.rows.map((r) => r.outcome)).toEqual(['skipped', 'ok']);

    const first = await call('graph:import', { csv, dryRun: false, skipExisting: true });
    expect(first).toMatchObject({ applied: true, ok: 1, skipped: 1, failed: 0 });
    const second = await call('graph:import', { csv, dryRun: false, skipExisting: true });
    expect(second).toMatchObject({ applied: true, ok: 0, skipped: 2, failed: 0 });
  });

  it('keeps the all-or-nothing rule with skip-existing: a row that cannot be read blocks the file', async () => {
    const { csv, source, target } = await fileWithOneExistingLink();
    const rowsBefore = (await call('graph:export', { videoId: null })).rows;
    const broken = `${csv}${source},${target},cited,,\r\nnot-a-video,,related,,\r\n`;
    const r = await call('graph:import', { csv: broken, dryRun: false, skipExisting: true });
    expect(r.applied).toBe(false);
    expect(r.failed).toBe(1);
    expect(r.rows.at(-1)).toMatchObject({ row: 5, outcome: 'error', message: expect.stringContaining('Source and target are required') });
    expect((await call('graph:export', { videoId: null })).rows).toBe(rowsBefore);
  });
});
