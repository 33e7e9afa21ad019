// Ctrl-K's search in SQL (admin_console_search): a video by any of the ways a moderator has it at
// hand (uuid, URL, a YouTube/Vimeo link, platform id, a piece of the title), users, tags and
// categories; LIKE wildcards typed are matched literally; bad input is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleSearch } from '../../electron/api/moderation';
import { SqlAdminGateway } from '../../electron/db/sql-admin-gateway';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

let t: TestDatabase;
let gw: SqlAdminGateway;
let ada: string;
type Video = { id: string; title: string; url: string; platform: string; platform_id: string };
let yt: Video;
let vimeo: Video;

beforeAll(async () => {
  t = await openTestDatabase('demo');
  gw = new SqlAdminGateway(t.db, false);
  ada = (await t.db.query<{ id: string }>("select id from public.users where username = 'ada_moderator'"))[0]!.id;
  const pick = async (platform: string) =>
    (
      await t.db.query<Video>('select id, title, url, platform, platform_id from public.videos where platform = $1 order by id limit 1', [platform])
    )[0]!;
  yt = await pick('youtube');
  vimeo = await pick('vimeo');
});
afterAll(() => t.dispose());

const search = (query: string | null, limit: number | null = 8) =>
  gw.call('admin_console_search', { p_operator: ada, p_query: query, p_limit: limit }) as Promise<ConsoleSearch>;
const ids = (r: ConsoleSearch) => r.videos.map((v) => v.id);

describe('console search', () => {
  it('serves every staff role: a curator finds videos and tags but no users; a plain user is refused', async () => {
    const user = async (sql: string) => (await t.db.query<{ id: string; username: string }>(sql))[0]!;
    const hedy = await user("select id, username from public.users where username = 'hedy_curator'");
    const plain = await user(
      'select u.id, u.username from public.users u where u.is_active and not exists (select 1 from public.staff_roles s where s.user_id = u.id) order by u.username limit 1',
    );
    const asCurator = (await gw.call('admin_console_search', { p_operator: hedy.id, p_query: yt.platform_id, p_limit: 8 })) as ConsoleSearch;
    expect(asCurator.videos[0]).toMatchObject({ id: yt.id });
    const byName = (await gw.call('admin_console_search', { p_operator: hedy.id, p_query: plain.username, p_limit: 8 })) as ConsoleSearch;
    expect(byName.users).toEqual([]);
    expect((await search(plain.username)).users.map((u) => u.id)).toContain(plain.id);
    await expect(gw.call('admin_console_search', { p_operator: plain.id, p_query: yt.platform_id, p_limit: 8 })).rejects.toMatchObject({
      code: '42501',
      message: expect.stringContaining('is not staff'),
    });
  });

  it('finds a video by its uuid, in any letter case', async () => {
    const r = await search(yt.id.toUpperCase());
    expect(r.videos[0]).toMatchObject({ id: yt.id, matched: 'id' });
  });

  it('finds a video by its stored URL, by another form of its link, and by its platform id', async () => {
    expect((await search(yt.url)).videos[0]).toMatchObject({ id: yt.id, matched: 'url' });
    expect((await search(`https://youtu.be/${yt.platform_id}?t=42`)).videos[0]).toMatchObject({ id: yt.id, matched: 'platform_id' });
    expect((await search(`https://www.youtube.com/watch?feature=share&v=${yt.platform_id}`)).videos[0]).toMatchObject({ id: yt.id });
    expect((await search(`https://player.vimeo.com/video/${vimeo.platform_id}?dnt=1`)).videos[0]).toMatchObject({ id: vimeo.id });
    expect((await search(vimeo.platform_id)).videos[0]).toMatchObject({ id: vimeo.id, matched: 'platform_id' });
  });

  it('finds videos by a piece of the title, best match first, at most the limit', async () => {
    const piece = yt.title.split(' ').slice(0, 3).join(' ');
    const r = await search(piece, 3);
    expect(r.videos.length).toBeGreaterThan(0);
    expect(r.videos.length).toBeLessThanOrEqual(3);
    for (const v of r.videos) expect(v.title.toLowerCase()).toContain(piece.toLowerCase());
    expect(ids(await search(yt.title, 50))).toContain(yt.id);
  });

  it('finds users by username or display name, tags and categories by name, exact match first', async () => {
    const r = await search('ada_mod');
    expect(r.users[0]).toMatchObject({ id: ada, username: 'ada_moderator' });
    const [tag] = await t.db.query<{ id: number; name: string }>('select id, name from public.tags order by video_count desc limit 1');
    expect((await search(tag!.name)).tags[0]).toMatchObject({ id: tag!.id, name: tag!.name });
    const [cat] = await t.db.query<{ id: number; name: string }>("select id, name from public.categories where slug <> 'all' order by id limit 1");
    expect((await search(cat!.name)).categories[0]).toMatchObject({ id: cat!.id, name: cat!.name });
    expect((await search('All')).categories.map((c) => c.name)).not.toContain('All');
  });

  it('matches % and _ literally, not as wildcards', async () => {
    const r = await search('%%%');
    expect(r).toEqual({ videos: [], users: [], tags: [], categories: [] });
    const under = await search('_');
    for (const u of under.users) expect(u.username).toMatch(/^_/);
  });

  it('answers an empty search with nothing, and refuses an oversized one or a bad limit', async () => {
    expect(await search('   ')).toEqual({ videos: [], users: [], tags: [], categories: [] });
    expect(await search(null)).toEqual({ videos: [], users: [], tags: [], categories: [] });
    await expect(search('x'.repeat(201))).rejects.toMatchObject({ code: '22023', message: expect.stringMatching(/at most 200/) });
    for (const limit of [0, 51, null]) await expect(search('black', limit)).rejects.toMatchObject({ code: '22023' });
  });

  it('uses the indexes, not a scan of the videos table', async () => {
    const plan = (q: string) =>
      t.db
        .query<{ 'QUERY PLAN': string }>(
          `explain select v.id from public.videos v where v.title ilike '%' || $1 || '%' order by extensions.similarity(v.title, $1) desc limit 8`,
          [q],
        )
        .then((rows) => rows.map((r) => r['QUERY PLAN']).join('\n'));
    await t.db.query('set enable_seqscan = off');
    try {
      expect(await plan('black hole')).toMatch(/idx_videos_title_trgm/);
    } finally {
      await t.db.query('reset enable_seqscan');
    }
  });
});
