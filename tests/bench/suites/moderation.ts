// Moderation figures on the embedded backend with 1,000,000 videos (40% pending): the first
// queue page vs a page 10,000 rows deep (keyset vs OFFSET), bulk approve of 1,000 items in one
// call vs 1,000 single calls, and refreshing the queue counts.
import { SqlAdminGateway } from '../../../electron/db/sql-admin-gateway';
import { openDataset } from '../dataset';
import { median, ms, ratio, type Report } from '../measure';

const PAGE = 50;

export async function run(report: Report): Promise<void> {
  const { db, migrateMs, dispose } = await openDataset('videos-1m', 1_000_000, (s) => report('dataset', s));
  try {
    const gw = new SqlAdminGateway(db, false);
    const [{ total, pending }] = (await db.query<{ total: number; pending: number }>(
      "select count(*)::int as total, count(*) filter (where moderation_status = 'pending')::int as pending from public.videos")) as [{ total: number; pending: number }];
    report('videos / pending', `${total} / ${pending}`);
    report('pending migrations applied on this data (incl. 4 concurrent indexes)', ms(migrateMs));
    await db.execute('analyze public.videos');

    // The cursor of the row 10,000 deep, as a client paging by keyset would hold it.
    const [deep] = await db.query<{ created_at: string; id: string }>(
      "select created_at::text, id from public.videos where moderation_status = 'pending' order by created_at, id offset 9999 limit 1");
    const cursor = { created_at: deep!.created_at, id: deep!.id, open_report_count: 0 };
    const first = await median(15, () => gw.call('admin_moderation_queue', { p_queue: 'pending', p_limit: PAGE }));
    const keyset = await median(15, () => gw.call('admin_moderation_queue', { p_queue: 'pending', p_limit: PAGE, p_cursor: cursor }));
    // The same page by OFFSET, with the function's own projection, for comparison.
    const offsetSql = `select count(*) from (
        select v.id, c.name, u.username from (select * from public.videos v where v.moderation_status = 'pending' order by v.created_at, v.id offset 10000 limit ${PAGE}) v
        left join public.categories c on c.id = v.category_id left join public.users u on u.id = v.submitted_by) x`;
    const keysetSql = `select count(*) from (
        select v.id, c.name, u.username from (select * from public.videos v where v.moderation_status = 'pending' and (v.created_at, v.id) > ($1::timestamptz, $2::uuid) order by v.created_at, v.id limit ${PAGE}) v
        left join public.categories c on c.id = v.category_id left join public.users u on u.id = v.submitted_by) x`;
    const offsetPage = await median(15, () => db.query(offsetSql));
    const keysetPage = await median(15, () => db.query(keysetSql, [deep!.created_at, deep!.id]));
    report('queue page 1 (admin_moderation_queue)', ms(first));
    report('queue page 10,000 rows deep, keyset (admin_moderation_queue)', `${ms(keyset)} (${ratio(keyset, first)} of page 1; target ≤ 2×)`);
    report('same depth, bare SQL: keyset vs OFFSET 10000', `${ms(keysetPage)} vs ${ms(offsetPage)} (OFFSET ${ratio(offsetPage, keysetPage)} slower)`);
    const newest = await median(9, () => gw.call('admin_moderation_queue', { p_queue: 'pending', p_sort: 'newest', p_limit: PAGE }));
    const reported = await median(9, () => gw.call('admin_moderation_queue', { p_queue: 'pending', p_sort: 'most_reported', p_limit: PAGE }));
    const search = await median(9, () => gw.call('admin_moderation_queue', { p_queue: 'pending', p_limit: PAGE, p_filters: { q: 'quantum' } }));
    report('queue page 1: newest / most reported / full-text "quantum"', `${ms(newest)} / ${ms(reported)} / ${ms(search)}`);

    const counts = await median(9, () => gw.call('admin_moderation_counts', {}));
    report('refresh queue counts (admin_moderation_counts)', ms(counts));

    const [{ id: operator }] = (await db.query<{ id: string }>('select id from public.users where is_active order by created_at limit 1')) as [{ id: string }];
    const ids = (await db.query<{ id: string }>("select id from public.videos where moderation_status = 'pending' order by created_at desc, id limit 2000")).map((r) => r.id);
    const bulkIds = ids.slice(0, 1000);
    const singleIds = ids.slice(1000, 2000);
    let t = performance.now();
    const bulk = (await gw.call('admin_moderate_videos', { p_operator: operator, p_action: 'approve', p_items: bulkIds.map((id) => ({ id, expected_status: 'pending' })) })) as { done: number };
    const bulkMs = performance.now() - t;
    t = performance.now();
    for (const id of singleIds) await gw.call('admin_moderate_videos', { p_operator: operator, p_action: 'approve', p_items: [{ id, expected_status: 'pending' }] });
    const singlesMs = performance.now() - t;
    report(`bulk approve 1,000 in one call (${bulk.done} done)`, ms(bulkMs));
    report('1,000 single approve calls', `${ms(singlesMs)} (bulk ${ratio(singlesMs, bulkMs)} faster; target ≥ 20×)`);
  } finally {
    await dispose();
  }
}
