// Deterministic demo data for the embedded workspace and for benchmarks. The same seed and
// anchor date give the same rows. Rows are inserted in batches through json_to_recordset,
// each table in one transaction, so a million videos load in minutes, not hours.
import type { SqlConnection } from '../db/sql-connection';
import { Random } from './random';
import { CHANNELS, COMMENT_OPENERS, FIRST_NAMES, LAST_NAMES, REJECTION_REASONS, SUBCATEGORIES, TAGS, TITLE_PATTERNS, TOPICS } from './vocabulary';

export type DemoDataOptions = {
  videos?: number;
  seed?: number;
  /** Links between videos; default 1.5 per video. */
  links?: number;
  /** "Now" for the data's timeline; default: today at midnight UTC. */
  anchor?: Date;
  batchSize?: number;
  /**
   * Adds to a database that already holds data (demo data or not) instead of filling an empty
   * one: no staff are made, and every unique key — ids, usernames, e-mails, platform ids, urls,
   * collection slugs — is kept clear of the rows already there (see readAddition). On an empty
   * database it changes nothing.
   */
  add?: boolean;
  onProgress?: (p: { table: string; done: number; total: number }) => void;
};

export type DemoDataSummary = Record<string, number>;

type Row = Record<string, unknown>;
type Column = readonly [name: string, type: string];

const DAY = 86_400_000;
export const MODERATORS = ['ada', 'grace'] as const;
/**
 * The console's demo staff, the first users: ada (admin: the embedded workspace's default
 * operator, who may do everything), grace (moderator) and hedy (curator). Nobody else is staff.
 */
export const STAFF = [
  { username: 'ada_moderator', role: 'admin' },
  { username: 'grace_moderator', role: 'moderator' },
  { username: 'hedy_curator', role: 'curator' },
] as const;
const REPORT_REASONS = ['spam', 'abuse', 'misinformation', 'copyright', 'off_topic', 'duplicate', 'other'] as const;
const STATUSES = [
  ['pending', 40],
  ['approved', 45],
  ['rejected', 8],
  ['flagged', 7],
] as const;
const PLATFORMS = [
  ['youtube', 60],
  ['vimeo', 20],
  ['dailymotion', 10],
  ['other', 10],
] as const;
const CONTEXT_TYPES = ['summary', 'timeline', 'quote', 'reference', 'note', 'keypoint'] as const;
const LINK_TYPES = [
  ['related', 30],
  ['prerequisite', 25],
  ['sequel', 15],
  ['response', 10],
  ['cited', 12],
  ['contradicts', 8],
] as const;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const slugify = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

async function insertRows(
  db: SqlConnection,
  table: string,
  columns: readonly Column[],
  rows: Iterable<Row>,
  total: number,
  options: DemoDataOptions,
  conflict = '',
): Promise<number> {
  const batchSize = options.batchSize ?? 2000;
  const names = columns.map(([n]) => n).join(', ');
  const defs = columns.map(([n, t]) => `${n} ${t}`).join(', ');
  const sql = `insert into public.${table} (${names}) select ${names} from json_to_recordset($1::text::json) as x(${defs}) ${conflict}`;
  let done = 0;
  await db.transaction(async (tx) => {
    let batch: Row[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await tx.query(sql, [JSON.stringify(batch)]);
      done += batch.length;
      batch = [];
      options.onProgress?.({ table, done, total });
    };
    for (const row of rows) {
      batch.push(row);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  });
  return done;
}

type VideoInfo = { id: string; status: string; categorySlug: string; topic: string; createdAt: number; duration: number };

/**
 * What an added run needs to keep clear of the rows already there: its number (the next free
 * user number: the generator's usernames end in _N, so every run starts past the last one and
 * the next run past this one), and the platform ids already taken. The run number goes into the
 * first eight hex digits of every id it makes (the seeded generator's ids alone could repeat
 * another run's, since its state is 32 bits) and into its collections' slugs; the PRNG is
 * seeded with the seed and the run number, so the same seed on the same database gives the same
 * rows and a second run gives new ones.
 */
type Addition = { run: number; platformIds: Set<string> };

async function readAddition(db: SqlConnection): Promise<Addition | null> {
  const [row] = await db.query<{ users: number; next: string }>(
    `select count(*)::int as users, (coalesce(max(substring(username from '_([0-9]{1,9})$')::bigint), -1) + 1)::text as next from public.users`,
  );
  if (!row || row.users === 0) return null;
  const taken = await db.query<{ key: string }>("select platform || ':' || platform_id as key from public.videos");
  // Past the largest _N so far and past the user count (usernames the generator did not make).
  const run = Math.max(Number(row.next), row.users);
  if (run > 0xffffffff) throw new Error('demo-data --add: the run number no longer fits eight hex digits; add into a new database instead.');
  return { run, platformIds: new Set(taken.map((t) => t.key)) };
}

export async function generateDemoData(db: SqlConnection, options: DemoDataOptions = {}): Promise<DemoDataSummary> {
  const videoCount = options.videos ?? 320;
  const addition = options.add ? await readAddition(db) : null;
  const seed = options.seed ?? 42;
  const rnd = new Random(addition ? (Math.imul(seed, 0x9e3779b1) ^ Math.imul(addition.run + 1, 0x85ebca6b)) >>> 0 : seed);
  const runPrefix = addition ? addition.run.toString(16).padStart(8, '0') : '';
  const uuid = () => (addition ? `${runPrefix}${rnd.uuid().slice(8)}` : rnd.uuid());
  // Staff come first in a new database only; an added run makes plain users.
  const staffCount = addition ? 0 : STAFF.length;
  const userBase = addition?.run ?? 0;
  const anchor = (options.anchor ?? new Date(Math.floor(Date.now() / DAY) * DAY)).getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const summary: DemoDataSummary = {};

  // Categories: the seed's eight plus subcategories.
  const parents = await db.query<{ id: number; slug: string }>('select id, slug from public.categories');
  const bySlug = new Map(parents.map((c) => [c.slug, c.id]));
  const subRows = SUBCATEGORIES.filter((s) => !bySlug.has(s.slug) && bySlug.has(s.parent)).map((s, i) => ({
    name: s.name,
    slug: s.slug,
    description: s.description,
    icon: s.icon,
    color: s.color,
    parent_id: bySlug.get(s.parent),
    display_order: i,
  }));
  summary.categories = await insertRows(
    db,
    'categories',
    [
      ['name', 'text'],
      ['slug', 'text'],
      ['description', 'text'],
      ['icon', 'text'],
      ['color', 'text'],
      ['parent_id', 'int'],
      ['display_order', 'int'],
    ],
    subRows,
    subRows.length,
    options,
    'on conflict do nothing',
  );
  const categories = await db.query<{ id: number; slug: string }>("select id, slug from public.categories where slug <> 'all' order by id");
  const categoryIds = new Map(categories.map((c) => [c.slug, c.id]));
  const categorySlugs = categories.map((c) => c.slug).filter((s) => TOPICS[s]);

  // Users.
  const userCount = Math.min(50_000, Math.max(40, Math.round(videoCount / 20)));
  const users: { id: string; createdAt: number; index: number }[] = [];
  summary.users = await insertRows(
    db,
    'users',
    [
      ['id', 'uuid'],
      ['email', 'text'],
      ['username', 'text'],
      ['display_name', 'text'],
      ['bio', 'text'],
      ['avatar_url', 'text'],
      ['created_at', 'timestamptz'],
      ['last_login_at', 'timestamptz'],
      ['is_active', 'boolean'],
    ],
    (function* () {
      for (let i = 0; i < userCount; i++) {
        // The first users are the demo staff the console acts as. The staff after the two
        // moderators still draw a random name, so every later row is the same as before.
        const drawn = i < Math.min(staffCount, MODERATORS.length) ? null : ([rnd.pick(FIRST_NAMES), rnd.pick(LAST_NAMES)] as const);
        const staff = i < staffCount ? STAFF[i] : undefined;
        const [first, last] = staff ? (staff.username.split('_') as [string, string]) : drawn!;
        const username = staff ? staff.username : `${first}_${last}_${userBase + i}`;
        const createdAt = anchor - rnd.int(1, 900) * DAY;
        const id = uuid();
        users.push({ id, createdAt, index: i });
        yield {
          id,
          email: `${username}@example.org`,
          username,
          display_name: `${capitalize(first)} ${capitalize(last)}`,
          bio: rnd.chance(0.5) ? `Curious about ${rnd.pick(Object.values(TOPICS).flat())}.` : null,
          avatar_url: null,
          created_at: iso(createdAt),
          last_login_at: iso(anchor - rnd.int(0, 60) * DAY),
          is_active: i < staffCount ? true : !rnd.chance(0.06),
        };
      }
    })(),
    userCount,
    options,
  );
  summary.staff_roles = await insertRows(
    db,
    'staff_roles',
    [
      ['user_id', 'uuid'],
      ['role', 'text'],
    ],
    STAFF.slice(0, staffCount).map((s, i) => ({ user_id: users[i]!.id, role: s.role })),
    staffCount,
    options,
    'on conflict do nothing',
  );
  // Staff submit, write and comment nothing in the demo: nobody moderates their own item, so
  // any item a demo operator opens can be decided. A draw that lands on a staff member goes to
  // a user further down instead (no extra draw: the rest of the data stays the same).
  const member = (u: (typeof users)[number]) => (u.index < staffCount ? users[u.index + staffCount]! : u);

  // Tags.
  summary.tags = await insertRows(
    db,
    'tags',
    [
      ['name', 'text'],
      ['slug', 'text'],
      ['description', 'text'],
    ],
    TAGS.map((t) => ({ name: t.replace(/-/g, ' '), slug: t, description: null })),
    TAGS.length,
    options,
    'on conflict do nothing',
  );
  const tagIds = (await db.query<{ id: number }>('select id from public.tags order by id')).map((t) => t.id);

  // Videos: every category, platform and moderation status.
  const videos: VideoInfo[] = [];
  const platformIds = addition?.platformIds ?? new Set<string>();
  summary.videos = await insertRows(
    db,
    'videos',
    [
      ['id', 'uuid'],
      ['platform', 'text'],
      ['platform_id', 'text'],
      ['url', 'text'],
      ['title', 'text'],
      ['description', 'text'],
      ['thumbnail_url', 'text'],
      ['duration_seconds', 'int'],
      ['published_at', 'timestamptz'],
      ['channel_name', 'text'],
      ['channel_id', 'text'],
      ['channel_url', 'text'],
      ['view_count', 'bigint'],
      ['like_count', 'bigint'],
      ['category_id', 'int'],
      ['is_approved', 'boolean'],
      ['is_featured', 'boolean'],
      ['moderation_status', 'text'],
      ['moderation_notes', 'text'],
      ['submitted_by', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    (function* () {
      for (let i = 0; i < videoCount; i++) {
        // The first rows cycle through every status/platform/category so small sets cover all.
        const status = i < 4 ? STATUSES[i]![0] : rnd.weighted(STATUSES);
        const platform = i < 4 ? PLATFORMS[i]![0] : rnd.weighted(PLATFORMS);
        const categorySlug = i < categorySlugs.length ? categorySlugs[i]! : rnd.pick(categorySlugs);
        const topic = rnd.pick(TOPICS[categorySlug]!);
        const title = rnd
          .pick(TITLE_PATTERNS)
          .replace('{t}', topic)
          .replace('{T}', capitalize(topic))
          .replace('{n}', String(rnd.int(1, 24)));
        let pid =
          platform === 'youtube'
            ? rnd.token(11)
            : platform === 'vimeo'
              ? String(rnd.int(10_000_000, 999_999_999))
              : rnd.token(8, 'abcdefghijklmnopqrstuvwxyz0123456789');
        while (platformIds.has(`${platform}:${pid}`)) pid += rnd.token(1, '0123456789');
        platformIds.add(`${platform}:${pid}`);
        const url =
          platform === 'youtube'
            ? `https://www.youtube.com/watch?v=${pid}`
            : platform === 'vimeo'
              ? `https://vimeo.com/${pid}`
              : platform === 'dailymotion'
                ? `https://www.dailymotion.com/video/${pid}`
                : `https://media.example.org/v/${pid}`;
        const channel = rnd.pick(CHANNELS);
        const createdAt = anchor - Math.floor(rnd.next() * 720 * DAY);
        const duration = rnd.int(180, 5400);
        const id = uuid();
        if (videos.length < 200_000) videos.push({ id, status, categorySlug, topic, createdAt, duration });
        const views = Math.floor(Math.exp(rnd.next() * 14));
        yield {
          id,
          platform,
          platform_id: pid,
          url,
          title,
          description: `${capitalize(topic)}: ${rnd.pick(['an accessible overview', 'a rigorous treatment', 'a story-driven tour', 'worked examples'])} from ${channel}.`,
          thumbnail_url: platform === 'youtube' ? `https://i.ytimg.com/vi/${pid}/hqdefault.jpg` : null,
          duration_seconds: duration,
          published_at: iso(createdAt - rnd.int(0, 2000) * DAY),
          channel_name: channel,
          channel_id: slugify(channel),
          channel_url: `https://www.youtube.com/@${slugify(channel)}`,
          view_count: views,
          like_count: Math.floor(views * rnd.next() * 0.08),
          category_id: categoryIds.get(categorySlug),
          is_approved: status === 'approved',
          is_featured: status === 'approved' && rnd.chance(0.05),
          moderation_status: status,
          moderation_notes: status === 'rejected' ? rnd.pick(REJECTION_REASONS) : status === 'flagged' ? 'Flagged for a second look' : null,
          submitted_by: member(rnd.pick(users)).id,
          created_at: iso(createdAt),
          updated_at: iso(createdAt),
        };
      }
    })(),
    videoCount,
    options,
  );

  const approved = videos.filter((v) => v.status === 'approved');

  // Tags on videos.
  const taggings = videos.length * 2;
  summary.video_tags = await insertRows(
    db,
    'video_tags',
    [
      ['video_id', 'uuid'],
      ['tag_id', 'int'],
    ],
    (function* () {
      for (const v of videos) {
        const n = rnd.int(1, 3);
        const chosen = new Set<number>();
        while (chosen.size < n) chosen.add(rnd.pick(tagIds));
        for (const tag_id of chosen) yield { video_id: v.id, tag_id };
      }
    })(),
    taggings,
    options,
  );

  // Context entries of every type, on a bounded number of videos.
  const contextVideos = videos.slice(0, Math.min(videos.length, 4000));
  summary.video_contexts = await insertRows(
    db,
    'video_contexts',
    [
      ['video_id', 'uuid'],
      ['context_type', 'text'],
      ['title', 'text'],
      ['content', 'text'],
      ['timestamp_seconds', 'int'],
      ['end_timestamp_seconds', 'int'],
      ['author_id', 'uuid'],
      ['is_ai_generated', 'boolean'],
      ['is_approved', 'boolean'],
      ['source_url', 'text'],
    ],
    (function* () {
      let k = 0;
      for (const v of contextVideos) {
        const n = rnd.int(0, 3);
        for (let j = 0; j < n; j++, k++) {
          const type = k < CONTEXT_TYPES.length ? CONTEXT_TYPES[k]! : rnd.pick(CONTEXT_TYPES);
          const at = type === 'timeline' || type === 'quote' || type === 'keypoint' ? rnd.int(0, v.duration - 60) : null;
          yield {
            video_id: v.id,
            context_type: type,
            title: type === 'summary' ? `Summary: ${v.topic}` : null,
            content: type === 'quote' ? `"The key to ${v.topic} is asking the right question."` : `${capitalize(type)} about ${v.topic}.`,
            timestamp_seconds: at,
            end_timestamp_seconds: at === null ? null : at + rnd.int(5, 60),
            author_id: member(rnd.pick(users)).id,
            is_ai_generated: type === 'summary' && rnd.chance(0.5),
            is_approved: !rnd.chance(0.2),
            source_url: type === 'reference' ? `https://en.wikipedia.org/wiki/${encodeURIComponent(v.topic.replace(/ /g, '_'))}` : null,
          };
        }
      }
    })(),
    contextVideos.length * 1.5,
    options,
  );

  // Links. Prerequisite and sequel links always point from a later video to an earlier one
  // (by index), so they can never form a cycle; chains deeper than 5 come first. Large sets skip
  // the per-row cycle check (acyclic by construction; checking 200,000 rows one at a time takes
  // minutes) — the trigger is back on before anything else can write.
  const linkTotal = options.links ?? Math.round(videos.length * 1.5);
  const seen = new Set<string>();
  const bulkLinks = linkTotal > 20_000;
  if (bulkLinks) await db.execute('alter table public.video_references disable trigger video_references_refuse_cycles');
  try {
    summary.video_references = await insertRows(
      db,
      'video_references',
      [
        ['source_video_id', 'uuid'],
        ['target_video_id', 'uuid'],
        ['reference_type', 'text'],
        ['note', 'text'],
        ['timestamp_seconds', 'int'],
        ['created_by', 'uuid'],
      ],
      (function* () {
        const pool = approved.length >= 20 ? approved : videos;
        let made = 0;
        // Three prerequisite chains of depth 8 along one topic ladder each.
        for (let c = 0; c < 3 && pool.length > 9 * (c + 1); c++) {
          const chain = pool.slice(c * 9, c * 9 + 9);
          for (let i = 1; i < chain.length; i++) {
            seen.add(`${chain[i]!.id}|${chain[i - 1]!.id}|prerequisite`);
            made++;
            yield {
              source_video_id: chain[i]!.id,
              target_video_id: chain[i - 1]!.id,
              reference_type: 'prerequisite',
              note: `Builds on ${chain[i - 1]!.topic}`,
              timestamp_seconds: null,
              created_by: users[0]!.id,
            };
          }
        }
        let guard = 0;
        while (made < linkTotal && guard++ < linkTotal * 4 && videos.length > 1) {
          let a = rnd.int(0, videos.length - 1);
          let b = rnd.int(0, videos.length - 1);
          if (a === b) continue;
          const type = rnd.weighted(LINK_TYPES);
          if ((type === 'prerequisite' || type === 'sequel') && a < b) [a, b] = [b, a];
          const key = `${videos[a]!.id}|${videos[b]!.id}|${type}`;
          if (seen.has(key)) continue;
          seen.add(key);
          made++;
          yield {
            source_video_id: videos[a]!.id,
            target_video_id: videos[b]!.id,
            reference_type: type,
            note: rnd.chance(0.5) ? `${capitalize(videos[a]!.topic)} and ${videos[b]!.topic}` : null,
            timestamp_seconds: rnd.chance(0.3) ? rnd.int(0, videos[a]!.duration - 1) : null,
            created_by: rnd.pick(users).id,
          };
        }
      })(),
      linkTotal,
      options,
    );
  } finally {
    if (bulkLinks) await db.execute('alter table public.video_references enable trigger video_references_refuse_cycles');
  }

  // Collections (learning paths).
  const collections: { id: string; owner: string }[] = [];
  const collectionCount = Math.min(200, Math.max(12, Math.round(videos.length / 25)));
  summary.collections = await insertRows(
    db,
    'collections',
    [
      ['id', 'uuid'],
      ['title', 'text'],
      ['description', 'text'],
      ['slug', 'text'],
      ['created_by', 'uuid'],
      ['is_public', 'boolean'],
      ['is_featured', 'boolean'],
    ],
    (function* () {
      for (let i = 0; i < collectionCount; i++) {
        const topic = rnd.pick(Object.values(TOPICS).flat());
        const id = uuid();
        const owner = rnd.pick(users).id;
        collections.push({ id, owner });
        yield {
          id,
          title: `Learning path: ${topic}`,
          description: `A curated path through ${topic}.`,
          slug: addition ? `${slugify(topic)}-r${addition.run}-${i}` : `${slugify(topic)}-${i}`,
          created_by: owner,
          is_public: !rnd.chance(0.2),
          is_featured: rnd.chance(0.1),
        };
      }
    })(),
    collectionCount,
    options,
  );
  summary.collection_videos = await insertRows(
    db,
    'collection_videos',
    [
      ['collection_id', 'uuid'],
      ['video_id', 'uuid'],
      ['position', 'int'],
      ['note', 'text'],
    ],
    (function* () {
      const pool = approved.length ? approved : videos;
      for (const c of collections) {
        const n = Math.min(pool.length, rnd.int(3, 8));
        const chosen = new Set<string>();
        while (chosen.size < n) chosen.add(rnd.pick(pool).id);
        let position = 1;
        for (const video_id of chosen) yield { collection_id: c.id, video_id, position: position++, note: null };
      }
    })(),
    collectionCount * 5,
    options,
  );

  // Threaded comments on approved videos, then votes (the trigger keeps the counts).
  const commentVideos = approved.slice(0, 3000);
  const comments: { id: string; video: VideoInfo }[] = [];
  summary.comments = await insertRows(
    db,
    'comments',
    [
      ['id', 'uuid'],
      ['video_id', 'uuid'],
      ['parent_id', 'uuid'],
      ['content', 'text'],
      ['timestamp_seconds', 'int'],
      ['user_id', 'uuid'],
      ['is_deleted', 'boolean'],
      ['deleted_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
    ],
    (function* () {
      for (const v of commentVideos) {
        const threads = rnd.int(0, 4);
        for (let t = 0; t < threads; t++) {
          const id = uuid();
          const createdAt = Math.min(anchor, v.createdAt + rnd.int(1, 400) * DAY);
          comments.push({ id, video: v });
          const deleted = rnd.chance(0.04);
          yield {
            id,
            video_id: v.id,
            parent_id: null,
            content: `${rnd.pick(COMMENT_OPENERS)} ${v.topic}.`,
            timestamp_seconds: rnd.chance(0.3) ? rnd.int(0, v.duration - 1) : null,
            user_id: member(rnd.pick(users)).id,
            is_deleted: deleted,
            deleted_at: deleted ? iso(createdAt + DAY) : null,
            created_at: iso(createdAt),
          };
          const replies = rnd.int(0, 3);
          let parent = id;
          for (let r = 0; r < replies; r++) {
            const rid = uuid();
            comments.push({ id: rid, video: v });
            yield {
              id: rid,
              video_id: v.id,
              parent_id: rnd.chance(0.6) ? id : parent,
              content: rnd.pick([
                'Agreed!',
                'Good point, though the sources differ.',
                'Do you have a reference for that?',
                'This helped me too.',
                '<b>not bold</b> — markup stays text',
              ]),
              timestamp_seconds: null,
              user_id: member(rnd.pick(users)).id,
              is_deleted: false,
              deleted_at: null,
              created_at: iso(createdAt + (r + 1) * 3_600_000),
            };
            parent = rid;
          }
        }
      }
    })(),
    commentVideos.length * 4,
    options,
  );
  summary.comment_votes = await insertRows(
    db,
    'comment_votes',
    [
      ['user_id', 'uuid'],
      ['comment_id', 'uuid'],
      ['vote_type', 'text'],
    ],
    (function* () {
      for (const c of comments) {
        const n = rnd.int(0, 4);
        const voters = new Set<string>();
        while (voters.size < Math.min(n, users.length)) voters.add(rnd.pick(users).id);
        for (const user_id of voters) yield { user_id, comment_id: c.id, vote_type: rnd.chance(0.8) ? 'upvote' : 'downvote' };
      }
    })(),
    comments.length * 2,
    options,
  );

  // Open reports on some videos, comments and context notes, from distinct reporters.
  const contextIds = (await db.query<{ id: string }>('select id from public.video_contexts order by id limit 2000')).map((r) => r.id);
  const reportTargets: { type: 'video' | 'comment' | 'context'; id: string }[] = [
    ...videos
      .filter((v) => v.status !== 'rejected')
      .slice(0, 5000)
      .filter(() => rnd.chance(0.06))
      .map((v) => ({ type: 'video' as const, id: v.id })),
    ...comments
      .slice(0, 5000)
      .filter(() => rnd.chance(0.03))
      .map((c) => ({ type: 'comment' as const, id: c.id })),
    ...contextIds.filter(() => rnd.chance(0.03)).map((id) => ({ type: 'context' as const, id })),
  ];
  summary.reports = await insertRows(
    db,
    'reports',
    [
      ['reporter_id', 'uuid'],
      ['target_type', 'text'],
      ['video_id', 'uuid'],
      ['comment_id', 'uuid'],
      ['context_id', 'uuid'],
      ['reason', 'text'],
      ['details', 'text'],
      ['created_at', 'timestamptz'],
    ],
    (function* () {
      for (const t of reportTargets) {
        const n = rnd.int(1, 4);
        const reporters = new Set<string>();
        while (reporters.size < Math.min(n, users.length - MODERATORS.length)) reporters.add(users[rnd.int(MODERATORS.length, users.length - 1)]!.id);
        for (const reporter_id of reporters) {
          const reason = rnd.pick(REPORT_REASONS);
          yield {
            reporter_id,
            target_type: t.type,
            video_id: t.type === 'video' ? t.id : null,
            comment_id: t.type === 'comment' ? t.id : null,
            context_id: t.type === 'context' ? t.id : null,
            reason,
            details: rnd.chance(0.5) ? `Reported as ${reason.replace('_', ' ')}.` : null,
            created_at: iso(anchor - rnd.int(0, 20) * DAY - rnd.int(0, 86_000) * 1000),
          };
        }
      }
    })(),
    reportTargets.length * 2,
    options,
  );

  // Watch activity, bookmarks and likes.
  summary.user_video_activity = await insertRows(
    db,
    'user_video_activity',
    [
      ['user_id', 'uuid'],
      ['video_id', 'uuid'],
      ['has_watched', 'boolean'],
      ['last_watched_at', 'timestamptz'],
      ['watch_progress_seconds', 'int'],
      ['is_bookmarked', 'boolean'],
      ['bookmarked_at', 'timestamptz'],
      ['is_liked', 'boolean'],
      ['liked_at', 'timestamptz'],
    ],
    (function* () {
      const pool = approved.slice(0, 5000);
      if (pool.length === 0) return;
      for (const u of users.slice(0, 2000)) {
        const n = rnd.int(0, 8);
        const chosen = new Set<VideoInfo>();
        while (chosen.size < Math.min(n, pool.length)) chosen.add(rnd.pick(pool));
        for (const v of chosen) {
          const watched = anchor - rnd.int(0, 30) * DAY;
          const bookmarked = rnd.chance(0.2);
          const liked = rnd.chance(0.3);
          yield {
            user_id: u.id,
            video_id: v.id,
            has_watched: true,
            last_watched_at: iso(watched),
            watch_progress_seconds: rnd.int(0, v.duration),
            is_bookmarked: bookmarked,
            bookmarked_at: bookmarked ? iso(watched) : null,
            is_liked: liked,
            liked_at: liked ? iso(watched) : null,
          };
        }
      }
    })(),
    Math.min(users.length, 2000) * 4,
    options,
  );

  await db.execute('refresh materialized view public.trending_videos');
  await db.execute('analyze');
  return summary;
}
