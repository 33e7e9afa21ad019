// The database plan's six "Common Queries" run, as written, on the demo workspace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('demo', { searchPath: 'public, extensions' });
});
afterAll(() => t.dispose());

describe("the plan's common queries on demo data", () => {
  it('1. videos with full metadata', async () => {
    const rows = await t.db.query<{ category_name: string; tags: string[]; submitted_by_username: string }>(`
      SELECT v.*, c.name as category_name, c.slug as category_slug, u.username as submitted_by_username,
             u.display_name as submitted_by_display_name, ARRAY_AGG(DISTINCT t.name) as tags
      FROM videos v
      LEFT JOIN categories c ON v.category_id = c.id
      LEFT JOIN users u ON v.submitted_by = u.id
      LEFT JOIN video_tags vt ON v.id = vt.video_id
      LEFT JOIN tags t ON vt.tag_id = t.id
      WHERE v.moderation_status = 'approved'
      GROUP BY v.id, c.id, u.id
      ORDER BY v.created_at DESC
      LIMIT 20`);
    expect(rows).toHaveLength(20);
    expect(rows[0]!.category_name).toBeTruthy();
    expect(rows[0]!.tags.length).toBeGreaterThan(0);
  });

  it('2. full-text search', async () => {
    const rows = await t.db.query<{ title: string; rank: number }>(
      `
      SELECT v.*, ts_rank(to_tsvector('english', v.title || ' ' || COALESCE(v.description, '')), plainto_tsquery('english', $1)) as rank
      FROM videos v
      WHERE to_tsvector('english', v.title || ' ' || COALESCE(v.description, '')) @@ plainto_tsquery('english', $1)
        AND v.moderation_status = 'approved'
      ORDER BY rank DESC
      LIMIT 20`,
      ['introduction'],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /introduc/i.test(r.title) || r.rank >= 0)).toBe(true);
  });

  it('3. semantic similarity search', async () => {
    // Give three approved videos embeddings: two close together, one far away.
    const ids = (await t.db.query<{ id: string }>("select id from videos where moderation_status = 'approved' order by id limit 3")).map((r) => r.id);
    const vec = (head: number[]) => `[${[...head, ...new Array(1536 - head.length).fill(0)].join(',')}]`;
    await t.db.query(
      `insert into video_embeddings (video_id, embedding, model, source) values
      ($1, $4::extensions.vector, 'test', 'title_description'), ($2, $5::extensions.vector, 'test', 'title_description'), ($3, $6::extensions.vector, 'test', 'title_description')`,
      [ids[0]!, ids[1]!, ids[2]!, vec([1, 0.1]), vec([0.9, 0.2]), vec([0, 1])],
    );
    const rows = await t.db.query<{ id: string; similarity: number }>(
      `
      SELECT v.*, 1 - (ve.embedding <=> target.embedding) as similarity
      FROM videos v
      JOIN video_embeddings ve ON v.id = ve.video_id
      CROSS JOIN (SELECT embedding FROM video_embeddings WHERE video_id = $1) as target
      WHERE v.id != $1
      ORDER BY ve.embedding <=> target.embedding
      LIMIT 10`,
      [ids[0]!],
    );
    expect(rows.map((r) => r.id)).toEqual([ids[1], ids[2]]);
    expect(rows[0]!.similarity).toBeGreaterThan(0.9);
  });

  it('4. video references', async () => {
    const [source] = await t.db.query<{ id: string }>('select source_video_id as id from video_references group by 1 order by count(*) desc limit 1');
    const rows = await t.db.query<{ reference_type: string }>(
      `
      SELECT v.*, vr.reference_type, vr.note
      FROM video_references vr
      JOIN videos v ON vr.target_video_id = v.id
      WHERE vr.source_video_id = $1
      ORDER BY vr.reference_type, v.title`,
      [source!.id],
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it("5. prerequisite chain (recursive, the plan's depth limit of 5)", async () => {
    // The demo data's deepest chain has 8 steps; the plan's query stops at depth 5.
    const [deepest] = await t.db.query<{ id: string }>(`
      with recursive chain(id, depth) as (
        select source_video_id, 1 from video_references where reference_type = 'prerequisite'
        union all
        select vr.source_video_id, c.depth + 1 from chain c join video_references vr on vr.target_video_id = c.id and vr.reference_type = 'prerequisite'
        where c.depth < 20)
      select id from chain order by depth desc limit 1`);
    const rows = await t.db.query<{ depth: number }>(
      `
      WITH RECURSIVE prerequisites AS (
        SELECT vr.target_video_id as video_id, 1 as depth, ARRAY[vr.source_video_id] as path
        FROM video_references vr
        WHERE vr.source_video_id = $1 AND vr.reference_type = 'prerequisite'
        UNION ALL
        SELECT vr.target_video_id, p.depth + 1, p.path || vr.source_video_id
        FROM prerequisites p
        JOIN video_references vr ON p.video_id = vr.source_video_id
        WHERE vr.reference_type = 'prerequisite' AND p.depth < 5 AND NOT (vr.source_video_id = ANY(p.path))
      )
      SELECT DISTINCT v.*, p.depth
      FROM prerequisites p
      JOIN videos v ON p.video_id = v.id
      ORDER BY p.depth, v.title`,
      [deepest!.id],
    );
    expect(Math.max(...rows.map((r) => r.depth))).toBe(5);
  });

  it('6. threaded comments with reply counts', async () => {
    const [video] = await t.db.query<{ id: string }>(
      'select video_id as id from comments where parent_id is not null group by 1 order by count(*) desc limit 1',
    );
    const rows = await t.db.query<{ reply_count: string | number; username: string }>(
      `
      SELECT c.*, u.username, u.avatar_url, COUNT(replies.id) as reply_count
      FROM comments c
      JOIN users u ON c.user_id = u.id
      LEFT JOIN comments replies ON c.id = replies.parent_id AND replies.is_deleted = false
      WHERE c.video_id = $1 AND c.parent_id IS NULL AND c.is_deleted = false
      GROUP BY c.id, u.id
      ORDER BY (c.upvotes - c.downvotes) DESC, c.created_at DESC
      LIMIT 20`,
      [video!.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => Number(r.reply_count) > 0)).toBe(true);
  });
});
