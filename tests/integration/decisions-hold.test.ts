// Decisions that hold, for every writer: an author cannot undo or rewrite what a moderator
// decided, a suspended user writes nothing, nobody moderates their own item, every decision
// states what it was made on, an id is one item whatever its letter case, a second "keep" is a
// conflict naming the first, no API role can forge an audit row, anon never sees a video that is
// no longer approved, and a worker with another model cannot lease a job's items. Each test is
// the attack it refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlAdminGateway } from '../../electron/db/sql-admin-gateway';
import { asRole, openTestDatabase, type TestDatabase } from '../support/test-database';

type Result = {
  id: string;
  outcome: 'done' | 'conflict' | 'invalid';
  message?: string;
  audit_id?: number;
  last_change?: { operator: string; action: string } | null;
};
type Batch = { batch_id: string; done: number; results: Result[] };

let t: TestDatabase;
let gw: SqlAdminGateway;
let ada: string;
let grace: string;
let author: string;
let reporter: string;
let video: string;

beforeAll(async () => {
  t = await openTestDatabase('demo');
  gw = new SqlAdminGateway(t.db, false);
  const id = async (sql: string) => (await t.db.query<{ id: string }>(sql))[0]!.id;
  ada = await id("select id from public.users where username = 'ada_moderator'");
  grace = await id("select id from public.users where username = 'grace_moderator'");
  const plain = (
    await t.db.query<{ id: string }>(
      'select u.id from public.users u where u.is_active and not exists (select 1 from public.staff_roles s where s.user_id = u.id) order by u.username limit 2',
    )
  ).map((r) => r.id);
  [author, reporter] = plain as [string, string];
  video = await id("select id from public.videos where moderation_status = 'approved' order by id limit 1");
});
afterAll(() => t.dispose());

let n = 0;
async function newComment(by = author): Promise<string> {
  return (
    await t.db.query<{ id: string }>("insert into public.comments (video_id, user_id, content) values ($1, $2, 'Original words') returning id", [
      video,
      by,
    ])
  )[0]!.id;
}
async function newVideo(by = author, status = 'pending'): Promise<{ id: string; updated_at: string }> {
  n++;
  return (
    await t.db.query<{ id: string; updated_at: string }>(
      `insert into public.videos (platform, platform_id, url, title, moderation_status, submitted_by)
     values ('other', $1, $2, $3, $4, $5) returning id, updated_at::text`,
      [`hold-${n}`, `https://media.example.org/v/hold-${n}`, `Decisions hold ${n}`, status, by],
    )
  )[0]!;
}
async function newNote(by = author): Promise<string> {
  return (
    await t.db.query<{ id: string }>(
      "insert into public.video_contexts (video_id, context_type, content, author_id) values ($1, 'note', 'A note', $2) returning id",
      [video, by],
    )
  )[0]!.id;
}
async function report(target: 'video' | 'comment' | 'context', id: string, by = reporter): Promise<void> {
  await t.db.query(
    `insert into public.reports (reporter_id, target_type, ${target === 'context' ? 'context_id' : `${target}_id`}, reason) values ($1, $2, $3, 'spam')`,
    [by, target, id],
  );
}
const comment = async (id: string) =>
  (
    await t.db.query<{ content: string; is_deleted: boolean; is_edited: boolean; kept_at: string | null }>(
      'select content, is_deleted, is_edited, kept_at from public.comments where id = $1',
      [id],
    )
  )[0]!;
const status = async (id: string) =>
  (await t.db.query<{ moderation_status: string }>('select moderation_status from public.videos where id = $1', [id]))[0]!.moderation_status;
const auditCount = async (targetId: string) =>
  (await t.db.query<{ n: number }>('select count(*)::int as n from public.moderation_audit_log where target_id = $1', [targetId]))[0]!.n;
const asAuthor = <T>(who: string, sql: string, params: unknown[] = []) =>
  asRole(t.db, 'authenticated', who, (tx) => tx.query<Record<string, unknown>>(sql, params as never[])) as Promise<T>;

describe("a comment's author", () => {
  it('cannot un-remove a comment a moderator removed', async () => {
    const c = await newComment();
    await report('comment', c);
    expect(
      ((await gw.call('admin_moderate_comments', { p_operator: ada, p_action: 'remove', p_items: [{ id: c, expected_is_deleted: false }] })) as Batch)
        .done,
    ).toBe(1);
    await expect(asAuthor(author, 'update public.comments set is_deleted = false where id = $1', [c])).rejects.toMatchObject({
      code: '42501',
      message: expect.stringContaining('only a moderator can restore it'),
    });
    await expect(asAuthor(author, 'update public.comments set is_deleted = false, deleted_at = null where id = $1', [c])).rejects.toMatchObject({
      code: '42501',
    });
    await expect(asAuthor(author, "update public.comments set content = 'Rewritten after removal' where id = $1", [c])).rejects.toMatchObject({
      code: '42501',
    });
    expect(await comment(c)).toMatchObject({ is_deleted: true, content: 'Original words' });
  });

  it('cannot rewrite a comment a moderator kept after reports (either way of keeping it)', async () => {
    const viaBatch = await newComment();
    const viaDismiss = await newComment();
    await report('comment', viaBatch);
    await report('comment', viaDismiss);
    await gw.call('admin_moderate_comments', { p_operator: ada, p_action: 'keep', p_items: [{ id: viaBatch, expected_is_deleted: false }] });
    await gw.call('admin_dismiss_reports', { p_operator: ada, p_target_type: 'comment', p_target_id: viaDismiss });
    for (const c of [viaBatch, viaDismiss]) {
      await expect(asAuthor(author, "update public.comments set content = 'Now something abusive' where id = $1", [c])).rejects.toMatchObject({
        code: '42501',
        message: expect.stringContaining('kept this comment'),
      });
      await expect(asAuthor(author, 'update public.comments set kept_at = null where id = $1', [c])).rejects.toMatchObject({ code: '42501' });
      expect(await comment(c)).toMatchObject({ content: 'Original words', kept_at: expect.anything() });
    }
  });

  it('cannot rewrite a comment while a report about it is open (the moderator decides on the words reported)', async () => {
    const c = await newComment();
    await report('comment', c);
    await expect(asAuthor(author, "update public.comments set content = 'Something harmless now' where id = $1", [c])).rejects.toMatchObject({
      code: '42501',
      message: expect.stringContaining('has been reported'),
    });
    expect(await comment(c)).toMatchObject({ content: 'Original words', is_edited: false });
    // Withdrawing it stays possible; the moderator still reads the reported words.
    await asAuthor(author, 'update public.comments set is_deleted = true where id = $1', [c]);
    expect(await comment(c)).toMatchObject({ content: 'Original words', is_deleted: true });
  });

  it('still edits and withdraws a comment nobody decided on; the edit is stamped, not claimed', async () => {
    const c = await newComment();
    await expect(asAuthor(author, 'update public.comments set is_edited = false where id = $1', [c])).rejects.toMatchObject({ code: '42501' });
    await asAuthor(author, "update public.comments set content = 'Better words' where id = $1", [c]);
    expect(await comment(c)).toMatchObject({ content: 'Better words', is_edited: true });
    await asAuthor(author, 'update public.comments set is_deleted = true where id = $1', [c]);
    expect(
      (await t.db.query<{ deleted_at: string | null }>('select deleted_at from public.comments where id = $1', [c]))[0]!.deleted_at,
    ).not.toBeNull();
  });
});

describe("a context note's author", () => {
  it('cannot delete a note while a report about it is open: the report would vanish with it', async () => {
    const note = await newNote();
    await report('context', note);
    await expect(asAuthor(author, 'delete from public.video_contexts where id = $1', [note])).rejects.toMatchObject({
      code: '42501',
      message: expect.stringContaining('has been reported'),
    });
    const open = await t.db.query<{ n: number }>("select count(*)::int as n from public.reports where context_id = $1 and status = 'open'", [note]);
    expect(open[0]!.n).toBe(1);
    // Once a moderator has settled the reports, the author may delete it again.
    await gw.call('admin_dismiss_reports', { p_operator: ada, p_target_type: 'context', p_target_id: note });
    await asAuthor(author, 'delete from public.video_contexts where id = $1', [note]);
    expect((await t.db.query('select 1 from public.video_contexts where id = $1', [note])).length).toBe(0);
  });
});

describe('a suspended user', () => {
  let suspended: string;
  let theirVote: string;
  let theirCollection: string;
  beforeAll(async () => {
    suspended = author;
    const c = await newComment(reporter);
    await asAuthor(suspended, "insert into public.comment_votes (user_id, comment_id, vote_type) values ($1, $2, 'upvote')", [suspended, c]);
    theirVote = c;
    theirCollection = (
      await asAuthor<{ id: string }[]>(suspended, "insert into public.collections (title, created_by) values ('Mine', $1) returning id", [suspended])
    )[0]!.id;
    await gw.call('admin_set_user_active', {
      p_operator: ada,
      p_user_id: suspended,
      p_active: false,
      p_expected_active: true,
      p_reason: 'Spam wave',
    });
  });
  afterAll(() => gw.call('admin_set_user_active', { p_operator: ada, p_user_id: suspended, p_active: true, p_expected_active: false }));

  it.each([
    [
      'post a comment',
      () => asAuthor(suspended, "insert into public.comments (video_id, user_id, content) values ($1, $2, 'Still here')", [video, suspended]),
    ],
    [
      'vote',
      async () =>
        asAuthor(suspended, "insert into public.comment_votes (user_id, comment_id, vote_type) values ($1, $2, 'downvote')", [
          suspended,
          await newComment(reporter),
        ]),
    ],
    [
      'submit a video',
      () =>
        asAuthor(
          suspended,
          "insert into public.videos (platform, platform_id, url, title, submitted_by) values ('other', 'susp1', 'https://x/susp1', 'Spam', $1)",
          [suspended],
        ),
    ],
    [
      'report',
      () =>
        asAuthor(suspended, "insert into public.reports (reporter_id, target_type, video_id, reason) values ($1, 'video', $2, 'spam')", [
          suspended,
          video,
        ]),
    ],
    [
      'add a context note',
      () =>
        asAuthor(suspended, "insert into public.video_contexts (video_id, context_type, content, author_id) values ($1, 'note', 'Spam', $2)", [
          video,
          suspended,
        ]),
    ],
    ['create a collection', () => asAuthor(suspended, "insert into public.collections (title, created_by) values ('Spam list', $1)", [suspended])],
    [
      'record activity others see (trending views)',
      () =>
        asAuthor(suspended, 'insert into public.user_video_activity (user_id, video_id, has_watched, last_watched_at) values ($1, $2, true, now())', [
          suspended,
          video,
        ]),
    ],
  ])('cannot %s', async (_label, attack) => {
    await expect(attack()).rejects.toMatchObject({ code: '42501' });
  });

  it('cannot change or withdraw what they wrote before (vote, collection, profile): nothing is touched', async () => {
    const changed = async (sql: string, params: unknown[]) => (await asAuthor<unknown[]>(suspended, `${sql} returning 1`, params)).length;
    expect(
      await changed("update public.comment_votes set vote_type = 'downvote' where user_id = $1 and comment_id = $2", [suspended, theirVote]),
    ).toBe(0);
    expect(await changed('delete from public.comment_votes where user_id = $1', [suspended])).toBe(0);
    expect(await changed("update public.collections set title = 'Renamed' where id = $1", [theirCollection])).toBe(0);
    expect(await changed('delete from public.collections where id = $1', [theirCollection])).toBe(0);
    expect(await changed("update public.users set bio = 'Buy now' where id = $1", [suspended])).toBe(0);
    expect(
      (
        await t.db.query<{ vote_type: string }>('select vote_type from public.comment_votes where user_id = $1 and comment_id = $2', [
          suspended,
          theirVote,
        ])
      )[0]!.vote_type,
    ).toBe('upvote');
  });

  it('writes again once reinstated', async () => {
    await gw.call('admin_set_user_active', { p_operator: ada, p_user_id: suspended, p_active: true, p_expected_active: false });
    await expect(
      asAuthor(suspended, "insert into public.comments (video_id, user_id, content) values ($1, $2, 'Back')", [video, suspended]),
    ).resolves.toBeDefined();
    await gw.call('admin_set_user_active', { p_operator: ada, p_user_id: suspended, p_active: false, p_expected_active: true, p_reason: 'Again' });
  });
});

describe('nobody moderates their own item', () => {
  it('a submitter cannot approve their own video, nor edit its category', async () => {
    const v = await newVideo(grace);
    const r = (await gw.call('admin_moderate_videos', {
      p_operator: grace,
      p_action: 'approve',
      p_items: [{ id: v.id, expected_status: 'pending' }],
    })) as Batch;
    expect(r.results[0]).toMatchObject({ outcome: 'invalid', message: 'You submitted this video: another moderator decides on it.' });
    expect(await status(v.id)).toBe('pending');
    await expect(
      gw.call('admin_update_video_metadata', {
        p_operator: grace,
        p_video_id: v.id,
        p_expected_updated_at: v.updated_at,
        p_category_id: 3,
        p_tag_ids: [],
      }),
    ).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('You submitted this video') });
    expect(
      (
        (await gw.call('admin_moderate_videos', {
          p_operator: ada,
          p_action: 'approve',
          p_items: [{ id: v.id, expected_status: 'pending' }],
        })) as Batch
      ).done,
    ).toBe(1);
  });

  it('nor remove or keep their own comment, approve their own note, or settle a report they filed', async () => {
    const own = await newComment(grace);
    const r1 = (await gw.call('admin_moderate_comments', {
      p_operator: grace,
      p_action: 'keep',
      p_items: [{ id: own, expected_is_deleted: false }],
    })) as Batch;
    expect(r1.results[0]).toMatchObject({ outcome: 'invalid', message: 'You wrote this comment: another moderator decides on it.' });
    const note = await newNote(grace);
    const r2 = (await gw.call('admin_moderate_contexts', {
      p_operator: grace,
      p_action: 'approve',
      p_items: [{ id: note, expected_is_approved: false }],
    })) as Batch;
    expect(r2.results[0]).toMatchObject({ outcome: 'invalid', message: 'You wrote this note: another moderator decides on it.' });
    const theirs = await newComment();
    await report('comment', theirs, grace);
    const r3 = (await gw.call('admin_moderate_comments', {
      p_operator: grace,
      p_action: 'remove',
      p_items: [{ id: theirs, expected_is_deleted: false }],
    })) as Batch;
    expect(r3.results[0]).toMatchObject({ outcome: 'invalid', message: 'You reported this comment: another moderator decides on it.' });
    await expect(gw.call('admin_dismiss_reports', { p_operator: grace, p_target_type: 'comment', p_target_id: theirs })).rejects.toMatchObject({
      code: '42501',
    });
    expect((await comment(theirs)).is_deleted).toBe(false);
    expect((await auditCount(own)) + (await auditCount(note)) + (await auditCount(theirs))).toBe(0);
  });
});

describe('every decision states what it was made on', () => {
  it('refuses an item without its expected state, for videos, comments and notes, and changes nothing', async () => {
    const v = await newVideo();
    const c = await newComment();
    const note = await newNote();
    const blind = [
      ['admin_moderate_videos', { p_action: 'reject', p_reason: 'Spam', p_items: [{ id: v.id }] }],
      ['admin_moderate_comments', { p_action: 'remove', p_items: [{ id: c }] }],
      ['admin_moderate_comments', { p_action: 'keep', p_items: [{ id: c }] }],
      ['admin_moderate_contexts', { p_action: 'approve', p_items: [{ id: note }] }],
      ['admin_moderate_contexts', { p_action: 'reject', p_reason: 'Spam', p_items: [{ id: note }] }],
    ] as const;
    for (const [fn, args] of blind) {
      const r = (await gw.call(fn, { p_operator: ada, ...args })) as Batch;
      expect(r, fn).toMatchObject({ done: 0, results: [{ outcome: 'invalid', message: expect.stringContaining('State what you decided on') }] });
    }
    expect(await status(v.id)).toBe('pending');
    expect(await comment(c)).toMatchObject({ is_deleted: false, kept_at: null });
    expect(await t.db.query('select 1 from public.video_contexts where id = $1 and not is_approved', [note])).toHaveLength(1);
    expect((await auditCount(v.id)) + (await auditCount(c)) + (await auditCount(note))).toBe(0);
    await expect(
      gw.call('admin_set_user_active', { p_operator: ada, p_user_id: author, p_active: false, p_expected_active: null, p_reason: 'x' }),
    ).rejects.toMatchObject({ code: '22023' });
  });

  it('treats an id in two letter cases as one item: changed once, audited once', async () => {
    const v = await newVideo();
    const c = await newComment();
    const note = await newNote();
    const twice = (id: string, expected: Record<string, unknown>) => [
      { id, ...expected },
      { id: id.toUpperCase(), ...expected },
      { id: `{${id.replace(/-/g, '')}}`, ...expected },
    ];
    const rv = (await gw.call('admin_moderate_videos', {
      p_operator: ada,
      p_action: 'flag',
      p_items: twice(v.id, { expected_status: 'pending' }),
    })) as Batch;
    const rc = (await gw.call('admin_moderate_comments', {
      p_operator: ada,
      p_action: 'keep',
      p_items: twice(c, { expected_is_deleted: false }),
    })) as Batch;
    const rn = (await gw.call('admin_moderate_contexts', {
      p_operator: ada,
      p_action: 'approve',
      p_items: twice(note, { expected_is_approved: false }),
    })) as Batch;
    for (const [r, id] of [
      [rv, v.id],
      [rc, c],
      [rn, note],
    ] as const) {
      expect(r.done).toBe(1);
      expect(r.results).toEqual([expect.objectContaining({ id, outcome: 'done' })]);
      expect(await auditCount(id)).toBe(1);
    }
  });

  it('a second "keep" of one comment is a conflict naming the first, and is not audited', async () => {
    const c = await newComment();
    await report('comment', c);
    const first = (await gw.call('admin_moderate_comments', {
      p_operator: ada,
      p_action: 'keep',
      p_items: [{ id: c, expected_is_deleted: false }],
    })) as Batch;
    expect(first.results[0]!.outcome).toBe('done');
    const second = (await gw.call('admin_moderate_comments', {
      p_operator: grace,
      p_action: 'keep',
      p_items: [{ id: c, expected_is_deleted: false }],
    })) as Batch;
    expect(second.results[0]).toMatchObject({ outcome: 'conflict', last_change: { operator: 'ada_moderator', action: 'keep_comment' } });
    // Grace loaded the reported comment before ada kept it: removing it now is a conflict too, unless she says she knows.
    const stale = (await gw.call('admin_moderate_comments', {
      p_operator: grace,
      p_action: 'remove',
      p_items: [{ id: c, expected_is_deleted: false }],
    })) as Batch;
    expect(stale.results[0]).toMatchObject({ outcome: 'conflict', last_change: { operator: 'ada_moderator', action: 'keep_comment' } });
    expect(await auditCount(c)).toBe(1);
    const dismissedTwice = await gw
      .call('admin_dismiss_reports', { p_operator: grace, p_target_type: 'comment', p_target_id: c })
      .catch((e: unknown) => e);
    expect(dismissedTwice).toMatchObject({ code: 'PT409', details: expect.stringContaining('ada_moderator') });
    const knowing = (await gw.call('admin_moderate_comments', {
      p_operator: grace,
      p_action: 'remove',
      p_items: [{ id: c, expected_is_deleted: false, expected_kept: true }],
    })) as Batch;
    expect(knowing.done).toBe(1);
  });

  it('undoing a keep reopens the reports: the author edits again only once they are settled', async () => {
    const c = await newComment();
    await report('comment', c);
    const kept = (await gw.call('admin_moderate_comments', {
      p_operator: ada,
      p_action: 'keep',
      p_items: [{ id: c, expected_is_deleted: false }],
    })) as Batch;
    await gw.call('admin_undo_moderation', { p_operator: ada, p_audit_ids: [kept.results[0]!.audit_id] });
    expect((await comment(c)).kept_at).toBeNull();
    await expect(asAuthor(author, "update public.comments set content = 'Clarified' where id = $1", [c])).rejects.toMatchObject({
      message: expect.stringContaining('has been reported'),
    });
    await t.db.query("update public.reports set status = 'resolved', resolved_at = now() where comment_id = $1", [c]);
    await asAuthor(author, "update public.comments set content = 'Clarified' where id = $1", [c]);
    expect((await comment(c)).content).toBe('Clarified');
  });
});

describe('a curator who lost a link to another', () => {
  it('is told who removed it and when', async () => {
    const hedy = (await t.db.query<{ id: string }>("select id from public.users where username = 'hedy_curator'"))[0]!.id;
    const a = (await newVideo(author, 'approved')).id;
    const b = (await newVideo(author, 'approved')).id;
    const l = (await gw.call('admin_save_reference', { p_operator: hedy, p_source: a, p_target: b, p_type: 'related' })) as { id: string };
    await gw.call('admin_delete_reference', { p_operator: ada, p_id: l.id });
    for (const again of [
      () => gw.call('admin_delete_reference', { p_operator: hedy, p_id: l.id }),
      () => gw.call('admin_save_reference', { p_operator: hedy, p_id: l.id, p_source: a, p_target: b, p_type: 'cited' }),
    ])
      await expect(again()).rejects.toMatchObject({ code: 'PT409', details: expect.stringMatching(/^ada_moderator did delete at /) });
  });
});

describe('the audit logs', () => {
  const anyJob = async () =>
    (
      (await gw.call('admin_embedding_job_create', {
        p_operator: ada,
        p_provider: 'openai-compatible',
        p_model: 'audit-model',
        p_dimensions: 8,
        p_scope: 'all',
        p_statuses: ['rejected'],
        p_dry_run: false,
      })) as { id: string }
    ).id;

  const LOGS = {
    moderation_audit_log: (op: string, id: string) => `(operator_id, action, target_type, target_id) values ('${op}', 'approve', 'video', '${id}')`,
    taxonomy_audit_log: (op: string) => `(operator_id, action, target_type, target_id) values ('${op}', 'delete', 'tag', 1)`,
    reference_audit_log: (op: string, id: string) => `(operator_id, action, reference_id) values ('${op}', 'delete', '${id}')`,
    staff_audit_log: (op: string, id: string) => `(operator_id, action, user_id, role) values ('${op}', 'grant', '${id}', 'admin')`,
    embedding_audit_log: (op: string, id: string) => `(operator_id, action, job_id) values ('${op}', 'cancel', '${id}')`,
  };

  it.each(Object.keys(LOGS) as (keyof typeof LOGS)[])(
    '%s: service_role cannot forge a row (a chosen id, a back-dated time, another operator), edit or delete one',
    async (log) => {
      const values = LOGS[log](grace, log === 'staff_audit_log' ? author : log === 'embedding_audit_log' ? await anyJob() : video);
      const before = (await t.db.query<{ n: number }>(`select count(*)::int as n from public.${log}`))[0]!.n;
      const [cols, rest] = values.split(') values (') as [string, string];
      for (const role of ['service_role', 'authenticated', 'anon'] as const) {
        const attempts = [
          `insert into public.${log} ${values}`,
          `insert into public.${log} (id, ${cols.slice(1)}) overriding system value values (1000000, ${rest}`,
          `insert into public.${log} (occurred_at, ${cols.slice(1)}) values ('2001-01-01', ${rest}`,
          `update public.${log} set occurred_at = '2001-01-01'`,
          `delete from public.${log}`,
          `select pg_catalog.setval('public.${log}_id_seq', 1)`,
        ];
        for (const sql of attempts)
          await expect(
            asRole(t.db, role, role === 'authenticated' ? author : null, (tx) => tx.query(sql)),
            `${role}: ${sql}`,
          ).rejects.toMatchObject({ code: '42501' });
      }
      expect((await t.db.query<{ n: number }>(`select count(*)::int as n from public.${log}`))[0]!.n).toBe(before);
    },
  );

  it("are written by the console's functions with the log's own id and time", async () => {
    const v = await newVideo();
    const r = (await gw.call('admin_moderate_videos', {
      p_operator: ada,
      p_action: 'flag',
      p_items: [{ id: v.id, expected_status: 'pending' }],
    })) as Batch;
    const [row] = await t.db.query<{ operator_id: string; fresh: boolean }>(
      "select operator_id, occurred_at > now() - interval '1 minute' as fresh from public.moderation_audit_log where id = $1",
      [r.results[0]!.audit_id!],
    );
    expect(row).toEqual({ operator_id: ada, fresh: true });
  });
});

describe('anon and trending videos', () => {
  it('never sees a video in trending once it is no longer approved, although the snapshot still has it', async () => {
    await t.db.execute('refresh materialized view public.trending_videos');
    const trending = async () =>
      (await asRole(t.db, 'anon', null, (tx) => tx.query<{ id: string }>('select id from api.trending_videos'))).map((r) => r.id);
    const before = await trending();
    expect(before.length).toBeGreaterThan(10);
    const victim = before[0]!;
    await gw.call('admin_moderate_videos', {
      p_operator: ada,
      p_action: 'reject',
      p_reason: 'Misleading',
      p_items: [{ id: victim, expected_status: 'approved' }],
    });
    expect(await trending()).not.toContain(victim);
    expect(await t.db.query('select 1 from public.trending_videos where id = $1', [victim])).toHaveLength(1);
    for (const role of ['anon', 'authenticated'] as const) {
      await expect(asRole(t.db, role, null, (tx) => tx.query('select id from public.trending_videos'))).rejects.toMatchObject({ code: '42501' });
    }
  });
});

describe('backfill decisions', () => {
  it('are audited: who created, paused, resumed, cancelled a job and retried its failed items, with the counts then', async () => {
    const job = (await gw.call('admin_embedding_job_create', {
      p_operator: ada,
      p_provider: 'openai-compatible',
      p_model: 'audited-model',
      p_dimensions: 8,
      p_scope: 'all',
      p_statuses: ['flagged'],
      p_dry_run: false,
    })) as { id: string; total: number };
    for (const action of ['pause', 'resume', 'cancel'])
      await gw.call('admin_embedding_control', { p_operator: ada, p_job_id: job.id, p_action: action });
    // A refused control changes nothing and is not audited.
    await expect(gw.call('admin_embedding_control', { p_operator: ada, p_job_id: job.id, p_action: 'pause' })).rejects.toMatchObject({
      code: 'PT409',
    });
    await expect(gw.call('admin_embedding_control', { p_operator: grace, p_job_id: job.id, p_action: 'resume' })).rejects.toMatchObject({
      code: '42501',
    });
    const rows = await t.db.query<{ action: string; operator_id: string; details: Record<string, unknown> }>(
      'select action, operator_id, details from public.embedding_audit_log where job_id = $1 order by id',
      [job.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['create', 'pause', 'resume', 'cancel']);
    expect(rows.every((r) => r.operator_id === ada)).toBe(true);
    expect(rows[0]!.details).toMatchObject({ model: 'audited-model', dimensions: 8, total: job.total });
    expect(rows[1]!.details).toMatchObject({ from_status: 'running' });
    expect(rows[3]!.details).toMatchObject({ from_status: 'running' });
  });
});

describe('embedding workers', () => {
  it("a worker with another model or dimensions cannot lease or complete a job's items", async () => {
    const job = (await gw.call('admin_embedding_job_create', {
      p_operator: ada,
      p_provider: 'openai-compatible',
      p_model: 'job-model',
      p_dimensions: 8,
      p_scope: 'all',
      p_statuses: ['flagged'],
      p_dry_run: false,
    })) as { id: string };
    const lease = (model: string, dimensions: number) =>
      gw.call('admin_embedding_lease', { p_operator: ada, p_job_id: job.id, p_worker: 'w', p_model: model, p_dimensions: dimensions, p_limit: 2 });
    await expect(lease('foreign-model', 8)).rejects.toMatchObject({ code: '22023', message: expect.stringContaining('job-model') });
    await expect(lease('job-model', 1536)).rejects.toMatchObject({ code: '22023' });
    expect(await t.db.query("select 1 from public.embedding_job_items where job_id = $1 and status = 'leased'", [job.id])).toHaveLength(0);
    const leased = (await lease('job-model', 8)) as { items: { video_id: string; content_hash: string }[] };
    expect(leased.items).toHaveLength(2);
    const vec = `[${[1, 2, ...Array<number>(1534).fill(0)].join(',')}]`;
    await expect(
      gw.call('admin_embedding_complete', {
        p_operator: ada,
        p_job_id: job.id,
        p_worker: 'w',
        p_model: 'foreign-model',
        p_dimensions: 8,
        p_items: leased.items.map((i) => ({ video_id: i.video_id, embedding: vec, content_hash: i.content_hash })),
      }),
    ).rejects.toMatchObject({ code: '22023' });
    expect(await t.db.query("select 1 from public.video_embeddings where model = 'job-model'")).toHaveLength(0);
  });
});

describe('bulk functions on Supabase', () => {
  it('carry their own statement_timeout (PostgREST applies it over the 8 s role timeout)', async () => {
    const rows = await t.db.query<{ name: string; config: string[] | null }>(
      `select p.proname as name, p.proconfig as config from pg_proc p where p.pronamespace = 'public'::regnamespace
          and p.proname in ('admin_bulk_tag_videos', 'admin_merge_tags', 'admin_import_references', 'admin_moderate_videos',
                            'admin_moderate_comments', 'admin_moderate_contexts', 'admin_undo_moderation', 'admin_delete_unused_tags')`,
    );
    expect(rows).toHaveLength(8);
    for (const r of rows) expect(r.config, r.name).toContain('statement_timeout=60s');
  });
});
