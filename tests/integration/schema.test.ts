// Every table, column, constraint, index, trigger and policy of the database plan exists,
// on bare Postgres and on a Supabase-like database alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

const COLUMNS: Record<string, string[]> = {
  users: ['id', 'email', 'username', 'display_name', 'avatar_url', 'bio', 'created_at', 'updated_at', 'last_login_at', 'is_active'],
  categories: ['id', 'name', 'slug', 'description', 'icon', 'color', 'parent_id', 'display_order', 'created_at'],
  videos: [
    'id',
    'platform',
    'platform_id',
    'url',
    'title',
    'description',
    'thumbnail_url',
    'duration_seconds',
    'published_at',
    'channel_name',
    'channel_id',
    'channel_url',
    'view_count',
    'like_count',
    'category_id',
    'is_approved',
    'is_featured',
    'moderation_status',
    'moderation_notes',
    'submitted_by',
    'created_at',
    'updated_at',
    'metadata_refreshed_at',
  ],
  tags: ['id', 'name', 'slug', 'description', 'created_at'],
  video_tags: ['video_id', 'tag_id', 'created_at'],
  video_contexts: [
    'id',
    'video_id',
    'context_type',
    'title',
    'content',
    'timestamp_seconds',
    'end_timestamp_seconds',
    'author_id',
    'source_url',
    'is_ai_generated',
    'is_approved',
    'upvotes',
    'downvotes',
    'created_at',
    'updated_at',
  ],
  video_references: ['id', 'source_video_id', 'target_video_id', 'reference_type', 'note', 'timestamp_seconds', 'created_by', 'created_at'],
  collections: ['id', 'title', 'description', 'slug', 'created_by', 'is_public', 'is_featured', 'thumbnail_url', 'created_at', 'updated_at'],
  collection_videos: ['collection_id', 'video_id', 'position', 'note', 'added_at'],
  comments: [
    'id',
    'video_id',
    'parent_id',
    'content',
    'timestamp_seconds',
    'user_id',
    'upvotes',
    'downvotes',
    'is_deleted',
    'deleted_at',
    'is_edited',
    'edited_at',
    'created_at',
  ],
  comment_votes: ['user_id', 'comment_id', 'vote_type', 'created_at'],
  user_video_activity: [
    'user_id',
    'video_id',
    'has_watched',
    'last_watched_at',
    'watch_progress_seconds',
    'is_bookmarked',
    'bookmarked_at',
    'is_liked',
    'liked_at',
    'created_at',
    'updated_at',
  ],
  video_embeddings: ['video_id', 'embedding', 'model', 'source', 'created_at', 'updated_at'],
};

const INDEXES = [
  'idx_users_username',
  'idx_users_email',
  'idx_users_created_at',
  'idx_categories_slug',
  'idx_categories_parent',
  'idx_videos_platform',
  'idx_videos_category',
  'idx_videos_created_at',
  'idx_videos_published_at',
  'idx_videos_moderation',
  'idx_videos_featured',
  'idx_videos_submitted_by',
  'idx_videos_search',
  'idx_tags_slug',
  'idx_tags_name',
  'idx_video_tags_video',
  'idx_video_tags_tag',
  'idx_video_contexts_video',
  'idx_video_contexts_type',
  'idx_video_contexts_timestamp',
  'idx_video_contexts_author',
  'idx_video_references_source',
  'idx_video_references_target',
  'idx_video_references_type',
  'idx_video_references_both',
  'idx_collections_creator',
  'idx_collections_public',
  'idx_collections_slug',
  'idx_collection_videos_collection',
  'idx_comments_video',
  'idx_comments_parent',
  'idx_comments_user',
  'idx_comments_timestamp',
  'idx_comments_top_level',
  'idx_comment_votes_comment',
  'idx_user_activity_user',
  'idx_user_activity_bookmarks',
  'idx_user_activity_watched',
  'idx_video_embeddings_vector',
  'idx_trending_videos_score',
  'idx_trending_videos_id',
];

const CONSTRAINTS = [
  ['users', 'username_length'],
  ['users', 'email_format'],
  ['categories', 'slug_format'],
  ['videos', 'platform_check'],
  ['videos', 'unique_platform_video'],
  ['videos', 'moderation_status_check'],
  ['tags', 'slug_format'],
  ['video_contexts', 'context_type_check'],
  ['video_references', 'no_self_reference'],
  ['video_references', 'unique_reference'],
  ['video_references', 'reference_type_check'],
  ['comments', 'content_not_empty'],
  ['comment_votes', 'vote_type_check'],
];

const TRIGGERS = [
  // videos: updated_at is stamped by videos_before_write, which also enforces moderation.
  ['videos', 'videos_before_write'],
  ['users', 'update_users_updated_at'],
  ['video_contexts', 'update_video_contexts_updated_at'],
  ['comment_votes', 'comment_vote_count_trigger'],
];

const SEED_POLICIES = [
  ['videos', 'Videos are viewable by everyone'],
  ['videos', 'Authenticated users can submit videos'],
  ['comments', 'Comments are viewable by everyone'],
  ['comments', 'Authenticated users can post comments'],
  ['comments', 'Users can edit own comments'],
];

describe.each(['bare', 'supabase-like'] as const)('schema on %s Postgres', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t.dispose());

  it('has every table of the plan with every column', async () => {
    const rows = await t.db.query<{ table_name: string; column_name: string }>(
      "select table_name, column_name from information_schema.columns where table_schema = 'public'",
    );
    for (const [table, columns] of Object.entries(COLUMNS)) {
      const actual = rows.filter((r) => r.table_name === table).map((r) => r.column_name);
      expect(actual, table).toEqual(expect.arrayContaining(columns));
    }
  });

  it('has every index, including the full-text and HNSW cosine indexes', async () => {
    const rows = await t.db.query<{ indexname: string; indexdef: string }>("select indexname, indexdef from pg_indexes where schemaname = 'public'");
    const names = rows.map((r) => r.indexname);
    for (const index of INDEXES) expect(names, index).toContain(index);
    const def = (n: string) => rows.find((r) => r.indexname === n)!.indexdef;
    expect(def('idx_videos_search')).toMatch(/USING gin \(to_tsvector\('english'::regconfig/);
    expect(def('idx_video_embeddings_vector')).toMatch(/USING hnsw \(embedding extensions\.vector_cosine_ops\)/);
  });

  it('has every named constraint and the unique and foreign keys', async () => {
    const rows = await t.db.query<{ table: string; name: string; type: string }>(
      `select c.conrelid::regclass::text as table, c.conname as name, c.contype::text as type
         from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public'`,
    );
    for (const [table, name] of CONSTRAINTS)
      expect(
        rows.some((r) => r.table === table && r.name === name),
        `${table}.${name}`,
      ).toBe(true);
    const fks = rows.filter((r) => r.type === 'f').length;
    expect(fks).toBeGreaterThanOrEqual(20);
  });

  it('stamps updated_at when a video changes', async () => {
    const [v] = await t.db.query<{ id: string }>(
      "insert into public.videos (platform, platform_id, url, title, updated_at) values ('other', 'ts1', 'https://x/ts1', 't', '2000-01-01') returning id",
    );
    const [after] = await t.db.query<{ year: number }>(
      "update public.videos set title = 'changed' where id = $1 returning extract(year from updated_at)::int as year",
      [v!.id],
    );
    expect(after!.year).toBeGreaterThan(2000);
    await t.db.query('delete from public.videos where id = $1', [v!.id]);
  });

  it('has the updated_at and vote-count triggers', async () => {
    const rows = await t.db.query<{ table: string; name: string }>(
      'select tgrelid::regclass::text as table, tgname as name from pg_trigger where not tgisinternal',
    );
    for (const [table, name] of TRIGGERS) expect(rows, name).toContainEqual({ table, name });
  });

  it("enables RLS on every table in public and keeps the plan's policies", async () => {
    const tables = await t.db.query<{ relname: string; relrowsecurity: boolean }>(
      "select c.relname, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'",
    );
    expect(tables.length).toBeGreaterThanOrEqual(13);
    for (const table of tables) expect(table.relrowsecurity, table.relname).toBe(true);
    const policies = await t.db.query<{ tablename: string; policyname: string }>(
      "select tablename, policyname from pg_policies where schemaname = 'public'",
    );
    for (const [table, name] of SEED_POLICIES) expect(policies).toContainEqual({ tablename: table, policyname: name });
  });

  it('puts pgvector in the extensions schema and types the column vector(1536)', async () => {
    const [ext] = await t.db.query<{ schema: string }>(
      "select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'vector'",
    );
    expect(ext?.schema).toBe('extensions');
    const [col] = await t.db.query<{ type: string }>(
      "select format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = 'public.video_embeddings'::regclass and attname = 'embedding'",
    );
    expect(col?.type).toBe('extensions.vector(1536)');
  });

  it("seeds the plan's categories", async () => {
    const rows = await t.db.query<{ slug: string }>('select slug from public.categories order by display_order');
    expect(rows.map((r) => r.slug)).toEqual(['all', 'technology', 'science', 'philosophy', 'arts-humanities', 'history', 'mathematics', 'economics']);
  });

  it('comments every table and function in public', async () => {
    const missing = await t.db.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'm') and obj_description(c.oid, 'pg_class') is null
       union all
       select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and obj_description(p.oid, 'pg_proc') is null`,
    );
    expect(missing).toEqual([]);
  });

  it('sets search_path on every function in public', async () => {
    const rows = await t.db.query<{ proname: string }>(
      `select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`,
    );
    expect(rows).toEqual([]);
  });

  it('lets no function in public be executed by anon or authenticated', async () => {
    const rows = await t.db.query<{ proname: string; role: string }>(
      `select p.proname, r.role from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        cross join (values ('anon'), ('authenticated')) r(role)
        where n.nspname = 'public' and has_function_privilege(r.role, p.oid, 'execute')`,
    );
    expect(rows).toEqual([]);
  });

  it('lets service_role execute every admin function', async () => {
    const rows = await t.db.query<{ proname: string; ok: boolean }>(
      `select p.proname, has_function_privilege('service_role', p.oid, 'execute') as ok
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' and p.proname like 'admin\\_%'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.ok, r.proname).toBe(true);
  });

  it('refreshes trending_videos concurrently', async () => {
    await expect(t.db.execute('refresh materialized view concurrently public.trending_videos')).resolves.toBeUndefined();
  });
});
