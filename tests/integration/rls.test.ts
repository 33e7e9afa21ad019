// Row level security as PostgREST's roles see it: anon reads only approved content and writes
// nothing; an authenticated user writes only as themself; service_role sees everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole, openTestDatabase, type TestDatabase } from '../support/test-database';

let t: TestDatabase;
let user: { id: string };
let other: { id: string };
let approvedVideo: string;
let pendingVideo: string;

beforeAll(async () => {
  t = await openTestDatabase('demo');
  [user, other] = (await t.db.query<{ id: string }>('select id from public.users where is_active order by username limit 2')) as [
    { id: string },
    { id: string },
  ];
  approvedVideo = (await t.db.query<{ id: string }>("select id from public.videos where moderation_status = 'approved' limit 1"))[0]!.id;
  pendingVideo =
    (await t.db.query<{ id: string }>("select id from public.videos where moderation_status = 'pending' and submitted_by = $1 limit 1", [user.id]))[0]
      ?.id ??
    (
      await t.db.query<{ id: string }>(
        "update public.videos set submitted_by = $1 where id = (select id from public.videos where moderation_status = 'pending' limit 1) returning id",
        [user.id],
      )
    )[0]!.id;
});
afterAll(() => t.dispose());

const count = (rows: { n: number | string }[]) => Number(rows[0]!.n);

describe('anon', () => {
  it('sees only approved videos', async () => {
    const statuses = await asRole(t.db, 'anon', null, (tx) =>
      tx.query<{ moderation_status: string }>('select distinct moderation_status from public.videos'),
    );
    expect(statuses).toEqual([{ moderation_status: 'approved' }]);
    const total = await t.db.query<{ n: number }>("select count(*)::int as n from public.videos where moderation_status = 'approved'");
    const visible = await asRole(t.db, 'anon', null, (tx) => tx.query<{ n: number }>('select count(*)::int as n from public.videos'));
    expect(count(visible)).toBe(count(total));
  });

  it('never sees moderation notes or e-mail addresses', async () => {
    await expect(asRole(t.db, 'anon', null, (tx) => tx.query('select moderation_notes from public.videos limit 1'))).rejects.toMatchObject({
      code: '42501',
    });
    await expect(asRole(t.db, 'anon', null, (tx) => tx.query('select email from public.users limit 1'))).rejects.toMatchObject({ code: '42501' });
  });

  it('sees no comment on an unapproved video and no deleted comment', async () => {
    const rows = await asRole(t.db, 'anon', null, (tx) =>
      tx.query<{ n: number }>('select count(*)::int as n from public.comments c where c.is_deleted'),
    );
    expect(count(rows)).toBe(0);
  });

  it.each([
    ['insert a video', "insert into public.videos (platform, platform_id, url, title) values ('youtube', 'x1', 'https://x/1', 'x')"],
    [
      'insert a comment',
      `insert into public.comments (video_id, content, user_id) values ('${'00000000-0000-4000-8000-000000000000'}', 'hi', '${'00000000-0000-4000-8000-000000000000'}')`,
    ],
    ['update a category', "update public.categories set name = 'Hacked' where slug = 'science'"],
    ['delete tags', 'delete from public.tags'],
    ['read embeddings', 'select * from public.video_embeddings'],
  ])('cannot %s', async (_label, sql) => {
    await expect(asRole(t.db, 'anon', null, (tx) => tx.query(sql))).rejects.toMatchObject({ code: '42501' });
  });
});

describe('authenticated', () => {
  it('posts a comment as themself', async () => {
    const rows = await asRole(t.db, 'authenticated', user.id, (tx) =>
      tx.query<{ id: string }>('insert into public.comments (video_id, content, user_id) values ($1, $2, $3) returning id', [
        approvedVideo,
        'Great video',
        user.id,
      ]),
    );
    expect(rows).toHaveLength(1);
  });

  it('cannot post a comment as someone else', async () => {
    await expect(
      asRole(t.db, 'authenticated', user.id, (tx) =>
        tx.query('insert into public.comments (video_id, content, user_id) values ($1, $2, $3)', [approvedVideo, 'Impostor', other.id]),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it("cannot edit someone else's comment", async () => {
    const theirs = (await t.db.query<{ id: string }>('select id from public.comments where user_id = $1 limit 1', [other.id]))[0];
    if (!theirs) return;
    const changed = await asRole(t.db, 'authenticated', user.id, (tx) =>
      tx.query("update public.comments set content = 'edited' where id = $1 returning id", [theirs.id]),
    );
    expect(changed).toEqual([]);
  });

  it('sees their own pending submission but not other pending videos', async () => {
    const rows = await asRole(t.db, 'authenticated', user.id, (tx) =>
      tx.query<{ submitted_by: string; moderation_status: string }>(
        "select submitted_by, moderation_status from public.videos where moderation_status <> 'approved'",
      ),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.submitted_by === user.id)).toBe(true);
    expect(rows.some((r) => r.moderation_status === 'pending')).toBe(true);
    expect(pendingVideo).toBeTruthy();
  });

  it('submits a video that starts pending and cannot set its own status', async () => {
    const rows = await asRole(t.db, 'authenticated', user.id, (tx) =>
      tx.query<{ moderation_status: string }>(
        "insert into public.videos (platform, platform_id, url, title, submitted_by) values ('youtube', 'rlsTest001', 'https://www.youtube.com/watch?v=rlsTest001', 'Mine', $1) returning moderation_status",
        [user.id],
      ),
    );
    expect(rows).toEqual([{ moderation_status: 'pending' }]);
    await expect(
      asRole(t.db, 'authenticated', user.id, (tx) =>
        tx.query(
          "insert into public.videos (platform, platform_id, url, title, submitted_by, moderation_status, is_approved) values ('youtube', 'rlsTest002', 'https://y/2', 'x', $1, 'approved', true)",
          [user.id],
        ),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it("votes on another user's comment and the counter follows (trigger runs as definer)", async () => {
    const comment = (
      await t.db.query<{ id: string; upvotes: number }>(
        `select c.id, c.upvotes from public.comments c where c.user_id <> $1 and c.is_deleted = false
          and exists (select 1 from public.videos v where v.id = c.video_id and v.moderation_status = 'approved')
          and not exists (select 1 from public.comment_votes cv where cv.comment_id = c.id and cv.user_id = $1) limit 1`,
        [user.id],
      )
    )[0]!;
    await asRole(t.db, 'authenticated', user.id, (tx) =>
      tx.query("insert into public.comment_votes (user_id, comment_id, vote_type) values ($1, $2, 'upvote')", [user.id, comment.id]),
    );
    const [after] = await t.db.query<{ upvotes: number; downvotes: number }>('select upvotes, downvotes from public.comments where id = $1', [
      comment.id,
    ]);
    expect(after!.upvotes).toBe(comment.upvotes + 1);
    await asRole(t.db, 'authenticated', user.id, (tx) =>
      tx.query("update public.comment_votes set vote_type = 'downvote' where user_id = $1 and comment_id = $2", [user.id, comment.id]),
    );
    const [flipped] = await t.db.query<{ upvotes: number; downvotes: number }>('select upvotes, downvotes from public.comments where id = $1', [
      comment.id,
    ]);
    expect(flipped).toEqual({ upvotes: comment.upvotes, downvotes: after!.downvotes + 1 });
  });

  it('reads only their own watch activity', async () => {
    const rows = await asRole(t.db, 'authenticated', user.id, (tx) =>
      tx.query<{ user_id: string }>('select user_id from public.user_video_activity'),
    );
    expect(rows.every((r) => r.user_id === user.id)).toBe(true);
  });
});

describe('service_role', () => {
  it('sees every video whatever its status', async () => {
    const rows = await asRole(t.db, 'service_role', null, (tx) =>
      tx.query<{ n: number }>('select count(distinct moderation_status)::int as n from public.videos'),
    );
    expect(count(rows)).toBe(4);
  });
});
