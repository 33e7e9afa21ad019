// Taxonomy at scale and by meaning: category usage counts kept by triggers stay equal to a
// group-by over the videos whatever writes them; tag names sort naturally (1, 2, 10, 11) across
// keyset pages; the tag table's total is exact when small and says when it is not; tag names
// embedded with the videos' model give merge suggestions by meaning, stale ones left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlAdminGateway } from '../../electron/db/sql-admin-gateway';
import { padVector } from '../../electron/services/embeddings/provider';
import { treeRows } from '../support/category-tree';
import { asRole, openTestDatabase, type TestDatabase } from '../support/test-database';

let t: TestDatabase;
let gw: SqlAdminGateway;
let op: string;

beforeAll(async () => {
  t = await openTestDatabase('demo');
  gw = new SqlAdminGateway(t.db, false);
  op = (await t.db.query<{ id: string }>("select id from public.users where username = 'ada_moderator'"))[0]!.id;
});
afterAll(() => t.dispose());

type Node = { id: number; slug: string; approved: number; pending: number; approved_total: number; pending_total: number };
const tree = async (): Promise<Node[]> => treeRows(await gw.call('admin_category_tree', { p_operator: op }));
/** The truth the maintained counts must equal: a group-by over every video. */
const groupBy = async () =>
  await t.db.query<{ id: number; approved: number; pending: number }>(
    `select c.id, count(v.id) filter (where v.moderation_status = 'approved')::int as approved,
            count(v.id) filter (where v.moderation_status = 'pending')::int as pending
       from public.categories c left join public.videos v on v.category_id = c.id group by c.id order by c.id`,
  );
const ownCounts = async () => (await tree()).map((n) => ({ id: n.id, approved: n.approved, pending: n.pending })).sort((a, b) => a.id - b.id);

describe('category usage counts', () => {
  it('equal a group-by over the videos after inserts, status changes, moves, deletes and an update that changes neither', async () => {
    expect(await ownCounts()).toEqual(await groupBy());
    const [a, b] = await t.db.query<{ id: number }>("select id from public.categories where slug in ('physics', 'chemistry') order by id");
    const [sub] = await t.db.query<{ id: string }>('select id from public.users order by created_at limit 1');
    const ids = (
      await t.db.query<{ id: string }>(
        `insert into public.videos (platform, platform_id, url, title, submitted_by, category_id, moderation_status)
         select 'youtube', 'cnt' || i, 'https://youtu.be/cnt' || i, 'Count ' || i, $1, $2, case when i % 2 = 0 then 'approved' else 'pending' end
           from generate_series(1, 6) i returning id`,
        [sub!.id, a!.id],
      )
    ).map((r) => r.id);
    expect(await ownCounts()).toEqual(await groupBy());
    await t.db.query("update public.videos set moderation_status = 'rejected' where id = $1", [ids[0]!]);
    await t.db.query('update public.videos set category_id = $2 where id = any($1::uuid[])', [ids.slice(1, 4), b!.id]);
    await t.db.query('update public.videos set view_count = view_count + 1 where id = any($1::uuid[])', [ids]);
    await t.db.query('update public.videos set category_id = null where id = $1', [ids[4]!]);
    await t.db.query('delete from public.videos where id = $1', [ids[5]!]);
    expect(await ownCounts()).toEqual(await groupBy());
  });

  it('sum a category and its descendants into the totals', async () => {
    const nodes = await tree();
    const [science] = await t.db.query<{ id: number }>("select id from public.categories where slug = 'science'");
    const [truth] = await t.db.query<{ approved: number; pending: number }>(
      `with recursive sub as (select id from public.categories where id = $1 union all select c.id from public.categories c join sub on c.parent_id = sub.id)
       select count(*) filter (where v.moderation_status = 'approved')::int as approved, count(*) filter (where v.moderation_status = 'pending')::int as pending
         from public.videos v where v.category_id in (select id from sub)`,
      [science!.id],
    );
    expect(nodes.find((n) => n.id === science!.id)).toMatchObject({ approved_total: truth!.approved, pending_total: truth!.pending });
  });
});

describe("the tree's version", () => {
  type Answer = { version: string; structure: { id: number[] } | null; usage: { id: number[]; approved: number[]; pending: number[] } };
  const ask = async (known?: string) =>
    (await gw.call('admin_category_tree', { p_operator: op, ...(known ? { p_known_version: known } : {}) })) as Answer;
  const version = async () => (await ask()).version;
  const physics = async () =>
    (await t.db.query<{ id: number; updated_at: string }>("select id, updated_at::text from public.categories where slug = 'physics'"))[0]!;

  it('leaves the structure out for a caller at the current version, and sends the current usage', async () => {
    const whole = await ask();
    expect(whole.structure?.id.length).toBeGreaterThan(10);
    const again = await ask(whole.version);
    expect(again).toMatchObject({ version: whole.version, structure: null });
    // A video decided changes the usage, not the version.
    const [pending] = await t.db.query<{ id: string; category_id: number }>(
      "select id, category_id from public.videos where moderation_status = 'pending' and category_id is not null limit 1",
    );
    await t.db.query("update public.videos set moderation_status = 'approved' where id = $1", [pending!.id]);
    const after = await ask(whole.version);
    expect(after.structure).toBeNull();
    expect(after.version).toBe(whole.version);
    const at = (a: Answer) => a.usage.approved[a.usage.id.indexOf(pending!.category_id)] ?? 0;
    expect(at(after)).toBe(at(again) + 1);
    // Only categories with videos are listed.
    expect(after.usage.id.every((_, i) => after.usage.approved[i]! + after.usage.pending[i]! > 0)).toBe(true);
    // A version the database never had: the whole structure.
    expect((await ask('not-a-version')).structure?.id).toEqual(whole.structure!.id);
  });

  it('changes with every committed write to a category (add, edit, move, delete) and not with a rolled-back one', async () => {
    const seen = [await version()];
    const expectNew = async () => {
      const v = await version();
      expect(seen).not.toContain(v);
      seen.push(v);
    };
    const created = (await gw.call('admin_save_category', { p_operator: op, p_name: 'Versioned', p_parent_id: null })) as {
      id: number;
      updated_at: string;
    };
    await expectNew();
    const p = await physics();
    await gw.call('admin_save_category', {
      p_operator: op,
      p_id: p.id,
      p_name: 'Physics',
      p_description: 'Matter and energy.',
      p_parent_id: null,
      p_expected_updated_at: p.updated_at,
    });
    await expectNew();
    await gw.call('admin_move_category', { p_operator: op, p_id: created.id, p_parent_id: p.id, p_position: 0 });
    await expectNew();
    await t.db
      .transaction(async (tx) => {
        await tx.query("update public.categories set name = 'Never' where id = $1", [created.id]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await version()).toBe(seen.at(-1));
    await gw.call('admin_delete_category', { p_operator: op, p_id: created.id });
    await expectNew();
    expect(new Set(seen).size).toBe(5);
  });

  it('sends the structure stored at the last commit, equal to the categories as they are; built on the spot when none is stored', async () => {
    const built = async () => (await t.db.query<{ s: unknown }>('select private.category_tree_structure() as s'))[0]!.s;
    const stored = async () => (await t.db.query<{ s: unknown }>('select structure as s from private.category_tree_version'))[0]!.s;
    // Two statements in one transaction (an insert, then an edit of another category): stored once, at commit, from the final state.
    await t.db.transaction(async (tx) => {
      await tx.query("insert into public.categories (name, slug) values ('Stored Tree', 'stored-tree')");
      await tx.query("update public.categories set description = 'Changed in the same transaction' where slug = 'physics'");
    });
    expect(await stored()).toEqual(await built());
    expect((await ask()).structure).toEqual(await built());
    expect((await built()) as { slug: string[] }).toMatchObject({ slug: expect.arrayContaining(['stored-tree']) });
    // Nothing stored (as after a TRUNCATE): the answer builds it.
    await t.db.query('update private.category_tree_version set structure = null');
    expect((await ask()).structure).toEqual(await built());
    await t.db.query("delete from public.categories where slug = 'stored-tree'");
    expect(await stored()).toEqual(await built());
  });

  it('is read by service_role only, and written by no API role (private-schema.test.ts covers its trigger function)', async () => {
    for (const role of ['anon', 'authenticated', 'service_role'] as const) {
      await expect(
        asRole(t.db, role, null, (tx) => tx.query('update private.category_tree_version set version = gen_random_uuid()')),
      ).rejects.toThrow(/permission denied/);
    }
    for (const role of ['anon', 'authenticated'] as const)
      await expect(asRole(t.db, role, null, (tx) => tx.query('select version from private.category_tree_version'))).rejects.toThrow(
        /permission denied/,
      );
    await expect(asRole(t.db, 'service_role', null, (tx) => tx.query('select version from private.category_tree_version'))).resolves.toHaveLength(1);
  });
});

describe('tag table', () => {
  it('sorts names naturally (1, 2, 10, 11) across keyset pages', async () => {
    for (const n of [11, 2, 10, 1]) await gw.call('admin_save_tag', { p_operator: op, p_name: `Zz lesson ${n}` });
    const names: string[] = [];
    let cursor: unknown = undefined;
    do {
      const page = (await gw.call('admin_tag_page', {
        p_operator: op,
        p_search: 'zz lesson',
        p_limit: 3,
        ...(cursor ? { p_cursor: cursor } : {}),
      })) as {
        rows: { name: string }[];
        next_cursor: unknown;
      };
      names.push(...page.rows.map((r) => r.name));
      cursor = page.next_cursor;
    } while (cursor);
    expect(names).toEqual(['Zz lesson 1', 'Zz lesson 2', 'Zz lesson 10', 'Zz lesson 11']);
  });

  it('gives an exact total when small, and says so', async () => {
    const [{ n }] = (await t.db.query<{ n: number }>('select count(*)::int as n from public.tags')) as [{ n: number }];
    const page = (await gw.call('admin_tag_page', { p_operator: op, p_limit: 5 })) as { total: number; total_exact: boolean };
    expect(page).toMatchObject({ total: n, total_exact: true });
  });

  it('pages a search in every sort, each match once, with the exact total on every page', async () => {
    // The four "Zz lesson" tags of the natural-order test above: 1 and 10 used by one video each.
    const videos = await t.db.query<{ id: string }>('select id from public.videos order by id limit 2');
    const [one, ten] = await t.db.query<{ id: number }>("select id from public.tags where name in ('Zz lesson 1', 'Zz lesson 10') order by name");
    await t.db.query('insert into public.video_tags (video_id, tag_id) values ($1, $2), ($3, $4)', [videos[0]!.id, one!.id, videos[1]!.id, ten!.id]);
    for (const sort of ['name', 'usage', 'newest'] as const) {
      const names: string[] = [];
      let cursor: unknown = undefined;
      do {
        const page = (await gw.call('admin_tag_page', {
          p_operator: op,
          p_search: 'zz lesson',
          p_sort: sort,
          p_limit: 1,
          ...(cursor ? { p_cursor: cursor } : {}),
        })) as {
          rows: { name: string }[];
          next_cursor: unknown;
          total: number;
          total_exact: boolean;
        };
        expect(page).toMatchObject({ total: 4, total_exact: true });
        names.push(...page.rows.map((r) => r.name));
        cursor = page.next_cursor;
      } while (cursor);
      expect(names.toSorted(), sort).toEqual(['Zz lesson 1', 'Zz lesson 10', 'Zz lesson 11', 'Zz lesson 2']);
      if (sort === 'name') expect(names).toEqual(['Zz lesson 1', 'Zz lesson 2', 'Zz lesson 10', 'Zz lesson 11']);
      // Ties by usage in id order: created 11, 2, 10, 1.
      if (sort === 'usage') expect(names).toEqual(['Zz lesson 10', 'Zz lesson 1', 'Zz lesson 11', 'Zz lesson 2']);
      if (sort === 'newest') expect(names).toEqual(['Zz lesson 1', 'Zz lesson 10', 'Zz lesson 2', 'Zz lesson 11']);
    }
  });

  it('caps a search total at "more than 1,000" instead of counting every match', async () => {
    await t.db.query("insert into public.tags (name, slug) select 'Many match ' || i, 'many-match-' || i from generate_series(1, 1100) i");
    const page = (await gw.call('admin_tag_page', { p_operator: op, p_search: 'many match', p_limit: 5 })) as {
      total: number;
      total_exact: boolean;
    };
    expect(page).toMatchObject({ total: 1000, total_exact: false });
    await t.db.query("delete from public.tags where slug like 'many-match-%'");
  });
});

describe('semantic tag-merge suggestions', () => {
  const vector = (...xs: number[]) => `[${Array.from(padVector(xs)).join(',')}]`;

  it('pairs tags whose name vectors are nearest, with the videos model only and current names only', async () => {
    const tag = async (name: string) => ((await gw.call('admin_save_tag', { p_operator: op, p_name: name })) as { id: number }).id;
    const [ml, machine, cooking, other] = [
      await tag('Zz ML'),
      await tag('Zz machine learning'),
      await tag('Zz cooking'),
      await tag('Zz other model'),
    ];
    const [video] = await t.db.query<{ id: string }>('select id from public.videos order by id limit 1');
    await t.db.query("insert into public.video_embeddings (video_id, embedding, model, source) values ($1, $2, 'test-model', 'title_description')", [
      video!.id,
      vector(1, 0, 0),
    ]);

    const todo = (await gw.call('admin_tag_embedding_todo', { p_operator: op, p_limit: 5000 })) as { model: string; tags: { id: number }[] };
    expect(todo.model).toBe('test-model');
    expect(todo.tags.map((x) => x.id)).toEqual(expect.arrayContaining([ml, machine, cooking]));

    const saved = (await gw.call('admin_tag_embeddings_save', {
      p_operator: op,
      p_model: 'test-model',
      p_rows: [
        { id: ml, name: 'Zz ML', embedding: vector(1, 0.05, 0) },
        { id: machine, name: 'Zz machine learning', embedding: vector(1, 0.1, 0) },
        { id: cooking, name: 'Zz cooking', embedding: vector(0, 0, 1) },
        { id: other, name: 'a name it no longer has', embedding: vector(1, 0.07, 0) },
      ],
    })) as { saved: number; skipped: number };
    expect(saved).toEqual({ saved: 3, skipped: 1 });
    // An embedding of another model is never compared with these.
    await t.db.query(
      "insert into public.tag_embeddings (tag_id, embedding, model, name_hash) values ($1, $2, 'other-model', md5('Zz other model'))",
      [other, vector(1, 0.06, 0)],
    );

    type Pair = { a: { id: number }; b: { id: number }; reason: string; score: number };
    const pairs = (await gw.call('admin_tag_semantic_suggestions', { p_operator: op })) as Pair[];
    const ids = pairs.map((p) => [p.a.id, p.b.id].sort((x, y) => x - y).join('-'));
    expect(ids).toContain([ml, machine].sort((x, y) => x - y).join('-'));
    expect(pairs.find((p) => [p.a.id, p.b.id].includes(ml))).toMatchObject({ reason: 'similar meaning', score: expect.closeTo(1, 1) });
    expect(pairs.some((p) => [p.a.id, p.b.id].includes(cooking) || [p.a.id, p.b.id].includes(other))).toBe(false);

    // Renamed: its embedding is stale, so it suggests nothing until embedded again.
    await gw.call('admin_save_tag', { p_operator: op, p_id: ml, p_name: 'Zz maple leaves' });
    const after = (await gw.call('admin_tag_semantic_suggestions', { p_operator: op })) as Pair[];
    expect(after.some((p) => [p.a.id, p.b.id].includes(ml))).toBe(false);
    const again = (await gw.call('admin_tag_embedding_todo', { p_operator: op, p_limit: 5000 })) as { tags: { id: number }[] };
    expect(again.tags.map((x) => x.id)).toContain(ml);
  });

  it('refuses a vector of the wrong size, storing nothing', async () => {
    const [tag] = await t.db.query<{ id: number; name: string }>("select id, name from public.tags where name = 'Zz cooking'");
    await expect(
      gw.call('admin_tag_embeddings_save', {
        p_operator: op,
        p_model: 'test-model',
        p_rows: [{ id: tag!.id, name: tag!.name, embedding: '[1,2,3]' }],
      }),
    ).rejects.toMatchObject({ code: '22000' });
  });

  it('is refused to a moderator without the curator role', async () => {
    const [mod] = await t.db.query<{ id: string }>(
      "select u.id from public.users u where not exists (select 1 from public.staff_roles s where s.user_id = u.id and s.role in ('curator', 'admin')) and u.is_active limit 1",
    );
    await expect(gw.call('admin_tag_semantic_suggestions', { p_operator: mod!.id })).rejects.toMatchObject({ code: '42501' });
  });
});
