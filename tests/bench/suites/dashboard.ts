// Dashboard and activity-log figures at 1,000,000 videos (or --videos N), each as a ratio against
// its bare SQL measured in the same run on the same connection, in turns with it: admin_dashboard against the same
// aggregates written as plain statements, admin_activity (first page, a page 10,000 rows deep,
// filtered by operator, by text) against the bare keyset UNION ALL of the logs.
//
// The demo data has no audit history, so the suite adds one, set-based: a decision for every
// video not pending (spread over the year before it, 12 moderators), 50,000 taxonomy changes,
// 100,000 link changes and 200 staff changes. On the embedded backend it uses the shared
// 'videos-1m' dataset; with MAGNA_BENCH_DATABASE_URL (a real PostgreSQL server, see
// ../shared/tools/real-postgres.sh) it migrates and fills that database instead, once: 100,000
// generated videos, the rest copies of them made set-based.
import type { SqlConnection } from '../../../electron/db/sql-connection';
import { PostgresDatabase } from '../../../electron/db/postgres-database';
import { SqlAdminGateway } from '../../../electron/db/sql-admin-gateway';
import { generateDemoData } from '../../../electron/demo-data/generate-demo-data';
import { readMigrationFiles } from '../../../electron/services/migrations/migration-files';
import { migrateUp } from '../../../electron/services/migrations/migration-runner';
import { openDataset } from '../dataset';
import { median, medianPair, ms, ratio, type Report } from '../measure';

const PAGE = 100;
/** Videos the demo generator writes on a server; the rest are copies. */
const GENERATED = 100_000;

async function openDatabase(videos: number, report: Report): Promise<{ db: SqlConnection; where: string; dispose: () => Promise<void> }> {
  const url = process.env.MAGNA_BENCH_DATABASE_URL;
  if (!url) {
    const { db, dispose } = await openDataset('videos-1m', 1_000_000, (s) => report('dataset', s));
    return { db, where: 'embedded (PGlite)', dispose };
  }
  const db = await PostgresDatabase.connect(url);
  await migrateUp(db, await readMigrationFiles());
  const count = async () => ((await db.query<{ n: number }>('select count(*)::int as n from public.videos')) as [{ n: number }])[0].n;
  if ((await count()) === 0) {
    // The generator writes ~700 videos/s with everything around them; beyond 100,000 the
    // videos are copied set-based (new platform ids and urls, older dates), which takes minutes.
    const t = performance.now();
    await generateDemoData(db, { videos: Math.min(videos, GENERATED), seed: 1 });
    report('dataset', `generated ${Math.min(videos, GENERATED)} videos on the server in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const have = await count();
  if (have < videos) {
    const t = performance.now();
    const copies = Math.ceil(videos / have) - 1;
    await db.execute(`
      insert into public.videos (platform, platform_id, url, title, description, thumbnail_url, duration_seconds, published_at, channel_name,
                                 channel_id, channel_url, view_count, like_count, category_id, is_approved, is_featured, moderation_status,
                                 moderation_notes, submitted_by, created_at, updated_at)
      select platform, platform_id || '-c' || g, url || '#copy-' || g, title, description, thumbnail_url, duration_seconds, published_at, channel_name,
             channel_id, channel_url, view_count, like_count, category_id, is_approved, is_featured, moderation_status,
             moderation_notes, submitted_by, created_at - g * interval '7 hours', updated_at
        from (select * from public.videos order by id limit ${have}) v cross join generate_series(1, ${copies}) g
       limit ${videos - have};
      analyze public.videos;`);
    report('dataset', `copied up to ${videos} videos set-based in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  await db.execute(
    "insert into public.staff_roles (user_id, role) select id, 'admin' from public.users where username = 'ada_moderator' on conflict do nothing",
  );
  return { db, where: 'real PostgreSQL server', dispose: () => db.close() };
}

/** A year of audit history, once per database (set-based: one statement per log). */
async function addHistory(db: SqlConnection, report: Report): Promise<void> {
  const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from public.moderation_audit_log')) as [{ n: number }];
  if (n > 10_000) return;
  const t = performance.now();
  await db.execute(`
    insert into public.staff_roles (user_id, role)
    select id, 'moderator' from public.users where is_active order by username limit 12 on conflict do nothing;
    create temporary table bench_staff as
      select row_number() over (order by user_id) - 1 as i, user_id from public.staff_roles where role in ('moderator', 'admin');
    insert into public.moderation_audit_log (occurred_at, operator_id, action, target_type, target_id, from_state, to_state, reason)
    select now() - (v.n % 365) * interval '1 day' - (v.n % 86400) * interval '1 second',
           (select s.user_id from bench_staff s where s.i = v.n % (select count(*) from bench_staff)),
           case v.moderation_status when 'approved' then 'approve' when 'rejected' then 'reject' else 'flag' end,
           'video', v.id, 'pending', v.moderation_status,
           case when v.moderation_status = 'rejected' then 'Off-topic for an educational platform' end
      from (select id, moderation_status, row_number() over (order by id) as n from public.videos where moderation_status <> 'pending') v;
    insert into public.taxonomy_audit_log (occurred_at, operator_id, action, target_type, target_id, after)
    select now() - (g % 365) * interval '1 day' - g * interval '1 second', (select user_id from bench_staff where i = g % 3), 'update', 'tag', g,
           jsonb_build_object('name', 'tag ' || g)
      from generate_series(1, 50000) g;
    insert into public.reference_audit_log (occurred_at, operator_id, action, reference_id, after)
    select now() - (g % 365) * interval '1 day' - g * interval '1 second', (select user_id from bench_staff where i = g % 3), 'create', gen_random_uuid(),
           jsonb_build_object('reference_type', 'related')
      from generate_series(1, 100000) g;
    insert into public.staff_audit_log (occurred_at, operator_id, action, user_id, role)
    select now() - g * interval '1 day', (select user_id from bench_staff where i = 0), case when g % 2 = 0 then 'grant' else 'revoke' end,
           (select user_id from bench_staff where i = 1 + g % 10), 'curator'
      from generate_series(1, 200) g;
    drop table bench_staff;
    analyze public.moderation_audit_log; analyze public.taxonomy_audit_log; analyze public.reference_audit_log; analyze public.staff_audit_log;
  `);
  report('audit history added (one statement per log)', ms(performance.now() - t));
}

// The dashboard's figures as plain statements: what a hand-written query of the same numbers costs.
const BARE_DASHBOARD = `
  select (select sum(n) filter (where moderation_status = 'pending') from public.video_status_counts) as pending,
         (select sum(n) filter (where moderation_status = 'flagged') from public.video_status_counts) as flagged,
         (select min(created_at) from public.videos where moderation_status = 'pending') as oldest,
         (select count(*) from public.queue_depth_daily where day >= current_date - 29) as depth_days,
         (select count(*) from (select (occurred_at at time zone 'utc')::date, operator_id, count(*) from public.moderation_audit_log
                                 where occurred_at >= $1 and action in ('approve', 'reject', 'flag', 'reopen', 'remove_comment', 'keep_comment',
                                   'approve_context', 'reject_context', 'dismiss_reports') group by 1, 2) d) as decision_rows,
         (select count(*) from (select action, count(*) from public.moderation_audit_log
                                 where occurred_at >= $1 and target_type = 'video' and action in ('approve', 'reject', 'flag') group by 1) m) as mix_rows,
         (select count(*) from (select reason, count(*) from public.reports where status = 'open' group by reason) r) as reasons,
         (select sum(n) from public.video_status_counts) as videos,
         (select count(*) from public.video_embeddings) as embedded`;

// The feed as a plain keyset UNION ALL of the same six logs (no filters, no json), with the operator's name and the item's title.
const bareFeed = (cursor: boolean) => {
  const seek = (domain: string, at = 'a.occurred_at', id = 'a.id') =>
    cursor ? `where ${at} <= $1::timestamptz and (${at} < $1 or '${domain}' > $2 or ('${domain}' = $2 and ${id} < $3::bigint))` : '';
  const branch = (table: string, domain: string, target: string) =>
    `(select a.occurred_at as at, '${domain}' as domain, a.id, a.operator_id, ${target} as target from public.${table} a ${seek(domain)}
       order by a.occurred_at desc, a.id desc limit ${PAGE + 1})`;
  const migrations = `(select c.applied_at as at, 'migrations' as domain, c.version::bigint as id, null::uuid as operator_id, null::uuid as target
       from supabase_migrations.console_applied c ${seek('migrations', 'c.applied_at', 'c.version::bigint')}
       order by c.applied_at desc, c.version::bigint desc limit ${PAGE + 1})`;
  return `select f.at, f.domain, f.id, u.username, v.title from (
      select * from (${branch('moderation_audit_log', 'moderation', 'a.target_id')} union all ${branch('taxonomy_audit_log', 'taxonomy', 'null::uuid')}
        union all ${branch('reference_audit_log', 'graph', 'null::uuid')} union all ${branch('staff_audit_log', 'staff', 'a.user_id')}
        union all ${branch('embedding_audit_log', 'embeddings', 'null::uuid')} union all ${migrations}) x
      order by at desc, domain, id desc limit ${PAGE + 1}) f
    left join public.users u on u.id = f.operator_id left join public.videos v on v.id = f.target`;
};

export async function run(report: Report, options: { videos: number }): Promise<void> {
  const videos = process.env.MAGNA_BENCH_DATABASE_URL ? options.videos : 1_000_000;
  const { db, where, dispose } = await openDatabase(videos, report);
  try {
    await addHistory(db, report);
    const gw = new SqlAdminGateway(db, false);
    const [{ id: operator }] = (await db.query<{ id: string }>("select id from public.users where username = 'ada_moderator'")) as [{ id: string }];
    const [size] = await db.query<{ videos: number; audit: number; all_logs: number }>(
      `select (select count(*)::int from public.videos) as videos, (select count(*)::int from public.moderation_audit_log) as audit,
              (select (select count(*) from public.moderation_audit_log) + (select count(*) from public.taxonomy_audit_log)
                    + (select count(*) from public.reference_audit_log) + (select count(*) from public.staff_audit_log))::int as all_logs`,
    );
    report(`${where}: videos / moderation audit rows / all log rows`, `${size!.videos} / ${size!.audit} / ${size!.all_logs}`);
    await db.execute('analyze public.videos');

    // What any admin call costs through the gateway (its transaction, role and claims: five round
    // trips where a bare statement makes one), to read the ratios below against.
    await gw.call('admin_my_roles', { p_operator: operator });
    const [floor, bareFloor] = await medianPair(
      15,
      () => gw.call('admin_my_roles', { p_operator: operator }),
      () => db.query('select 1'),
    );
    report('floor: admin_my_roles through the gateway / bare select 1', `${ms(floor)} / ${ms(bareFloor)}`);

    const since = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
    await gw.call('admin_dashboard', { p_operator: operator, p_days: 30 });
    const [dashboard, bareDashboard] = await medianPair(
      15,
      () => gw.call('admin_dashboard', { p_operator: operator, p_days: 30 }),
      () => db.query(BARE_DASHBOARD, [since]),
    );
    report('admin_dashboard, 30 days', `${ms(dashboard)} (bare SQL ${ms(bareDashboard)}: ${ratio(dashboard, bareDashboard)}; target ≤ 2×)`);
    const dashboard90 = await median(5, () => gw.call('admin_dashboard', { p_operator: operator, p_days: 90 }));
    report('admin_dashboard, 90 days', ms(dashboard90));

    const activity = (filters: object, cursor: unknown = null) =>
      gw.call('admin_activity', { p_operator: operator, p_filters: filters, p_limit: PAGE, p_cursor: cursor }) as Promise<{
        rows: unknown[];
        next_cursor: unknown;
      }>;
    await activity({});
    const [first, bareFirst] = await medianPair(
      15,
      () => activity({}),
      () => db.query(bareFeed(false)),
    );
    report(`admin_activity, first page of ${PAGE}, every log`, `${ms(first)} (bare SQL ${ms(bareFirst)}: ${ratio(first, bareFirst)}; target ≤ 2×)`);

    // The cursor 10,000 rows deep, as a client paging the feed holds it.
    const [deep] = await db.query<{ at: string; domain: string; id: string }>(
      `select at::text, domain, id::text from (
         (select occurred_at as at, 'moderation' as domain, id from public.moderation_audit_log order by occurred_at desc, id desc limit 10000)
         union all (select occurred_at, 'taxonomy', id from public.taxonomy_audit_log order by occurred_at desc, id desc limit 10000)
         union all (select occurred_at, 'graph', id from public.reference_audit_log order by occurred_at desc, id desc limit 10000)
         union all (select occurred_at, 'staff', id from public.staff_audit_log order by occurred_at desc, id desc limit 10000)) x
       order by at desc, domain, id desc offset 9999 limit 1`,
    );
    const cursor = { at: deep!.at, domain: deep!.domain, key: deep!.id.padStart(19, '0') };
    const [deepPage, bareDeep] = await medianPair(
      15,
      () => activity({}, cursor),
      () => db.query(bareFeed(true), [deep!.at, deep!.domain, deep!.id]),
    );
    report(
      'admin_activity, a page 10,000 rows deep (keyset)',
      `${ms(deepPage)} (bare SQL ${ms(bareDeep)}: ${ratio(deepPage, bareDeep)}; ${ratio(deepPage, first)} of page 1)`,
    );

    const [grace] = await db.query<{ operator_id: string }>('select operator_id from public.moderation_audit_log order by id desc limit 1');
    const byOperator = await median(9, () => activity({ operator_id: grace!.operator_id }));
    report('admin_activity, first page filtered by one operator', `${ms(byOperator)} (${ratio(byOperator, bareFirst)} of the bare unfiltered feed)`);
    const byAction = await median(9, () => activity({ domain: 'moderation', action: 'reject' }));
    report('admin_activity, first page: moderation rejections only', ms(byAction));
    const byText = await median(5, () => activity({ q: 'off-topic' }));
    report('admin_activity, first page: text "off-topic" (a scan until 100 match)', ms(byText));

    let rows = 0;
    let next: unknown = null;
    const t = performance.now();
    do {
      const page = (await gw.call('admin_activity', { p_operator: operator, p_filters: {}, p_limit: 1000, p_cursor: next })) as {
        rows: unknown[];
        next_cursor: unknown;
      };
      rows += page.rows.length;
      next = page.next_cursor;
    } while (next && rows < 20_000);
    const exportMs = performance.now() - t;
    report('CSV export read: 20,000 rows in pages of 1,000', `${ms(exportMs)} (${Math.round(rows / (exportMs / 1000))} rows/s)`);
  } finally {
    await dispose();
  }
}
