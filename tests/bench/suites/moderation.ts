// Moderation figures on the embedded backend with 1,000,000 videos (40% pending): the first
// queue page vs a page 10,000 rows deep (keyset vs OFFSET), bulk approve of 1,000 items in one
// call vs 1,000 single calls, and refreshing the queue counts.
import type { AdminGateway } from '../../../electron/db/admin-gateway';
import { SqlAdminGateway } from '../../../electron/db/sql-admin-gateway';
import { SupabaseAdminGateway } from '../../../electron/db/supabase-admin-gateway';
import { signJwt } from '../../support/jwt';
import { startPostgrestDouble } from '../../support/postgrest-double';
import { openDataset } from '../dataset';
import { median, ms, ratio, type Report } from '../measure';

const PAGE = 50;

export async function run(report: Report): Promise<void> {
  const { db, migrateMs, dispose } = await openDataset('videos-1m', 1_000_000, (s) => report('dataset', s));
  try {
    const gw = new SqlAdminGateway(db, false);
    const [{ id: operator }] = (await db.query<{ id: string }>("select id from public.users where username = 'ada_moderator'")) as [{ id: string }];
    const [{ total, pending }] = (await db.query<{ total: number; pending: number }>(
      "select count(*)::int as total, count(*) filter (where moderation_status = 'pending')::int as pending from public.videos",
    )) as [{ total: number; pending: number }];
    report('videos / pending', `${total} / ${pending}`);
    report('pending migrations applied on this data (incl. 4 concurrent indexes)', ms(migrateMs));
    await db.execute('analyze public.videos');

    // The cursor of the row 10,000 deep, as a client paging by keyset would hold it.
    const [deep] = await db.query<{ created_at: string; id: string }>(
      "select created_at::text, id from public.videos where moderation_status = 'pending' order by created_at, id offset 9999 limit 1",
    );
    const cursor = { created_at: deep!.created_at, id: deep!.id, open_report_count: 0 };
    const first = await median(15, () => gw.call('admin_moderation_queue', { p_operator: operator, p_queue: 'pending', p_limit: PAGE }));
    const keyset = await median(15, () =>
      gw.call('admin_moderation_queue', { p_operator: operator, p_queue: 'pending', p_limit: PAGE, p_cursor: cursor }),
    );
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
    const newest = await median(9, () =>
      gw.call('admin_moderation_queue', { p_operator: operator, p_queue: 'pending', p_sort: 'newest', p_limit: PAGE }),
    );
    const reported = await median(9, () =>
      gw.call('admin_moderation_queue', { p_operator: operator, p_queue: 'pending', p_sort: 'most_reported', p_limit: PAGE }),
    );
    const search = await median(9, () =>
      gw.call('admin_moderation_queue', { p_operator: operator, p_queue: 'pending', p_limit: PAGE, p_filters: { q: 'quantum' } }),
    );
    report('queue page 1: newest / most reported / full-text "quantum"', `${ms(newest)} / ${ms(reported)} / ${ms(search)}`);

    const counts = await median(9, () => gw.call('admin_moderation_counts', { p_operator: operator }));
    report('refresh queue counts (admin_moderation_counts)', ms(counts));

    const ids = (
      await db.query<{ id: string }>("select id from public.videos where moderation_status = 'pending' order by created_at desc, id limit 4100")
    ).map((r) => r.id);
    const approve = (g: AdminGateway, batch: string[]) =>
      g.call('admin_moderate_videos', {
        p_operator: operator,
        p_action: 'approve',
        p_items: batch.map((id) => ({ id, expected_status: 'pending' })),
      }) as Promise<{ done: number }>;
    await approve(gw, ids.slice(4000, 4100)); // warm the plans
    const compare = async (label: string, g: AdminGateway, bulkIds: string[], singleIds: string[]) => {
      let t = performance.now();
      const bulk = await approve(g, bulkIds);
      const bulkMs = performance.now() - t;
      t = performance.now();
      for (const id of singleIds) await approve(g, [id]);
      const singlesMs = performance.now() - t;
      report(`${label}: bulk approve of 1,000 in one call (${bulk.done} done)`, `${ms(bulkMs)} (${(bulkMs / 1000).toFixed(2)} ms per item)`);
      report(
        `${label}: 1,000 single approve calls`,
        `${ms(singlesMs)} (${(singlesMs / 1000).toFixed(2)} ms per call; bulk ${ratio(singlesMs, bulkMs)} faster; target ≥ 20×)`,
      );
    };
    await compare('embedded gateway', gw, ids.slice(0, 1000), ids.slice(1000, 2000));
    // The production path: supabase-js over HTTP to PostgREST (its test double, on loopback).
    const secret = 'bench-jwt-secret-with-at-least-32-characters!!';
    const rest = await startPostgrestDouble(db.db, { jwtSecret: secret });
    try {
      const supa = new SupabaseAdminGateway({ url: rest.url, serviceRoleKey: signJwt({ role: 'service_role' }, secret) });
      await compare('supabase gateway (loopback HTTP)', supa, ids.slice(2000, 3000), ids.slice(3000, 4000));
    } finally {
      await rest.stop();
    }
  } finally {
    await dispose();
  }
}
