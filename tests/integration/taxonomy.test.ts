// Taxonomy in SQL: merges lose nothing, the category tree never loops, deletes leave no orphan,
// the form's rules and the database's agree, and a concurrent rename is a conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryInputSchema, mergeTagsSchema, tagInputSchema } from '../../electron/api/taxonomy';
import { SqlAdminGateway } from '../../electron/db/sql-admin-gateway';
import { treeRows } from '../support/category-tree';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

let t: TestDatabase;
let gw: SqlAdminGateway;
let op: string;
type Cat = { id: number; name: string; updated_at: string; parent_id: number | null; display_order: number };

beforeAll(async () => {
  t = await openTestDatabase('demo');
  gw = new SqlAdminGateway(t.db, false);
  op = (await t.db.query<{ id: string }>("select id from public.users where username = 'ada_moderator'"))[0]!.id;
});
afterAll(() => t.dispose());

const saveCategory = (args: Record<string, unknown>) => gw.call('admin_save_category', { p_operator: op, ...args }) as Promise<Cat>;
const saveTag = (args: Record<string, unknown>) =>
  gw.call('admin_save_tag', { p_operator: op, ...args }) as Promise<{ id: number; slug: string; updated_at: string; video_count: number }>;
const videoTags = async () => await t.db.query<{ video_id: string; tag_id: number }>('select video_id, tag_id from public.video_tags');

describe('categories', () => {
  it('creates with a slug derived from the name, in order among its siblings', async () => {
    const physics = (await t.db.query<{ id: number }>("select id from public.categories where slug = 'physics'"))[0]!;
    const a = await saveCategory({ p_name: 'Quantum Optics', p_parent_id: physics.id, p_color: '#112233', p_icon: '🔬' });
    const b = await saveCategory({ p_name: 'Nuclear Physics', p_parent_id: physics.id });
    expect(a).toMatchObject({ slug: 'quantum-optics', parent_id: physics.id });
    expect(b.display_order).toBe(a.display_order + 1);
  });

  it('refuses a re-parent that would close a cycle, at any depth, naming the path', async () => {
    let parent: Cat | null = null;
    const chain: Cat[] = [];
    for (let i = 0; i < 12; i++) {
      parent = await saveCategory({ p_name: `Level ${i}`, ...(parent ? { p_parent_id: parent.id } : {}) });
      chain.push(parent);
    }
    const top = chain[0]!;
    const err = await gw
      .call('admin_move_category', { p_operator: op, p_id: top.id, p_parent_id: chain[11]!.id, p_position: 0 })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: '23514', message: expect.stringContaining('would make it its own ancestor') });
    expect((err as Error).message).toContain('Level 0 > Level 1');
    await expect(
      gw.call('admin_move_category', { p_operator: op, p_id: chain[3]!.id, p_parent_id: chain[3]!.id, p_position: 0 }),
    ).rejects.toMatchObject({ code: '23514' });
    expect(
      (await t.db.query<{ parent_id: number | null }>('select parent_id from public.categories where id = $1', [top.id]))[0]!.parent_id,
    ).toBeNull();
  });

  it('moves and reorders among siblings in one transaction', async () => {
    const root = await saveCategory({ p_name: 'Reorder root' });
    const kids = [];
    for (const n of ['A', 'B', 'C']) kids.push(await saveCategory({ p_name: `Reorder ${n}`, p_parent_id: root.id }));
    await gw.call('admin_move_category', { p_operator: op, p_id: kids[2]!.id, p_parent_id: root.id, p_position: 0 });
    const order = await t.db.query<{ name: string }>('select name from public.categories where parent_id = $1 order by display_order', [root.id]);
    expect(order.map((o) => o.name)).toEqual(['Reorder C', 'Reorder A', 'Reorder B']);
  });

  it('deletes with reassignment: no orphan video or child', async () => {
    const doomed = await saveCategory({ p_name: 'Doomed' });
    const child = await saveCategory({ p_name: 'Doomed child', p_parent_id: doomed.id });
    const refuge = (await t.db.query<{ id: number }>("select id from public.categories where slug = 'science'"))[0]!;
    const vids = (await t.db.query<{ id: string }>('select id from public.videos order by id limit 5')).map((v) => v.id);
    await t.db.query('update public.videos set category_id = $1 where id = any($2::uuid[])', [doomed.id, vids]);
    await expect(gw.call('admin_delete_category', { p_operator: op, p_id: doomed.id, p_videos_to: child.id })).rejects.toMatchObject({
      code: '22023',
    });
    const r = (await gw.call('admin_delete_category', { p_operator: op, p_id: doomed.id, p_videos_to: refuge.id })) as {
      videos_moved: number;
      children_moved: number;
    };
    expect(r).toMatchObject({ videos_moved: 5, children_moved: 1 });
    const orphans = await t.db.query(
      'select 1 from public.videos v where v.category_id is not null and not exists (select 1 from public.categories c where c.id = v.category_id)',
    );
    expect(orphans).toEqual([]);
    expect(
      (await t.db.query<{ parent_id: number | null }>('select parent_id from public.categories where id = $1', [child.id]))[0]!.parent_id,
    ).toBeNull();
  });

  it('protects the built-in "all" category', async () => {
    const all = (await t.db.query<{ id: number }>("select id from public.categories where slug = 'all'"))[0]!;
    await expect(gw.call('admin_delete_category', { p_operator: op, p_id: all.id })).rejects.toMatchObject({ code: '23514' });
    await expect(t.db.query("update public.categories set slug = 'everything' where slug = 'all'")).rejects.toMatchObject({ code: '23514' });
  });

  it('shows usage counts including descendants', async () => {
    const tree = treeRows(await gw.call('admin_category_tree', { p_operator: op }));
    const science = tree.find((c) => c.slug === 'science')!;
    const physics = tree.find((c) => c.slug === 'physics')!;
    expect(science.approved_total).toBeGreaterThanOrEqual(science.approved + physics.approved_total);
  });
});

describe('tags', () => {
  it("merging keeps every video's other tags and drops no video", async () => {
    const a = await saveTag({ p_name: 'Merge source A' });
    const b = await saveTag({ p_name: 'Merge source B' });
    const target = await saveTag({ p_name: 'Merge target' });
    const vids = (await t.db.query<{ id: string }>('select id from public.videos order by id limit 6')).map((v) => v.id);
    // A on 0-3, B on 2-5, target already on 5: overlaps must not duplicate.
    await t.db.query('insert into public.video_tags (video_id, tag_id) select unnest($1::uuid[]), $2', [vids.slice(0, 4), a.id]);
    await t.db.query('insert into public.video_tags (video_id, tag_id) select unnest($1::uuid[]), $2', [vids.slice(2, 6), b.id]);
    await t.db.query('insert into public.video_tags (video_id, tag_id) values ($1, $2)', [vids[5]!, target.id]);
    const before = await videoTags();
    const others = before.filter((r) => vids.includes(r.video_id) && ![a.id, b.id, target.id].includes(r.tag_id));
    const r = (await gw.call('admin_merge_tags', { p_operator: op, p_source_ids: [a.id, b.id], p_target_id: target.id })) as { video_count: number };
    expect(r.video_count).toBe(6);
    const after = await videoTags();
    for (const v of vids) expect(after).toContainEqual({ video_id: v, tag_id: target.id });
    for (const o of others) expect(after).toContainEqual(o);
    expect(after.filter((x) => x.tag_id === a.id || x.tag_id === b.id)).toEqual([]);
    expect(await t.db.query('select 1 from public.tags where id = any($1::int[])', [[a.id, b.id]])).toEqual([]);
    const videosBefore = new Set(before.map((x) => x.video_id));
    expect(new Set(after.map((x) => x.video_id))).toEqual(videosBefore);
  });

  it('renames with the slug following, and a concurrent rename is a conflict, not a lost update', async () => {
    const tag = await saveTag({ p_name: 'Rename me' });
    const first = await saveTag({ p_id: tag.id, p_name: 'Renamed once', p_expected_updated_at: tag.updated_at });
    expect(first.slug).toBe('renamed-once');
    await expect(saveTag({ p_id: tag.id, p_name: 'Renamed by a stale form', p_expected_updated_at: tag.updated_at })).rejects.toMatchObject({
      code: 'PT409',
      details: expect.stringContaining('ada_moderator did update'),
    });
    expect((await t.db.query<{ name: string }>('select name from public.tags where id = $1', [tag.id]))[0]!.name).toBe('Renamed once');
  });

  it('cleans up unused tags and suggests likely duplicates', async () => {
    await saveTag({ p_name: 'Orphan tag' });
    const r = (await gw.call('admin_delete_unused_tags', { p_operator: op })) as { deleted: { name: string }[] };
    expect(r.deleted.map((d) => d.name)).toContain('Orphan tag');
    await saveTag({ p_name: 'Neural networks' });
    await saveTag({ p_name: 'Neural-Network', p_slug: 'neural-network' });
    const s = (await gw.call('admin_tag_suggestions', { p_operator: op })) as { a: { name: string }; b: { name: string }; reason: string }[];
    expect(s.some((x) => [x.a.name, x.b.name].sort().join('|') === 'Neural networks|Neural-Network')).toBe(true);
  });

  it('pages the tag table by keyset in every sort', async () => {
    for (const sort of ['name', 'usage', 'newest']) {
      const seen: number[] = [];
      let cursor: unknown = null;
      for (let i = 0; i < 50; i++) {
        const page = (await gw.call('admin_tag_page', { p_operator: op, p_sort: sort, p_limit: 7, ...(cursor ? { p_cursor: cursor } : {}) })) as {
          rows: { id: number }[];
          next_cursor: unknown;
          total: number;
        };
        seen.push(...page.rows.map((r) => r.id));
        cursor = page.next_cursor;
        if (!cursor) {
          expect(seen.length).toBe(page.total);
          break;
        }
      }
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it('bulk-tags three videos with per-item outcomes', async () => {
    const tag = await saveTag({ p_name: 'Bulk applied' });
    const vids = (await t.db.query<{ id: string }>('select id from public.videos order by id desc limit 3')).map((v) => v.id);
    const r = (await gw.call('admin_bulk_tag_videos', {
      p_operator: op,
      p_video_ids: [...vids, '00000000-0000-4000-8000-000000000000'],
      p_add_tag_ids: [tag.id],
    })) as { tags_added: number; results: { outcome: string }[] };
    expect(r.tags_added).toBe(3);
    expect(r.results.map((x) => x.outcome).sort()).toEqual(['done', 'done', 'done', 'invalid']);
    expect((await t.db.query<{ video_count: number }>('select video_count from public.tags where id = $1', [tag.id]))[0]!.video_count).toBe(3);
  });

  it('records every change in the audit trail', async () => {
    const tag = await saveTag({ p_name: 'Audited' });
    await saveTag({ p_id: tag.id, p_name: 'Audited twice' });
    const audit = (await gw.call('admin_taxonomy_audit', { p_operator: op, p_target_type: 'tag', p_target_id: tag.id })) as {
      action: string;
      operator: string;
      before: { name: string } | null;
      after: { name: string };
    }[];
    expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
    expect(audit[0]).toMatchObject({ operator: 'ada_moderator', before: { name: 'Audited' }, after: { name: 'Audited twice' } });
  });
});

describe('bad input: the form and the database agree, and nothing changes', () => {
  const cases: [label: string, form: () => boolean, db: () => Promise<unknown>, code: string][] = [
    [
      'a category name that exists in another case',
      () => categoryInputSchema.safeParse({ name: 'PHYSICS' }).success,
      () => saveCategory({ p_name: 'PHYSICS' }),
      '23505',
    ],
    [
      'a tag name that exists in another case',
      () => tagInputSchema.safeParse({ name: 'BEGINNER' }).success,
      () => saveTag({ p_name: 'BEGINNER' }),
      '23505',
    ],
    [
      'a slug with spaces',
      () => !categoryInputSchema.safeParse({ name: 'Space slug', slug: 'space slug' }).success,
      () => saveCategory({ p_name: 'Space slug', p_slug: 'space slug' }),
      '22023',
    ],
    [
      'a slug with unicode',
      () => !tagInputSchema.safeParse({ name: 'Unicode', slug: 'ünïcode' }).success,
      () => saveTag({ p_name: 'Unicode', p_slug: 'ünïcode' }),
      '22023',
    ],
    ['a name that gives no slug', () => !tagInputSchema.safeParse({ name: '日本語' }).success, () => saveTag({ p_name: '日本語' }), '22023'],
    [
      'a name with a line break (a forged log line, a broken CSV row)',
      () => !tagInputSchema.safeParse({ name: 'Dup\n2026-11-27 INFO forged' }).success,
      () => saveTag({ p_name: 'Dup\n2026-11-27 INFO forged' }),
      '22023',
    ],
    [
      'a colour that is not hex',
      () => !categoryInputSchema.safeParse({ name: 'Bad colour', color: 'blue' }).success,
      () => saveCategory({ p_name: 'Bad colour', p_color: 'blue' }),
      '22023',
    ],
    [
      'merging a tag into itself',
      () => !mergeTagsSchema.safeParse({ sourceIds: [1], targetId: 1 }).success,
      () => gw.call('admin_merge_tags', { p_operator: op, p_source_ids: [1], p_target_id: 1 }),
      '22023',
    ],
  ];
  it.each(cases)('%s', async (_label, formAgrees, db, code) => {
    expect(formAgrees()).toBe(true);
    const before = await t.db.query<{ n: number }>('select (select count(*) from public.taxonomy_audit_log)::int as n');
    await expect(db()).rejects.toMatchObject({ code });
    const after = await t.db.query<{ n: number }>('select (select count(*) from public.taxonomy_audit_log)::int as n');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('a parent that is a descendant', async () => {
    const parent = await saveCategory({ p_name: 'Cycle parent' });
    const child = await saveCategory({ p_name: 'Cycle child', p_parent_id: parent.id });
    await expect(saveCategory({ p_id: parent.id, p_name: 'Cycle parent', p_parent_id: child.id })).rejects.toMatchObject({ code: '23514' });
  });
});
