// Two moderators at once, in two sessions: the one who loses a race on an item gets a conflict
// that names who won, what they did and when — although the winner's audit row was committed
// while the loser's statement was waiting for the row lock, i.e. after that statement's snapshot.
//
// PGlite has a single session, so this needs a real PostgreSQL server with pgvector: set
// MAGNA_TEST_DATABASE_URL (e.g. `../shared/tools/real-postgres.sh start` prints one). The test
// creates a database of its own there, migrates it, and drops it afterwards.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../electron/db/postgres-database';
import { SqlAdminGateway } from '../../electron/db/sql-admin-gateway';
import type { SqlConnection } from '../../electron/db/sql-connection';
import { readMigrationFiles } from '../../electron/services/migrations/migration-files';
import { migrateUp } from '../../electron/services/migrations/migration-runner';
import { MIGRATIONS_DIR } from '../support/test-database';

const url = process.env.MAGNA_TEST_DATABASE_URL;
const SKIPPED = 'skipped: set MAGNA_TEST_DATABASE_URL to a PostgreSQL server with pgvector (PGlite has one session, a race needs two)';
if (!url) console.info(`moderation-race.test.ts ${SKIPPED}`);

type Result = { outcome: string; message?: string; last_change?: { operator: string; action: string; at: string } | null };
type Batch = { done: number; results: Result[] };

describe.skipIf(!url)(`two moderators racing for one item${url ? '' : ` (${SKIPPED})`}`, () => {
  const name = `magna_race_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let server: PostgresDatabase;
  let db: PostgresDatabase;
  let winnerSession: PostgresDatabase;
  let loserSession: PostgresDatabase;
  let loser: SqlAdminGateway;
  let ada: string;
  let grace: string;
  let member: string;

  beforeAll(async () => {
    server = await PostgresDatabase.connect(url!, { max: 1 });
    await server.execute(`create database ${name}`);
    const dbUrl = new URL(url!);
    dbUrl.pathname = `/${name}`;
    db = await PostgresDatabase.connect(dbUrl.toString(), { max: 2 });
    await migrateUp(db, await readMigrationFiles(MIGRATIONS_DIR));
    const users = await db.query<{ id: string; username: string }>(
      `insert into public.users (email, username) values ('ada@example.org', 'ada_moderator'), ('grace@example.org', 'grace_moderator'),
         ('member@example.org', 'member_one'), ('other@example.org', 'member_two') returning id, username`,
    );
    const id = (username: string) => users.find((u) => u.username === username)!.id;
    [ada, grace, member] = [id('ada_moderator'), id('grace_moderator'), id('member_one')];
    await db.query("insert into public.staff_roles (user_id, role) values ($1, 'admin'), ($2, 'moderator')", [ada, grace]);
    winnerSession = await PostgresDatabase.connect(dbUrl.toString(), { max: 1 });
    loserSession = await PostgresDatabase.connect(dbUrl.toString(), { max: 1 });
    loser = new SqlAdminGateway(loserSession, false);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([winnerSession?.close(), loserSession?.close(), db?.close()]);
    await server?.execute(`drop database if exists ${name} with (force)`);
    await server?.close();
  });

  let n = 0;
  const video = async () => {
    n++;
    return (
      await db.query<{ id: string }>(
        "insert into public.videos (platform, platform_id, url, title, submitted_by, moderation_status) values ('other', $1, $2, 'Raced', $3, 'approved') returning id",
        [`race-${n}`, `https://media.example.org/v/race-${n}`, member],
      )
    )[0]!.id;
  };
  const reportedComment = async () => {
    const c = (
      await db.query<{ id: string }>("insert into public.comments (video_id, user_id, content) values ($1, $2, 'Raced words') returning id", [
        await video(),
        member,
      ])
    )[0]!.id;
    await db.query(
      "insert into public.reports (reporter_id, target_type, comment_id, reason) values ((select id from public.users where username = 'member_two'), 'comment', $1, 'abuse')",
      [c],
    );
    return c;
  };

  /** Resolves once some session of this database waits for a lock (the loser, behind the winner's row lock). */
  async function someoneWaits(): Promise<void> {
    for (let i = 0; i < 500; i++) {
      const [w] = await server.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'",
        [name],
      );
      if (w!.n > 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("The second call never waited for the first one's lock.");
  }

  /**
   * The winner acts as grace in an open transaction (as PostgREST would: role service_role); the
   * loser's call starts and blocks on the row; then the winner commits and the loser finishes.
   */
  async function race<T>(winnerSql: string, winnerParams: unknown[], loserCall: () => Promise<T>): Promise<T> {
    let loserResult!: Promise<T>;
    await winnerSession.transaction(async (tx: SqlConnection) => {
      await tx.query("select set_config('role', 'service_role', true)");
      await tx.query(winnerSql, winnerParams as never[]);
      loserResult = loserCall();
      loserResult.catch(() => undefined);
      await someoneWaits();
    });
    return loserResult;
  }

  it('a video: the lost approval names who rejected it', async () => {
    const v = await video();
    const r = await race(
      "select public.admin_moderate_videos($1, 'reject', $2::jsonb, 'Misleading')",
      [grace, [{ id: v, expected_status: 'approved' }]],
      () =>
        loser.call('admin_moderate_videos', {
          p_operator: ada,
          p_action: 'flag',
          p_items: [{ id: v, expected_status: 'approved' }],
        }) as Promise<Batch>,
    );
    expect(r.done).toBe(0);
    expect(r.results[0]).toMatchObject({
      outcome: 'conflict',
      message: expect.stringContaining('rejected'),
      last_change: { operator: 'grace_moderator', action: 'reject', at: expect.any(String) },
    });
  });

  it('a comment: the lost "keep" names who removed it', async () => {
    const c = await reportedComment();
    const r = await race(
      "select public.admin_moderate_comments($1, 'remove', $2::jsonb)",
      [grace, [{ id: c, expected_is_deleted: false }]],
      () =>
        loser.call('admin_moderate_comments', {
          p_operator: ada,
          p_action: 'keep',
          p_items: [{ id: c, expected_is_deleted: false }],
        }) as Promise<Batch>,
    );
    expect(r.results[0]).toMatchObject({
      outcome: 'conflict',
      message: 'Already removed.',
      last_change: { operator: 'grace_moderator', action: 'remove_comment' },
    });
  });

  it('a comment: the lost second "keep" names the first', async () => {
    const c = await reportedComment();
    const r = await race(
      "select public.admin_moderate_comments($1, 'keep', $2::jsonb)",
      [grace, [{ id: c, expected_is_deleted: false }]],
      () =>
        loser.call('admin_moderate_comments', {
          p_operator: ada,
          p_action: 'keep',
          p_items: [{ id: c, expected_is_deleted: false }],
        }) as Promise<Batch>,
    );
    expect(r.results[0]).toMatchObject({ outcome: 'conflict', last_change: { operator: 'grace_moderator', action: 'keep_comment' } });
    expect(
      (
        await db.query<{ n: number }>("select count(*)::int as n from public.moderation_audit_log where target_id = $1 and action = 'keep_comment'", [
          c,
        ])
      )[0]!.n,
    ).toBe(1);
  });

  it('reports: the lost dismissal names who dismissed them', async () => {
    const c = await reportedComment();
    const err = await race("select public.admin_dismiss_reports($1, 'comment', $2)", [grace, c], () =>
      loser.call('admin_dismiss_reports', { p_operator: ada, p_target_type: 'comment', p_target_id: c }),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PT409', details: expect.stringContaining('grace_moderator') });
  });

  it('a context note: the lost approval names who rejected (deleted) it', async () => {
    const note = (
      await db.query<{ id: string }>(
        "insert into public.video_contexts (video_id, context_type, content, author_id) values ($1, 'note', 'Raced note', $2) returning id",
        [await video(), member],
      )
    )[0]!.id;
    const r = await race(
      "select public.admin_moderate_contexts($1, 'reject', $2::jsonb, 'Unsourced')",
      [grace, [{ id: note, expected_is_approved: false }]],
      () =>
        loser.call('admin_moderate_contexts', {
          p_operator: ada,
          p_action: 'approve',
          p_items: [{ id: note, expected_is_approved: false }],
        }) as Promise<Batch>,
    );
    expect(r.results[0]).toMatchObject({ outcome: 'conflict', last_change: { operator: 'grace_moderator', action: 'reject_context' } });
  });
});
