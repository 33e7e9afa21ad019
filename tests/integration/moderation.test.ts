// Moderation in SQL: the state machine, optimistic concurrency between two operators, bulk
// outcomes, undo through the audit log, reports, claims, and refusals that change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlAdminGateway } from '../../electron/db/sql-admin-gateway';
import { asRole, openTestDatabase, type TestDatabase } from '../support/test-database';

type Result = {
  id: string;
  outcome: 'done' | 'conflict' | 'invalid';
  message?: string;
  status?: string;
  audit_id?: number;
  last_change?: { operator: string; action: string };
};
type Batch = { batch_id: string; done: number; results: Result[] };

let t: TestDatabase;
let gw: SqlAdminGateway;
let ada: string;
let grace: string;
let reporter: string;

beforeAll(async () => {
  t = await openTestDatabase('demo');
  gw = new SqlAdminGateway(t.db, false);
  const users = await t.db.query<{ id: string; username: string }>(
    "select id, username from public.users where username in ('ada_moderator', 'grace_moderator') or username like '%\\_2' order by username",
  );
  ada = users.find((u) => u.username === 'ada_moderator')!.id;
  grace = users.find((u) => u.username === 'grace_moderator')!.id;
  reporter = (await t.db.query<{ id: string }>("select id from public.users where is_active and username not like '%moderator' limit 1"))[0]!.id;
});
afterAll(() => t.dispose());

let fresh = 0;
/** A new pending video of our own, so tests do not depend on each other's leftovers. */
async function newVideo(status: 'pending' | 'approved' | 'rejected' | 'flagged' = 'pending'): Promise<{ id: string; updated_at: string }> {
  fresh++;
  const [row] = await t.db.query<{ id: string; updated_at: string }>(
    `insert into public.videos (platform, platform_id, url, title, moderation_status, submitted_by)
     values ('other', $1, $2, $3, $4, $5) returning id, updated_at::text`,
    [`mod-test-${fresh}`, `https://media.example.org/v/mod-test-${fresh}`, `Moderation test video ${fresh}`, status, reporter],
  );
  return row!;
}

const moderate = (operator: string, action: string, items: unknown[], reason?: string, note?: string) =>
  gw.call('admin_moderate_videos', {
    p_operator: operator,
    p_action: action,
    p_items: items,
    ...(reason !== undefined ? { p_reason: reason } : {}),
    ...(note !== undefined ? { p_note: note } : {}),
  }) as Promise<Batch>;
const status = async (id: string) =>
  (
    await t.db.query<{ moderation_status: string; is_approved: boolean }>('select moderation_status, is_approved from public.videos where id = $1', [
      id,
    ])
  )[0]!;

describe('the video state machine', () => {
  const cases: [from: 'pending' | 'approved' | 'rejected' | 'flagged', action: string, to: string | null][] = [
    ['pending', 'approve', 'approved'],
    ['pending', 'reject', 'rejected'],
    ['pending', 'flag', 'flagged'],
    ['pending', 'reopen', null],
    ['approved', 'flag', 'flagged'],
    ['approved', 'reject', 'rejected'],
    ['approved', 'approve', null],
    ['approved', 'reopen', null],
    ['flagged', 'approve', 'approved'],
    ['flagged', 'reject', 'rejected'],
    ['flagged', 'flag', null],
    ['flagged', 'reopen', null],
    ['rejected', 'reopen', 'pending'],
    ['rejected', 'approve', null],
    ['rejected', 'flag', null],
    ['rejected', 'reject', null],
  ];
  it.each(cases)('%s --%s--> %s', async (from, action, to) => {
    const v = await newVideo(from);
    const r = await moderate(ada, action, [{ id: v.id, expected_status: from }], action === 'reject' ? 'Off-topic' : undefined);
    const after = await status(v.id);
    if (to) {
      expect(r.results[0]).toMatchObject({ outcome: 'done', status: to });
      expect(after).toEqual({ moderation_status: to, is_approved: to === 'approved' });
    } else {
      expect(r.results[0]).toMatchObject({ outcome: 'invalid' });
      expect(after.moderation_status).toBe(from);
    }
  });

  it('refuses a direct update outside the state machine and keeps is_approved in step', async () => {
    const v = await newVideo('approved');
    await expect(t.db.query("update public.videos set moderation_status = 'pending' where id = $1", [v.id])).rejects.toMatchObject({ code: '22023' });
    await t.db.query("update public.videos set moderation_status = 'flagged' where id = $1", [v.id]);
    expect(await status(v.id)).toEqual({ moderation_status: 'flagged', is_approved: false });
  });

  it('records every action in the audit log with operator, states, reason and note', async () => {
    const v = await newVideo();
    const r = await moderate(ada, 'reject', [{ id: v.id, expected_status: 'pending' }], 'Misleading', '<b>not markup</b> — ünïcode ✓');
    const [row] = await t.db.query<Record<string, unknown>>('select * from public.moderation_audit_log where id = $1', [r.results[0]!.audit_id!]);
    expect(row).toMatchObject({
      operator_id: ada,
      action: 'reject',
      target_type: 'video',
      target_id: v.id,
      from_state: 'pending',
      to_state: 'rejected',
      reason: 'Misleading',
      note: '<b>not markup</b> — ünïcode ✓',
    });
  });

  it('features only approved videos', async () => {
    const pending = await newVideo();
    expect((await moderate(ada, 'feature', [{ id: pending.id }])).results[0]!.outcome).toBe('invalid');
    const approved = await newVideo('approved');
    expect((await moderate(ada, 'feature', [{ id: approved.id, expected_status: 'approved' }])).results[0]).toMatchObject({ outcome: 'done' });
    expect((await moderate(ada, 'unfeature', [{ id: approved.id, expected_status: 'approved' }])).results[0]).toMatchObject({ outcome: 'done' });
  });
});

describe('two operators on the same item', () => {
  it('the second, stale action is refused as a conflict naming who changed it', async () => {
    const v = await newVideo();
    const first = await moderate(ada, 'approve', [{ id: v.id, expected_status: 'pending' }]);
    expect(first.results[0]!.outcome).toBe('done');
    const second = await moderate(grace, 'reject', [{ id: v.id, expected_status: 'pending' }], 'Duplicate');
    expect(second.results[0]).toMatchObject({
      outcome: 'conflict',
      status: 'approved',
      last_change: { operator: 'ada_moderator', action: 'approve' },
    });
    expect((await status(v.id)).moderation_status).toBe('approved');
  });

  it('a stale updated_at is a conflict too', async () => {
    const v = await newVideo();
    await t.db.query("update public.videos set title = 'Edited meanwhile' where id = $1", [v.id]);
    const r = await moderate(ada, 'approve', [{ id: v.id, expected_updated_at: v.updated_at }]);
    expect(r.results[0]!.outcome).toBe('conflict');
  });

  it('concurrent calls on the same items serialize: each item is decided once', async () => {
    const vs = await Promise.all([newVideo(), newVideo(), newVideo()]);
    const items = vs.map((v) => ({ id: v.id, expected_status: 'pending' }));
    const [a, b] = await Promise.all([moderate(ada, 'approve', items), moderate(grace, 'flag', [...items].reverse())]);
    expect(a.done + b.done).toBe(3);
    expect([...a.results, ...b.results].filter((r) => r.outcome === 'conflict')).toHaveLength(3);
  });
});

describe('bulk', () => {
  it('gives per-item outcomes in one call: done, conflict, invalid', async () => {
    const ok = await Promise.all([newVideo(), newVideo(), newVideo()]);
    const stale = await newVideo('approved');
    const r = await moderate(ada, 'approve', [
      ...ok.map((v) => ({ id: v.id, expected_status: 'pending' })),
      { id: stale.id, expected_status: 'pending' },
      { id: '00000000-0000-4000-8000-00000000dead', expected_status: 'pending' },
      { id: 'not-a-uuid' },
    ]);
    const by = (o: string) => r.results.filter((x) => x.outcome === o).length;
    expect([r.done, by('done'), by('conflict'), by('invalid')]).toEqual([3, 3, 1, 2]);
    const audit = await t.db.query<{ n: number }>('select count(*)::int as n from public.moderation_audit_log where batch_id = $1', [r.batch_id]);
    expect(audit[0]!.n).toBe(3);
  });
});

describe('undo', () => {
  it('reverts an action through the audit log and records the undo', async () => {
    const v = await newVideo();
    const r = await moderate(ada, 'reject', [{ id: v.id, expected_status: 'pending' }], 'Low quality');
    const u = (await gw.call('admin_undo_moderation', { p_operator: ada, p_audit_ids: [r.results[0]!.audit_id!] })) as { done: number };
    expect(u.done).toBe(1);
    expect(await status(v.id)).toEqual({ moderation_status: 'pending', is_approved: false });
    const notes = await t.db.query<{ moderation_notes: string | null }>('select moderation_notes from public.videos where id = $1', [v.id]);
    expect(notes[0]!.moderation_notes).toBeNull();
    const undoRows = await t.db.query('select 1 from public.moderation_audit_log where undo_of = $1', [r.results[0]!.audit_id!]);
    expect(undoRows).toHaveLength(1);
  });

  it('is refused after a later change, by another operator, and twice', async () => {
    const v = await newVideo();
    const approve = await moderate(ada, 'approve', [{ id: v.id, expected_status: 'pending' }]);
    const auditId = approve.results[0]!.audit_id;
    const byGrace = (await gw.call('admin_undo_moderation', { p_operator: grace, p_audit_ids: [auditId] })) as { results: Result[] };
    expect(byGrace.results[0]!.outcome).toBe('invalid');
    await moderate(grace, 'flag', [{ id: v.id, expected_status: 'approved' }]);
    const late = (await gw.call('admin_undo_moderation', { p_operator: ada, p_audit_ids: [auditId] })) as { results: Result[] };
    expect(late.results[0]).toMatchObject({ outcome: 'conflict', last_change: { operator: 'grace_moderator', action: 'flag' } });
    expect((await status(v.id)).moderation_status).toBe('flagged');

    const w = await newVideo();
    const a2 = await moderate(ada, 'approve', [{ id: w.id, expected_status: 'pending' }]);
    await gw.call('admin_undo_moderation', { p_operator: ada, p_audit_ids: [a2.results[0]!.audit_id] });
    const again = (await gw.call('admin_undo_moderation', { p_operator: ada, p_audit_ids: [a2.results[0]!.audit_id] })) as { results: Result[] };
    expect(again.results[0]!.outcome).toBe('invalid');
  });

  it('undoes a whole bulk batch', async () => {
    const vs = await Promise.all([newVideo(), newVideo()]);
    const r = await moderate(
      ada,
      'flag',
      vs.map((v) => ({ id: v.id, expected_status: 'pending' })),
    );
    const u = (await gw.call('admin_undo_moderation', { p_operator: ada, p_audit_ids: r.results.map((x) => x.audit_id) })) as { done: number };
    expect(u.done).toBe(2);
    for (const v of vs) expect((await status(v.id)).moderation_status).toBe('pending');
  });
});

describe('reports', () => {
  it('lets a user report only as themself and read only their own reports', async () => {
    const v = await newVideo('approved');
    await asRole(t.db, 'authenticated', reporter, (tx) =>
      tx.query("insert into public.reports (reporter_id, target_type, video_id, reason) values ($1, 'video', $2, 'spam')", [reporter, v.id]),
    );
    await expect(
      asRole(t.db, 'authenticated', reporter, (tx) =>
        tx.query("insert into public.reports (reporter_id, target_type, video_id, reason) values ($1, 'video', $2, 'spam')", [ada, v.id]),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      asRole(t.db, 'authenticated', reporter, (tx) =>
        tx.query("insert into public.reports (reporter_id, target_type, video_id, reason, status) values ($1, 'video', $2, 'spam', 'resolved')", [
          reporter,
          v.id,
        ]),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    const visible = await asRole(t.db, 'authenticated', reporter, (tx) =>
      tx.query<{ reporter_id: string }>('select reporter_id from public.reports'),
    );
    expect(visible.every((r) => r.reporter_id === reporter)).toBe(true);
    await expect(asRole(t.db, 'anon', null, (tx) => tx.query('select * from public.reports'))).rejects.toMatchObject({ code: '42501' });
  });

  it('groups open reports per target, resolves them on reject, reopens them on undo, dismisses them on keep', async () => {
    const v = await newVideo('approved');
    const others = (await t.db.query<{ id: string }>("select id from public.users where is_active and username not like '%moderator' limit 3")).map(
      (r) => r.id,
    );
    for (const [i, u] of others.entries()) {
      await t.db.query("insert into public.reports (reporter_id, target_type, video_id, reason) values ($1, 'video', $2, $3)", [
        u,
        v.id,
        i === 0 ? 'spam' : 'misinformation',
      ]);
    }
    const count = async () =>
      (await t.db.query<{ open_report_count: number }>('select open_report_count from public.videos where id = $1', [v.id]))[0]!.open_report_count;
    expect(await count()).toBe(3);
    const queue = (await gw.call('admin_report_queue', { p_operator: ada, p_limit: 500 })) as {
      rows: { target_id: string; report_count: number; reasons: string[] }[];
    };
    const group = queue.rows.find((r) => r.target_id === v.id)!;
    expect(group).toMatchObject({ report_count: 3 });
    expect([...group.reasons].sort()).toEqual(['misinformation', 'spam']);

    const r = await moderate(ada, 'reject', [{ id: v.id, expected_status: 'approved' }], 'Misleading');
    expect(await count()).toBe(0);
    expect((await t.db.query("select status from public.reports where video_id = $1 and status = 'resolved'", [v.id])).length).toBe(3);
    await gw.call('admin_undo_moderation', { p_operator: ada, p_audit_ids: [r.results[0]!.audit_id!] });
    expect(await count()).toBe(3);
    const kept = (await gw.call('admin_dismiss_reports', { p_operator: ada, p_target_type: 'video', p_target_id: v.id })) as { dismissed: number };
    expect(kept.dismissed).toBe(3);
    await expect(gw.call('admin_dismiss_reports', { p_operator: grace, p_target_type: 'video', p_target_id: v.id })).rejects.toMatchObject({
      code: 'PT409',
    });
  });

  it('an approve that dismisses open reports says how many of each kind, in its outcome and in the audit log', async () => {
    const v = await newVideo('flagged');
    const others = (await t.db.query<{ id: string }>("select id from public.users where is_active and username not like '%moderator' limit 4")).map(
      (r) => r.id,
    );
    for (const [i, u] of others.entries())
      await t.db.query("insert into public.reports (reporter_id, target_type, video_id, reason) values ($1, 'video', $2, $3)", [
        u,
        v.id,
        i === 0 ? 'copyright' : 'spam',
      ]);
    const r = await moderate(ada, 'approve', [{ id: v.id, expected_status: 'flagged' }]);
    expect(r.results[0]).toMatchObject({ outcome: 'done', closed_reports: { copyright: 1, spam: 3 } });
    const [audit] = await t.db.query<{ details: { reports: string[]; closed_reports: Record<string, number> } }>(
      'select details from public.moderation_audit_log where id = $1',
      [r.results[0]!.audit_id!],
    );
    expect(audit!.details.closed_reports).toEqual({ copyright: 1, spam: 3 });
    expect(audit!.details.reports).toHaveLength(4);
    expect((await t.db.query("select 1 from public.reports where video_id = $1 and status = 'dismissed'", [v.id])).length).toBe(4);

    // An approve with nothing to close records an empty count, not a missing one.
    const quiet = await newVideo('pending');
    const q = await moderate(ada, 'approve', [{ id: quiet.id, expected_status: 'pending' }]);
    expect(q.results[0]).toMatchObject({ outcome: 'done', closed_reports: {} });
  });

  it('filters the report queue by kind, reason and age, and refuses unknown values', async () => {
    const v = await newVideo('approved');
    await t.db.query(
      "insert into public.reports (reporter_id, target_type, video_id, reason, created_at) values ($1, 'video', $2, 'copyright', now() - interval '10 days')",
      [reporter, v.id],
    );
    type Page = { rows: { target_id: string; target_type: string; reasons: string[]; first_reported_at: string }[] };
    const page = (args: Record<string, unknown>) => gw.call('admin_report_queue', { p_operator: ada, p_limit: 500, ...args }) as Promise<Page>;
    const copyright = await page({ p_reason: 'copyright' });
    expect(copyright.rows.map((r) => r.target_id)).toContain(v.id);
    for (const r of copyright.rows) expect(r.reasons).toContain('copyright');
    expect((await page({ p_reason: 'spam' })).rows.map((r) => r.target_id)).not.toContain(v.id);
    expect((await page({ p_kind: 'comment' })).rows.every((r) => r.target_type === 'comment')).toBe(true);
    expect((await page({ p_kind: 'video', p_min_age_days: 7 })).rows.map((r) => r.target_id)).toContain(v.id);
    expect((await page({ p_min_age_days: 30 })).rows.map((r) => r.target_id)).not.toContain(v.id);
    await expect(page({ p_kind: 'user' })).rejects.toMatchObject({ code: '22023' });
    await expect(page({ p_reason: 'boring' })).rejects.toMatchObject({ code: '22023', hint: expect.stringMatching(/copyright/) });
    await expect(page({ p_min_age_days: -1 })).rejects.toMatchObject({ code: '22023' });
  });

  it('filters the context-note queue by kind and age, and refuses an unknown kind', async () => {
    type Page = { rows: { id: string; context_type: string; created_at: string }[] };
    const page = (args: Record<string, unknown>) => gw.call('admin_context_queue', { p_operator: ada, p_limit: 500, ...args }) as Promise<Page>;
    const all = await page({});
    const kind = all.rows[0]!.context_type;
    const quotes = await page({ p_kind: kind });
    expect(quotes.rows.length).toBeGreaterThan(0);
    expect(quotes.rows.every((r) => r.context_type === kind)).toBe(true);
    expect(quotes.rows.length).toBe(all.rows.filter((r) => r.context_type === kind).length);
    const old = await page({ p_min_age_days: 7 });
    const weekAgo = Date.now() - 7 * 86_400_000;
    expect(old.rows.every((r) => Date.parse(r.created_at) <= weekAgo)).toBe(true);
    expect(old.rows.length).toBe(all.rows.filter((r) => Date.parse(r.created_at) <= weekAgo).length);
    await expect(page({ p_kind: 'rumour' })).rejects.toMatchObject({ code: '22023', hint: expect.stringMatching(/keypoint/) });
  });

  it('removes a reported comment (soft delete, reports resolved) and undo restores it', async () => {
    const [c] = await t.db.query<{ id: string }>('select id from public.comments where not is_deleted limit 1');
    await t.db.query(
      "insert into public.reports (reporter_id, target_type, comment_id, reason) values ($1, 'comment', $2, 'abuse') on conflict do nothing",
      [reporter, c!.id],
    );
    const r = (await gw.call('admin_moderate_comments', {
      p_operator: ada,
      p_action: 'remove',
      p_items: [{ id: c!.id, expected_is_deleted: false }],
    })) as Batch;
    expect(r.results[0]!.outcome).toBe('done');
    expect((await t.db.query<{ is_deleted: boolean }>('select is_deleted from public.comments where id = $1', [c!.id]))[0]!.is_deleted).toBe(true);
    const stale = (await gw.call('admin_moderate_comments', {
      p_operator: grace,
      p_action: 'keep',
      p_items: [{ id: c!.id, expected_is_deleted: false }],
    })) as Batch;
    expect(stale.results[0]!.outcome).toBe('conflict');
    await gw.call('admin_undo_moderation', { p_operator: ada, p_audit_ids: [r.results[0]!.audit_id!] });
    expect((await t.db.query<{ is_deleted: boolean }>('select is_deleted from public.comments where id = $1', [c!.id]))[0]!.is_deleted).toBe(false);
  });
});

describe('context notes', () => {
  it('approves and rejects notes; undo of a rejection restores the note', async () => {
    const notes = await t.db.query<{ id: string; content: string }>(
      'select id, content from public.video_contexts where not is_approved order by id limit 2',
    );
    const approve = (await gw.call('admin_moderate_contexts', {
      p_operator: ada,
      p_action: 'approve',
      p_items: [{ id: notes[0]!.id, expected_is_approved: false }],
    })) as Batch;
    expect(approve.results[0]!.outcome).toBe('done');
    await expect(gw.call('admin_moderate_contexts', { p_operator: ada, p_action: 'reject', p_items: [{ id: notes[1]!.id }] })).rejects.toMatchObject({
      code: '22023',
    });
    const reject = (await gw.call('admin_moderate_contexts', {
      p_operator: ada,
      p_action: 'reject',
      p_items: [{ id: notes[1]!.id, expected_is_approved: false }],
      p_reason: 'Unsourced',
    })) as Batch;
    expect(reject.results[0]!.outcome).toBe('done');
    expect(await t.db.query('select 1 from public.video_contexts where id = $1', [notes[1]!.id])).toHaveLength(0);
    await gw.call('admin_undo_moderation', { p_operator: ada, p_audit_ids: [reject.results[0]!.audit_id] });
    expect((await t.db.query<{ content: string }>('select content from public.video_contexts where id = $1', [notes[1]!.id]))[0]!.content).toBe(
      notes[1]!.content,
    );
  });
});

describe('users, metadata, claims, the audit log', () => {
  it('suspends with a reason and reinstates; a stale expectation is a conflict', async () => {
    await expect(
      gw.call('admin_set_user_active', { p_operator: ada, p_user_id: reporter, p_active: false, p_expected_active: true }),
    ).rejects.toMatchObject({ code: '22023' });
    await gw.call('admin_set_user_active', { p_operator: ada, p_user_id: reporter, p_active: false, p_expected_active: true, p_reason: 'Spam wave' });
    await expect(
      gw.call('admin_set_user_active', { p_operator: grace, p_user_id: reporter, p_active: false, p_expected_active: true, p_reason: 'x' }),
    ).rejects.toMatchObject({ code: 'PT409' });
    await gw.call('admin_set_user_active', { p_operator: ada, p_user_id: reporter, p_active: true, p_expected_active: false });
    expect((await t.db.query<{ is_active: boolean }>('select is_active from public.users where id = $1', [reporter]))[0]!.is_active).toBe(true);
  });

  it('edits category and tags against the version it loaded, and undo puts them back', async () => {
    const v = await newVideo();
    const tags = (await t.db.query<{ id: number }>('select id from public.tags order by id limit 2')).map((r) => r.id);
    const r = (await gw.call('admin_update_video_metadata', {
      p_operator: ada,
      p_video_id: v.id,
      p_expected_updated_at: v.updated_at,
      p_category_id: 3,
      p_tag_ids: tags,
    })) as { audit_id: number; updated_at: string };
    await expect(
      gw.call('admin_update_video_metadata', {
        p_operator: grace,
        p_video_id: v.id,
        p_expected_updated_at: v.updated_at,
        p_category_id: 4,
        p_tag_ids: [],
      }),
    ).rejects.toMatchObject({ code: 'PT409' });
    expect((await t.db.query('select tag_id from public.video_tags where video_id = $1', [v.id])).length).toBe(2);
    await gw.call('admin_undo_moderation', { p_operator: ada, p_audit_ids: [r.audit_id] });
    expect(await t.db.query('select tag_id from public.video_tags where video_id = $1', [v.id])).toHaveLength(0);
    expect(
      (await t.db.query<{ category_id: number | null }>('select category_id from public.videos where id = $1', [v.id]))[0]!.category_id,
    ).toBeNull();
  });

  it('gives a claim to one moderator at a time until it expires', async () => {
    const v = await newVideo();
    expect(await gw.call('admin_claim_item', { p_operator: ada, p_target_type: 'video', p_target_id: v.id })).toMatchObject({ claimed: true });
    expect(await gw.call('admin_claim_item', { p_operator: grace, p_target_type: 'video', p_target_id: v.id })).toMatchObject({
      claimed: false,
      operator: 'ada_moderator',
    });
    await t.db.query("update public.moderation_claims set expires_at = now() - interval '1 second' where target_id = $1", [v.id]);
    expect(await gw.call('admin_claim_item', { p_operator: grace, p_target_type: 'video', p_target_id: v.id })).toMatchObject({ claimed: true });
    // Deciding releases the claim.
    await moderate(grace, 'approve', [{ id: v.id, expected_status: 'pending' }]);
    expect(await t.db.query('select 1 from public.moderation_claims where target_id = $1', [v.id])).toHaveLength(0);
  });

  it('keeps the audit log append-only, even for the service role and the owner', async () => {
    await expect(t.db.query('update public.moderation_audit_log set reason = $1', ['rewritten'])).rejects.toMatchObject({ code: '42501' });
    await expect(t.db.query('delete from public.moderation_audit_log')).rejects.toMatchObject({ code: '42501' });
    await expect(asRole(t.db, 'service_role', null, (tx) => tx.query('delete from public.moderation_audit_log'))).rejects.toMatchObject({
      code: '42501',
    });
  });
});

describe('bad input changes nothing', () => {
  it.each([
    ['a rejection without a reason', () => moderate(ada, 'reject', [{ id: '00000000-0000-4000-8000-000000000001' }], '   '), '22023'],
    ['a reason of 100 KB', () => moderate(ada, 'reject', [{ id: '00000000-0000-4000-8000-000000000001' }], 'x'.repeat(100_000)), '22001'],
    ['an unknown action', () => moderate(ada, 'obliterate', [{ id: '00000000-0000-4000-8000-000000000001' }]), '22023'],
    ['no items', () => moderate(ada, 'approve', []), '22023'],
    [
      'no operator',
      () => gw.call('admin_moderate_videos', { p_operator: null, p_action: 'approve', p_items: [{ id: '00000000-0000-4000-8000-000000000001' }] }),
      '22023',
    ],
    [
      'an operator who is not a user',
      () => moderate('00000000-0000-4000-8000-0000000000ff', 'approve', [{ id: '00000000-0000-4000-8000-000000000001' }]),
      '22023',
    ],
  ])('%s', async (_label, call, code) => {
    const before = await t.db.query<{ n: number }>('select count(*)::int as n from public.moderation_audit_log');
    await expect(call()).rejects.toMatchObject({ code });
    const after = await t.db.query<{ n: number }>('select count(*)::int as n from public.moderation_audit_log');
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('queues', () => {
  it('pages through the pending queue by keyset, each row once, oldest first', async () => {
    const all: { id: string; created_at: string }[] = [];
    let cursor: unknown = null;
    for (let i = 0; i < 100; i++) {
      const page = (await gw.call('admin_moderation_queue', {
        p_operator: ada,
        p_queue: 'pending',
        p_limit: 17,
        ...(cursor ? { p_cursor: cursor } : {}),
      })) as { rows: { id: string; created_at: string }[]; next_cursor: unknown };
      all.push(...page.rows);
      cursor = page.next_cursor;
      if (!cursor) break;
    }
    const [{ n }] = (await t.db.query<{ n: number }>("select count(*)::int as n from public.videos where moderation_status = 'pending'")) as [
      { n: number },
    ];
    expect(all).toHaveLength(n);
    expect(new Set(all.map((r) => r.id)).size).toBe(n);
    const times = all.map((r) => Date.parse(r.created_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('filters by platform and full text, sorts by most reported', async () => {
    const youtube = (await gw.call('admin_moderation_queue', { p_operator: ada, p_queue: 'pending', p_filters: { platform: 'youtube' } })) as {
      rows: { platform: string }[];
    };
    expect(youtube.rows.length).toBeGreaterThan(0);
    expect(youtube.rows.every((r) => r.platform === 'youtube')).toBe(true);
    const text = (await gw.call('admin_moderation_queue', { p_operator: ada, p_queue: 'pending', p_filters: { q: 'introduction' } })) as {
      rows: { title: string }[];
    };
    expect(text.rows.length).toBeGreaterThan(0);
    expect(text.rows.every((r) => /introduc/i.test(r.title))).toBe(true);
    const reported = (await gw.call('admin_moderation_queue', { p_operator: ada, p_queue: 'pending', p_sort: 'most_reported', p_limit: 20 })) as {
      rows: { open_report_count: number }[];
    };
    const counts = reported.rows.map((r) => r.open_report_count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await expect(gw.call('admin_moderation_queue', { p_operator: ada, p_queue: 'deleted' })).rejects.toMatchObject({ code: '22023' });
  });

  it('counts the queues and the new arrivals since a moment', async () => {
    const before = (await gw.call('admin_moderation_counts', { p_operator: ada })) as { pending: number; at: string };
    await newVideo();
    const after = (await gw.call('admin_moderation_counts', { p_operator: ada, p_since: before.at })) as { pending: number; new_pending: number };
    expect(after.pending).toBe(before.pending + 1);
    expect(after.new_pending).toBe(1);
  });

  it('shows everything needed in the review pane', async () => {
    const [v] = await t.db.query<{ id: string }>(
      "select id from public.videos where moderation_status = 'pending' and submitted_by is not null limit 1",
    );
    const review = (await gw.call('admin_video_review', { p_operator: ada, p_video_id: v!.id })) as Record<string, unknown>;
    expect(review).toMatchObject({
      video: { id: v!.id },
      submitter: { approved: expect.any(Number) },
      timeline: expect.any(Array),
      duplicates: { same_platform_id: expect.any(Array), similar_titles: expect.any(Array) },
    });
    await expect(gw.call('admin_video_review', { p_operator: ada, p_video_id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'P0002',
    });
  });
});

describe('rejection-reason templates', () => {
  it('are created, edited, deactivated (hidden from moderators, kept for admins), and validated', async () => {
    const saved = (await gw.call('admin_save_rejection_reason', {
      p_operator: ada,
      p_label: 'Spam',
      p_body: 'Promotional content.',
      p_display_order: 9,
    })) as { id: number };
    await expect(gw.call('admin_save_rejection_reason', { p_operator: ada, p_label: 'Spam', p_body: 'Again.' })).rejects.toMatchObject({
      code: '23505',
    });
    await expect(gw.call('admin_save_rejection_reason', { p_operator: ada, p_label: '  ', p_body: 'x' })).rejects.toMatchObject({ code: '22023' });
    await gw.call('admin_save_rejection_reason', {
      p_operator: ada,
      p_id: saved.id,
      p_label: 'Spam',
      p_body: 'Promotional content.',
      p_is_active: false,
    });
    const active = (await gw.call('admin_list_rejection_reasons', { p_operator: ada })) as { label: string }[];
    expect(active.map((r) => r.label)).not.toContain('Spam');
    const all = (await gw.call('admin_list_rejection_reasons', { p_operator: ada, p_include_inactive: true })) as { label: string }[];
    expect(all.map((r) => r.label)).toContain('Spam');
  });
});

describe('queue counts', () => {
  it('stay equal to the real numbers through inserts, actions, undo and deletes', async () => {
    const v = await newVideo();
    const r = await moderate(ada, 'approve', [{ id: v.id, expected_status: 'pending' }]);
    await gw.call('admin_undo_moderation', { p_operator: ada, p_audit_ids: [r.results[0]!.audit_id!] });
    await t.db.query("delete from public.videos where id = (select id from public.videos where moderation_status = 'flagged' limit 1)");
    const kept = await t.db.query<{ moderation_status: string; n: string }>(
      'select moderation_status, n::text from public.video_status_counts order by 1',
    );
    const real = await t.db.query<{ moderation_status: string; n: string }>(
      "select s.status as moderation_status, (select count(*) from public.videos where moderation_status = s.status)::text as n from (values ('approved'), ('flagged'), ('pending'), ('rejected')) s(status) order by 1",
    );
    expect(kept).toEqual(real);
  });
});
