// Per-item outcomes of the comment and context-note batch actions, pinned item by item: what
// each kind of item gets (done, conflict, invalid), the order of the results, the audit rows,
// the reports settled and the claims dropped. Written against the row-by-row functions and kept
// unchanged when they became set-based.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlAdminGateway } from '../../electron/db/sql-admin-gateway';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

type Batch = { batch_id: string; done: number; results: Record<string, unknown>[] };

let t: TestDatabase;
let gw: SqlAdminGateway;
let ada: string;
let author: string;
let reporters: string[];
let video: string;

beforeAll(async () => {
  t = await openTestDatabase('demo');
  gw = new SqlAdminGateway(t.db, false);
  ada = (await t.db.query<{ id: string }>("select id from public.users where username = 'ada_moderator'"))[0]!.id;
  const users = (
    await t.db.query<{ id: string }>("select id from public.users where is_active and username not like '%moderator' order by username limit 4")
  ).map((r) => r.id);
  author = users[0]!;
  reporters = users.slice(1);
  video = (await t.db.query<{ id: string }>("select id from public.videos where moderation_status = 'approved' order by id limit 1"))[0]!.id;
});
afterAll(() => t.dispose());

const MISSING = '00000000-0000-4000-8000-00000000beef';

async function newComment(deleted = false): Promise<string> {
  const [row] = await t.db.query<{ id: string }>(
    `insert into public.comments (video_id, user_id, content, is_deleted, deleted_at)
     values ($1, $2, 'A comment under review', $3, case when $3 then now() - interval '1 day' end) returning id`,
    [video, author, deleted],
  );
  return row!.id;
}

async function newNote(approved = false): Promise<string> {
  const [row] = await t.db.query<{ id: string }>(
    `insert into public.video_contexts (video_id, context_type, content, author_id, is_approved)
     values ($1, 'note', 'A note under review', $2, $3) returning id`,
    [video, author, approved],
  );
  return row!.id;
}

async function report(kind: 'comment' | 'context', id: string, reporter: string): Promise<string> {
  const [row] = await t.db.query<{ id: string }>(
    `insert into public.reports (reporter_id, target_type, comment_id, context_id, reason)
     values ($1, $2, $3, $4, 'spam') returning id`,
    [reporter, kind, kind === 'comment' ? id : null, kind === 'context' ? id : null],
  );
  return row!.id;
}

const audit = async (id: unknown) =>
  (
    await t.db.query<Record<string, unknown>>(
      'select action, target_type, target_id, from_state, to_state, reason, note, details, batch_id, operator_id from public.moderation_audit_log where id = $1',
      [id as number],
    )
  )[0]!;

describe('comment moderation batches', () => {
  it('gives each item its outcome, in id order, and records one audit row per done item', async () => {
    const visible = await newComment();
    const removed = await newComment(true);
    const removedExpected = await newComment(true);
    const restored = await newComment();
    const [r1, r2] = [await report('comment', visible, reporters[0]!), await report('comment', visible, reporters[1]!)];
    await t.db.query(
      "insert into public.moderation_claims (target_type, target_id, operator_id, expires_at) values ('comment', $1, $2, now() + interval '5 minutes')",
      [visible, ada],
    );

    const r = (await gw.call('admin_moderate_comments', {
      p_operator: ada,
      p_action: 'remove',
      p_note: 'Abusive',
      p_items: [
        { id: visible, expected_is_deleted: false },
        { id: 'not-a-comment' },
        { id: MISSING },
        { id: removed },
        { id: removedExpected, expected_is_deleted: false },
        { id: restored, expected_is_deleted: true },
      ],
    })) as Batch;

    expect(r.done).toBe(1);
    expect(r.results.map((x) => x.id)).toEqual([visible, 'not-a-comment', MISSING, removed, removedExpected, restored].sort());
    const result = (id: string) => r.results.find((x) => x.id === id);
    expect(result(visible)).toEqual({ id: visible, outcome: 'done', audit_id: expect.any(Number), reports_closed: 2 });
    expect(result('not-a-comment')).toEqual({ id: 'not-a-comment', outcome: 'invalid', message: 'Not a comment id.' });
    expect(result(MISSING)).toEqual({ id: MISSING, outcome: 'invalid', message: 'No such comment.' });
    expect(result(removed)).toEqual({ id: removed, outcome: 'invalid', message: 'Already removed.' });
    expect(result(removedExpected)).toEqual({ id: removedExpected, outcome: 'conflict', message: 'Already removed.', last_change: null });
    expect(result(restored)).toEqual({ id: restored, outcome: 'conflict', message: 'Restored since you loaded it.', last_change: null });

    const [c] = await t.db.query<{ is_deleted: boolean; deleted_at: string | null }>(
      'select is_deleted, deleted_at from public.comments where id = $1',
      [visible],
    );
    expect(c).toMatchObject({ is_deleted: true, deleted_at: expect.anything() });
    const reports = await t.db.query<{ id: string; status: string; resolved_by: string }>(
      'select id, status, resolved_by from public.reports where comment_id = $1 order by id',
      [visible],
    );
    expect(reports).toEqual([r1, r2].sort().map((id) => ({ id, status: 'resolved', resolved_by: ada })));
    expect(await t.db.query('select 1 from public.moderation_claims where target_id = $1', [visible])).toHaveLength(0);

    const row = await audit(result(visible)!.audit_id);
    expect(row).toMatchObject({
      action: 'remove_comment',
      target_type: 'comment',
      target_id: visible,
      from_state: 'visible',
      to_state: 'removed',
      reason: null,
      note: 'Abusive',
      batch_id: r.batch_id,
      operator_id: ada,
    });
    expect(row.details).toEqual({ reports: expect.arrayContaining([r1, r2]), from_deleted_at: null });
    expect((row.details as { reports: string[] }).reports).toHaveLength(2);

    // The conflicts name the last change once there is one.
    const again = (await gw.call('admin_moderate_comments', {
      p_operator: ada,
      p_action: 'keep',
      p_items: [{ id: visible, expected_is_deleted: false }],
    })) as Batch;
    expect(again.results).toEqual([
      {
        id: visible,
        outcome: 'conflict',
        message: 'Already removed.',
        last_change: expect.objectContaining({ action: 'remove_comment', operator: 'ada_moderator', from_state: 'visible', to_state: 'removed' }),
      },
    ]);
  });

  it('keeps a comment, removed or not: its reports are dismissed and it stays as it was', async () => {
    const visible = await newComment();
    const removed = await newComment(true);
    await report('comment', visible, reporters[0]!);
    const rep = await report('comment', removed, reporters[0]!);
    const r = (await gw.call('admin_moderate_comments', {
      p_operator: ada,
      p_action: 'keep',
      p_items: [
        { id: removed, expected_is_deleted: true },
        { id: visible, expected_is_deleted: false },
      ],
    })) as Batch;
    expect(r.done).toBe(2);
    expect(r.results).toEqual([visible, removed].sort().map((id) => ({ id, outcome: 'done', audit_id: expect.any(Number), reports_closed: 1 })));
    expect((await t.db.query<{ status: string }>('select status from public.reports where id = $1', [rep]))[0]!.status).toBe('dismissed');
    expect((await t.db.query<{ is_deleted: boolean }>('select is_deleted from public.comments where id = $1', [visible]))[0]!.is_deleted).toBe(false);
    const keptRemoved = await audit(r.results.find((x) => x.id === removed)!.audit_id);
    expect(keptRemoved).toMatchObject({ action: 'keep_comment', from_state: 'removed', to_state: 'removed' });
    expect((keptRemoved.details as { from_deleted_at: string | null }).from_deleted_at).not.toBeNull();
    const keptVisible = await audit(r.results.find((x) => x.id === visible)!.audit_id);
    expect(keptVisible).toMatchObject({ action: 'keep_comment', from_state: 'visible', to_state: 'visible' });

    // A keep with nothing reported is still recorded; an audit id per item, in id order.
    const quiet = await newComment();
    const q = (await gw.call('admin_moderate_comments', {
      p_operator: ada,
      p_action: 'keep',
      p_items: [{ id: quiet, expected_is_deleted: false }],
    })) as Batch;
    expect(q.results).toEqual([{ id: quiet, outcome: 'done', audit_id: expect.any(Number), reports_closed: 0 }]);
    expect((await audit(q.results[0]!.audit_id)).details).toEqual({ reports: [], from_deleted_at: null });
    const ids = r.results.map((x) => x.audit_id as number);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('refuses a malformed expectation and changes nothing', async () => {
    const c = await newComment();
    await expect(
      gw.call('admin_moderate_comments', { p_operator: ada, p_action: 'remove', p_items: [{ id: c, expected_is_deleted: 'perhaps' }] }),
    ).rejects.toMatchObject({ code: '22P02' });
    expect((await t.db.query<{ is_deleted: boolean }>('select is_deleted from public.comments where id = $1', [c]))[0]!.is_deleted).toBe(false);
  });
});

describe('context-note moderation batches', () => {
  it('gives each item its outcome, in id order, and keeps a rejected note whole in the audit log', async () => {
    const toApprove = await newNote();
    const toReject = await newNote(true);
    const approved = await newNote(true);
    const stale = await newNote();
    const staleTime = await newNote();
    const repApprove = await report('context', toApprove, reporters[0]!);
    await report('context', toReject, reporters[1]!);
    const [noteRow] = await t.db.query<Record<string, unknown>>('select to_jsonb(vc) as row from public.video_contexts vc where id = $1', [toReject]);

    const approve = (await gw.call('admin_moderate_contexts', {
      p_operator: ada,
      p_action: 'approve',
      p_items: [
        { id: toApprove, expected_is_approved: false },
        { id: 'nope' },
        { id: MISSING },
        { id: approved },
        { id: stale, expected_is_approved: true },
        { id: staleTime, expected_updated_at: '2001-01-01T00:00:00Z' },
      ],
    })) as Batch;
    expect(approve.done).toBe(1);
    expect(approve.results.map((x) => x.id)).toEqual([toApprove, 'nope', MISSING, approved, stale, staleTime].sort());
    const result = (id: string) => approve.results.find((x) => x.id === id);
    expect(result(toApprove)).toEqual({ id: toApprove, outcome: 'done', audit_id: expect.any(Number) });
    expect(result('nope')).toEqual({ id: 'nope', outcome: 'invalid', message: 'Not a context note id.' });
    expect(result(MISSING)).toEqual({
      id: MISSING,
      outcome: 'conflict',
      message: 'No such note: it may have been rejected already.',
      last_change: null,
    });
    expect(result(approved)).toEqual({ id: approved, outcome: 'invalid', message: 'Already approved.' });
    expect(result(stale)).toEqual({ id: stale, outcome: 'conflict', message: 'Changed since you loaded it.', last_change: null });
    expect(result(staleTime)).toEqual({ id: staleTime, outcome: 'conflict', message: 'Changed since you loaded it.', last_change: null });
    expect(
      (await t.db.query<{ is_approved: boolean }>('select is_approved from public.video_contexts where id = $1', [toApprove]))[0]!.is_approved,
    ).toBe(true);
    expect((await t.db.query<{ status: string }>('select status from public.reports where id = $1', [repApprove]))[0]!.status).toBe('dismissed');
    const approvedRow = await audit(result(toApprove)!.audit_id);
    expect(approvedRow).toMatchObject({
      action: 'approve_context',
      target_type: 'context',
      target_id: toApprove,
      from_state: 'unapproved',
      to_state: 'approved',
      reason: null,
      note: null,
      batch_id: approve.batch_id,
    });
    expect((approvedRow.details as { reports: string[] }).reports).toEqual([repApprove]);
    expect((approvedRow.details as { row: { is_approved: boolean } }).row.is_approved).toBe(false);

    const reject = (await gw.call('admin_moderate_contexts', {
      p_operator: ada,
      p_action: 'reject',
      p_reason: 'Unsourced',
      p_items: [{ id: toReject, expected_is_approved: true }],
    })) as Batch;
    expect(reject.results).toEqual([{ id: toReject, outcome: 'done', audit_id: expect.any(Number) }]);
    expect(await t.db.query('select 1 from public.video_contexts where id = $1', [toReject])).toHaveLength(0);
    const rejectedRow = await audit(reject.results[0]!.audit_id);
    expect(rejectedRow).toMatchObject({ action: 'reject_context', from_state: 'approved', to_state: 'rejected', reason: 'Unsourced' });
    expect((rejectedRow.details as { row: unknown }).row).toEqual(noteRow!.row);
    expect((rejectedRow.details as { reports: string[] }).reports).toHaveLength(1);

    // Gone now: a second rejection is a conflict naming the first one.
    const twice = (await gw.call('admin_moderate_contexts', {
      p_operator: ada,
      p_action: 'reject',
      p_reason: 'Unsourced',
      p_items: [{ id: toReject }],
    })) as Batch;
    expect(twice.results).toEqual([
      {
        id: toReject,
        outcome: 'conflict',
        message: 'No such note: it may have been rejected already.',
        last_change: expect.objectContaining({ action: 'reject_context', operator: 'ada_moderator', to_state: 'rejected' }),
      },
    ]);
    expect(twice.done).toBe(0);
  });

  it('rejects several notes at once, an approved one included', async () => {
    const notes = [await newNote(), await newNote(true), await newNote()];
    const r = (await gw.call('admin_moderate_contexts', {
      p_operator: ada,
      p_action: 'reject',
      p_reason: 'Off-topic',
      p_items: notes.map((id, i) => ({ id, expected_is_approved: i === 1 })),
    })) as Batch;
    expect(r.done).toBe(3);
    expect(r.results).toEqual([...notes].sort().map((id) => ({ id, outcome: 'done', audit_id: expect.any(Number) })));
    expect(await t.db.query('select 1 from public.video_contexts where id = any ($1::uuid[])', [notes])).toHaveLength(0);
    const undo = (await gw.call('admin_undo_moderation', { p_operator: ada, p_audit_ids: r.results.map((x) => x.audit_id) })) as { done: number };
    expect(undo.done).toBe(3);
    expect(await t.db.query('select 1 from public.video_contexts where id = any ($1::uuid[])', [notes])).toHaveLength(3);
  });
});
