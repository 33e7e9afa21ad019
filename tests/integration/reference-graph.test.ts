// The reference graph in SQL: prerequisite and sequel cycles refused exactly at any depth with
// the path, other types free to cycle, imports that are dry-run or all-or-nothing, and complete
// chains beyond the plan's depth 5.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlAdminGateway } from '../../electron/db/sql-admin-gateway';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

let t: TestDatabase;
let gw: SqlAdminGateway;
let op: string;
let n = 0;

beforeAll(async () => {
  t = await openTestDatabase('demo');
  gw = new SqlAdminGateway(t.db, false);
  op = (await t.db.query<{ id: string }>("select id from public.users where username = 'ada_moderator'"))[0]!.id;
});
afterAll(() => t.dispose());

async function videos(count: number, duration = 600): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    n++;
    const [r] = await t.db.query<{ id: string }>(
      "insert into public.videos (platform, platform_id, url, title, duration_seconds) values ('other', $1, $2, $3, $4) returning id",
      [`graph-${n}`, `https://media.example.org/v/graph-${n}`, `Graph video ${n}`, duration],
    );
    ids.push(r!.id);
  }
  return ids;
}
/** Sets the videos' moderation status directly (the test plays the moderator). */
const setStatus = (ids: string[], status: 'approved' | 'rejected' | 'pending' | 'flagged') =>
  t.db.query('update public.videos set moderation_status = $2, is_approved = ($2 = $3) where id = any ($1::uuid[])', [ids, status, 'approved']);
const link = (source: string, target: string, type = 'prerequisite', extra: Record<string, unknown> = {}) =>
  gw.call('admin_save_reference', { p_operator: op, p_source: source, p_target: target, p_type: type, ...extra }) as Promise<{ id: string }>;
const chainOf = async (length: number, type = 'prerequisite') => {
  const ids = await videos(length + 1);
  for (let i = 0; i < length; i++) await link(ids[i]!, ids[i + 1]!, type);
  return ids;
};

describe('cycle policy', () => {
  it.each([2, 5, 50])('refuses a prerequisite link that closes a cycle of length %i, naming the path', async (len) => {
    const ids = await chainOf(len - 1);
    const err = await link(ids.at(-1)!, ids[0]!).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: '23514', message: expect.stringContaining('would close a cycle') });
    const path = (err as { details: string }).details.split(',');
    expect(path).toHaveLength(len + 1);
    expect(path[0]).toBe(ids[0]);
    expect(path.at(-1)).toBe(ids[0]);
    expect(
      await t.db.query('select 1 from public.video_references where source_video_id = $1 and target_video_id = $2', [ids.at(-1)!, ids[0]!]),
    ).toEqual([]);
  });

  it('refuses sequel cycles too, but lets related (and other) links cycle', async () => {
    const ids = await chainOf(3, 'sequel');
    await expect(link(ids[3]!, ids[0]!, 'sequel')).rejects.toMatchObject({ code: '23514' });
    const r = await chainOf(3, 'related');
    await expect(link(r[3]!, r[0]!, 'related')).resolves.toMatchObject({ id: expect.any(String) });
    // A prerequisite cycle is judged on prerequisite links only.
    await expect(link(r[3]!, r[0]!, 'prerequisite')).resolves.toMatchObject({ id: expect.any(String) });
  });

  it('refuses a cycle made by editing a link, and a link to itself', async () => {
    const ids = await chainOf(2);
    const extra = await link(ids[2]!, (await videos(1))[0]!);
    await expect(
      gw.call('admin_save_reference', { p_operator: op, p_id: extra.id, p_source: ids[2], p_target: ids[0], p_type: 'prerequisite' }),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(link(ids[0]!, ids[0]!)).rejects.toMatchObject({ code: '23514', message: 'A video cannot link to itself.' });
  });

  it('refuses a duplicate link and a timestamp past the video', async () => {
    const [a, b] = await videos(2, 300);
    await link(a!, b!, 'cited', { p_timestamp_seconds: 299 });
    await expect(link(a!, b!, 'cited')).rejects.toMatchObject({ code: '23505' });
    await expect(link(a!, b!, 'response', { p_timestamp_seconds: 301 })).rejects.toMatchObject({
      code: '22023',
      message: expect.stringContaining('past the end of the video'),
    });
    await expect(link(a!, b!, 'likes')).rejects.toMatchObject({ code: '22023', message: expect.stringContaining('Unknown link type') });
  });
});

describe('views', () => {
  it('gives the complete prerequisite chain (deeper than 5) and the dependents', async () => {
    const ids = await chainOf(8);
    const chain = (await gw.call('admin_prerequisite_chain', { p_operator: op, p_video_id: ids[0] })) as { id: string; depth: number }[];
    expect(chain.map((c) => c.depth)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const dependents = (await gw.call('admin_prerequisite_chain', { p_operator: op, p_video_id: ids[8], p_direction: 'required_by' })) as {
      id: string;
    }[];
    expect(dependents).toHaveLength(8);
  });

  it('orders a learning path so each video follows what it requires, and saves it as a collection', async () => {
    const [top, a, b, c] = await videos(4);
    await setStatus([top!, a!, b!, c!], 'approved');
    await link(top!, a!);
    await link(top!, b!);
    await link(a!, c!);
    await link(b!, c!);
    const path = ((await gw.call('admin_learning_path', { p_operator: op, p_video_id: top })) as { id: string }[]).map((p) => p.id);
    expect(path[0]).toBe(c);
    expect(path.at(-1)).toBe(top);
    expect(path.indexOf(a!)).toBeLessThan(path.indexOf(top!));
    const saved = (await gw.call('admin_save_learning_path', { p_operator: op, p_video_id: top, p_title: 'Path to the top' })) as {
      collection_id: string;
      videos: number;
    };
    expect(saved.videos).toBe(4);
    const positions = await t.db.query<{ video_id: string }>(
      'select video_id from public.collection_videos where collection_id = $1 order by position',
      [saved.collection_id],
    );
    expect(positions.map((p) => p.video_id)).toEqual(path);
  });

  it('leaves prerequisites that are not approved out of a learning path, keeping the approved ones behind them', async () => {
    // top requires rejected and pending; rejected requires deep (approved): deep still comes first.
    const [top, rejected, pending, deep] = await videos(4);
    await link(top!, rejected!);
    await link(top!, pending!);
    await link(rejected!, deep!);
    await setStatus([top!, deep!], 'approved');
    await setStatus([rejected!], 'rejected');
    const path = ((await gw.call('admin_learning_path', { p_operator: op, p_video_id: top })) as { id: string }[]).map((p) => p.id);
    expect(path).toEqual([deep, top]);
    const saved = (await gw.call('admin_save_learning_path', { p_operator: op, p_video_id: top, p_title: 'Approved only' })) as {
      collection_id: string;
    };
    const statuses = await t.db.query<{ moderation_status: string }>(
      'select v.moderation_status from public.collection_videos cv join public.videos v on v.id = cv.video_id where cv.collection_id = $1',
      [saved.collection_id],
    );
    expect(statuses.map((s) => s.moderation_status)).toEqual(['approved', 'approved']);
  });

  it.each(['rejected', 'pending', 'flagged'] as const)('refuses a learning path that would start from a %s video, saving nothing', async (status) => {
    const [top, before] = await videos(2);
    await link(top!, before!);
    await setStatus([before!], 'approved');
    await setStatus([top!], status);
    await expect(gw.call('admin_learning_path', { p_operator: op, p_video_id: top })).rejects.toMatchObject({
      code: '22023',
      message: expect.stringContaining(`Only an approved video can head a learning path: "Graph video`),
      hint: expect.stringContaining('Approve it'),
    });
    const collections = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from public.collections'))[0]!.n;
    const count = await collections();
    await expect(gw.call('admin_save_learning_path', { p_operator: op, p_video_id: top, p_title: 'Never' })).rejects.toMatchObject({ code: '22023' });
    expect(await collections()).toBe(count);
  });

  it('serves a 1–3 hop neighbourhood, capped nearest first, with the links among the shown videos', async () => {
    const ids = await chainOf(4, 'related');
    const one = (await gw.call('admin_graph_neighbourhood', { p_operator: op, p_video_id: ids[0], p_hops: 1 })) as {
      nodes: { id: string; depth: number }[];
      edges: unknown[];
    };
    expect(one.nodes.map((x) => x.depth).sort()).toEqual([0, 1]);
    const three = (await gw.call('admin_graph_neighbourhood', { p_operator: op, p_video_id: ids[0], p_hops: 3 })) as {
      nodes: unknown[];
      edges: unknown[];
    };
    expect(three.nodes).toHaveLength(4);
    expect(three.edges).toHaveLength(3);
    const capped = (await gw.call('admin_graph_neighbourhood', { p_operator: op, p_video_id: ids[0], p_hops: 3, p_limit: 2 })) as {
      nodes: unknown[];
      truncated: boolean;
      total: number;
    };
    expect(capped).toMatchObject({ truncated: true, total: 4 });
    expect(capped.nodes).toHaveLength(2);
  });

  it('records every link change and returns a removed link for undo', async () => {
    const [a, b] = await videos(2);
    const l = await link(a!, b!, 'cited', { p_note: 'see 3:10' });
    const removed = (await gw.call('admin_delete_reference', { p_operator: op, p_id: l.id })) as { note: string };
    expect(removed.note).toBe('see 3:10');
    const history = (await gw.call('admin_reference_history', { p_operator: op, p_video_id: a })) as { action: string }[];
    expect(history.map((h) => h.action)).toEqual(['delete', 'create']);
    await expect(gw.call('admin_delete_reference', { p_operator: op, p_id: l.id })).rejects.toMatchObject({ code: 'PT409' });
  });
});

describe('import', () => {
  const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from public.video_references'))[0]!.n;

  it('a dry run reports each row and changes nothing', async () => {
    const [a, b, c] = await videos(3);
    const before = await count();
    const r = (await gw.call('admin_import_references', {
      p_operator: op,
      p_dry_run: true,
      p_rows: [
        { row: 2, source: a, target: b, type: 'prerequisite' },
        { row: 3, source: `https://media.example.org/v/graph-${n}`, target: a, type: 'related', note: 'by URL' },
      ],
    })) as { applied: boolean; ok: number; results: { outcome: string }[] };
    expect(r).toMatchObject({ applied: false, ok: 2 });
    expect(await count()).toBe(before);
    expect(c).toBeTruthy();
  });

  it('a half-bad import applies nothing, with a clear message per bad row', async () => {
    const [a, b, c] = await videos(3, 120);
    const before = await count();
    const r = (await gw.call('admin_import_references', {
      p_operator: op,
      p_dry_run: false,
      p_rows: [
        { row: 2, source: a, target: b, type: 'prerequisite' },
        { row: 3, source: b, target: c, type: 'prerequisite' },
        { row: 4, source: c, target: a, type: 'prerequisite' },
        { row: 5, source: 'https://nowhere.example/x', target: a, type: 'related' },
        { row: 6, source: a, target: c, type: 'teaches' },
        { row: 7, source: a, target: a, type: 'related' },
        { row: 8, source: a, target: c, type: 'cited', timestamp_seconds: 500 },
      ],
    })) as { applied: boolean; failed: number; results: { row: number; outcome: string; message?: string }[] };
    expect(r.applied).toBe(false);
    expect(r.failed).toBe(5);
    const msg = (row: number) => r.results.find((x) => x.row === row)?.message ?? '';
    expect(msg(4)).toContain('would close a cycle');
    expect(msg(5)).toContain('Unknown source video');
    expect(msg(6)).toContain('Unknown link type');
    expect(msg(7)).toContain('cannot link to itself');
    expect(msg(8)).toContain('past the end');
    expect(await count()).toBe(before);
  });

  it('with skip-existing, links that already exist are skipped (dry run and real run), new ones applied; without it they fail', async () => {
    const [a, b, c] = await videos(3);
    await link(a!, b!, 'related', { p_note: 'kept as it was' });
    const rows = [
      { row: 2, source: a, target: b, type: 'related', note: 'from the file' },
      { row: 3, source: b, target: c, type: 'related' },
      // The same link twice in one file: the second is skipped too.
      { row: 4, source: b, target: c, type: 'related' },
      // Same ends, another type: a new link.
      { row: 5, source: a, target: b, type: 'cited' },
    ];
    type Result = { applied: boolean; ok: number; skipped: number; failed: number; results: { row: number; outcome: string; message?: string }[] };
    const before = await count();
    const strict = (await gw.call('admin_import_references', { p_operator: op, p_dry_run: true, p_rows: rows })) as Result;
    expect(strict).toMatchObject({ ok: 2, skipped: 0, failed: 2 });
    expect(strict.results.find((r) => r.row === 2)?.message).toContain('already have a related link');

    const dry = (await gw.call('admin_import_references', { p_operator: op, p_dry_run: true, p_skip_existing: true, p_rows: rows })) as Result;
    expect(dry).toMatchObject({ applied: false, ok: 2, skipped: 2, failed: 0 });
    expect(dry.results.map((r) => [r.row, r.outcome])).toEqual([
      [2, 'skipped'],
      [3, 'ok'],
      [4, 'skipped'],
      [5, 'ok'],
    ]);
    expect(dry.results[0]!.message).toBe('This link already exists: skipped.');
    expect(await count()).toBe(before);

    const real = (await gw.call('admin_import_references', { p_operator: op, p_dry_run: false, p_skip_existing: true, p_rows: rows })) as Result;
    expect(real).toMatchObject({ applied: true, ok: 2, skipped: 2, failed: 0 });
    expect(await count()).toBe(before + 2);
    const kept = await t.db.query<{ note: string }>(
      "select note from public.video_references where source_video_id = $1 and target_video_id = $2 and reference_type = 'related'",
      [a!, b!],
    );
    expect(kept).toEqual([{ note: 'kept as it was' }]);

    // The same file again: everything skipped, nothing written, nothing failed.
    const again = (await gw.call('admin_import_references', { p_operator: op, p_dry_run: false, p_skip_existing: true, p_rows: rows })) as Result;
    expect(again).toMatchObject({ applied: true, ok: 0, skipped: 4, failed: 0 });
    expect(await count()).toBe(before + 2);
  });

  it('skip-existing does not hide other problems: a bad row still blocks the whole file', async () => {
    const [a, b] = await videos(2);
    await link(a!, b!, 'related');
    const before = await count();
    const r = (await gw.call('admin_import_references', {
      p_operator: op,
      p_dry_run: false,
      p_skip_existing: true,
      p_rows: [
        { row: 2, source: a, target: b, type: 'related' },
        { row: 3, source: b, target: a, type: 'sequel' },
        { row: 4, source: a, target: 'https://nowhere.example/y', type: 'related' },
      ],
    })) as { applied: boolean; ok: number; skipped: number; failed: number };
    expect(r).toMatchObject({ applied: false, ok: 1, skipped: 1, failed: 1 });
    expect(await count()).toBe(before);
  });

  it('a good import applies every row in one transaction', async () => {
    const [a, b, c] = await videos(3);
    const before = await count();
    const r = (await gw.call('admin_import_references', {
      p_operator: op,
      p_dry_run: false,
      p_rows: [
        { row: 2, source: a, target: b, type: 'sequel' },
        { row: 3, source: b, target: c, type: 'sequel' },
      ],
    })) as { applied: boolean };
    expect(r.applied).toBe(true);
    expect(await count()).toBe(before + 2);
  });
});
