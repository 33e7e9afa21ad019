// Reference-graph figures on the embedded backend with 50,000 videos and 200,000 links: accepting
// and refusing a prerequisite link (the exact cycle check at any depth) and loading a 2-hop
// neighbourhood, against bare-SQL baselines measured in the same run.
import { SqlAdminGateway } from '../../../electron/db/sql-admin-gateway';
import { openDataset } from '../dataset';
import { median, ms, ratio, type Report } from '../measure';

export async function run(report: Report): Promise<void> {
  const { db, dispose } = await openDataset('graph-50k', 50_000, (s) => report('dataset', s), { links: 200_000 });
  try {
    const gw = new SqlAdminGateway(db, false);
    const [{ videos, links, prereq }] = (await db.query<{ videos: number; links: number; prereq: number }>(
      "select (select count(*)::int from public.videos) as videos, (select count(*)::int from public.video_references) as links, (select count(*)::int from public.video_references where reference_type = 'prerequisite') as prereq",
    )) as [{ videos: number; links: number; prereq: number }];
    report('videos / links / prerequisite links', `${videos} / ${links} / ${prereq}`);
    const [{ id: op }] = (await db.query<{ id: string }>("select id from public.users where username = 'ada_moderator'")) as [{ id: string }];

    // The video whose prerequisites reach furthest (the worst case for the cycle walk).
    const [deep] = await db.query<{ id: string; reach: number }>(`
      select s.id, (with recursive r(id) as (select s.id union select e.target_video_id from r join public.video_references e on e.source_video_id = r.id and e.reference_type = 'prerequisite') select count(*)::int from r) as reach
        from (select distinct source_video_id as id from public.video_references where reference_type = 'prerequisite' order by 1 limit 400) s
       order by reach desc limit 1`);
    report('largest prerequisite closure among 400 sampled videos', `${deep!.reach} videos`);
    const [leaf] = await db.query<{ id: string }>(
      `
      with recursive r(id) as (select $1::uuid union select e.target_video_id from r join public.video_references e on e.source_video_id = r.id and e.reference_type = 'prerequisite')
      select id from r where id <> $1::uuid order by id desc limit 1`,
      [deep!.id],
    );
    const [fresh] = await db.query<{ id: string }>(
      'select id from public.videos v where not exists (select 1 from public.video_references e where e.source_video_id = v.id or e.target_video_id = v.id) limit 1',
    );

    const bareInsert = await median(15, async () => {
      await db.execute('begin');
      await db.query("insert into public.video_references (source_video_id, target_video_id, reference_type) values ($1, $2, 'related')", [
        fresh!.id,
        deep!.id,
      ]);
      await db.execute('rollback');
    });
    const accept = await median(15, async () => {
      await db.execute('begin');
      await db.query("insert into public.video_references (source_video_id, target_video_id, reference_type) values ($1, $2, 'prerequisite')", [
        fresh!.id,
        deep!.id,
      ]);
      await db.execute('rollback');
    });
    const refuse = await median(15, async () => {
      await db.execute('begin');
      await db
        .query("insert into public.video_references (source_video_id, target_video_id, reference_type) values ($1, $2, 'prerequisite')", [
          leaf!.id,
          deep!.id,
        ])
        .catch(() => null);
      await db.execute('rollback');
    });
    report('baseline: insert a related link (no cycle policy)', ms(bareInsert));
    report(
      `accept a prerequisite link whose target reaches ${deep!.reach} videos (exact check)`,
      `${ms(accept)} (${ratio(accept, bareInsert)} of baseline)`,
    );
    report(
      'refuse a prerequisite link closing a cycle through that closure (path rebuilt)',
      `${ms(refuse)} (${ratio(refuse, bareInsert)} of baseline)`,
    );
    const viaApi = await median(9, async () => {
      const r = (await gw.call('admin_save_reference', { p_operator: op, p_source: fresh!.id, p_target: deep!.id, p_type: 'prerequisite' })) as {
        id: string;
      };
      await gw.call('admin_delete_reference', { p_operator: op, p_id: r.id });
    });
    report('admin_save_reference + admin_delete_reference of that link (with audit)', ms(viaApi));

    // A chain 2,000 deep: the check is exact at any depth (the plan's query stopped at 5).
    const chainIds = (
      await db.query<{ id: string }>(`insert into public.videos (platform, platform_id, url, title)
      select 'other', 'chain-' || i, 'https://media.example.org/chain/' || i, 'Chain step ' || i from generate_series(0, 2000) i returning id`)
    ).map((r) => r.id);
    await db.query(
      `insert into public.video_references (source_video_id, target_video_id, reference_type)
                    select a, b, 'prerequisite' from unnest($1::uuid[], $2::uuid[]) as x(a, b)`,
      [chainIds.slice(0, 2000), chainIds.slice(1, 2001)],
    );
    const chainAccept = await median(9, async () => {
      await db.execute('begin');
      await db.query("insert into public.video_references (source_video_id, target_video_id, reference_type) values ($1, $2, 'prerequisite')", [
        fresh!.id,
        chainIds[0]!,
      ]);
      await db.execute('rollback');
    });
    const chainRefuse = await median(9, async () => {
      await db.execute('begin');
      await db
        .query("insert into public.video_references (source_video_id, target_video_id, reference_type) values ($1, $2, 'prerequisite')", [
          chainIds[2000]!,
          chainIds[0]!,
        ])
        .catch(() => null);
      await db.execute('rollback');
    });
    report(
      'accept a link onto a 2,000-deep prerequisite chain (walks all 2,001)',
      `${ms(chainAccept)} (${ratio(chainAccept, bareInsert)} of baseline)`,
    );
    report(
      'refuse the link closing that 2,001-video cycle (path of 2,002 in the message)',
      `${ms(chainRefuse)} (${ratio(chainRefuse, bareInsert)} of baseline)`,
    );

    const [busy] = await db.query<{ id: string }>(
      'select id from (select source_video_id as id from public.video_references union all select target_video_id from public.video_references) x group by id order by count(*) desc limit 1',
    );
    const bareHood = await median(9, () =>
      db.query(
        `
      with recursive h(id, d) as (select $1::uuid, 0 union select case when e.source_video_id = h.id then e.target_video_id else e.source_video_id end, h.d + 1
        from h join public.video_references e on e.source_video_id = h.id or e.target_video_id = h.id where h.d < 2)
      select count(distinct id) from h`,
        [busy!.id],
      ),
    );
    const hood = (await gw.call('admin_graph_neighbourhood', { p_operator: op, p_video_id: busy!.id, p_hops: 2, p_limit: 150 })) as {
      total: number;
      nodes: unknown[];
      edges: unknown[];
    };
    const hoodMs = await median(9, () => gw.call('admin_graph_neighbourhood', { p_operator: op, p_video_id: busy!.id, p_hops: 2, p_limit: 150 }));
    report('baseline: bare recursive count of a 2-hop neighbourhood', ms(bareHood));
    report(
      `2-hop neighbourhood of the busiest video (${hood.total} videos, ${hood.nodes.length} shown, ${hood.edges.length} links)`,
      `${ms(hoodMs)} (${ratio(hoodMs, bareHood)} of baseline)`,
    );
  } finally {
    await dispose();
  }
}
