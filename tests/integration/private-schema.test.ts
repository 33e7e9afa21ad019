// Schema `private` holds the internal helpers and trigger functions: anon and authenticated can
// neither see nor call them, service_role (as which the security-invoker admin functions run)
// calls the helpers, and nobody may call a trigger function — yet the triggers fire for every
// writer, because PostgreSQL checks neither EXECUTE nor schema USAGE when a trigger fires.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole, openTestDatabase, type TestDatabase } from '../support/test-database';

type Fn = { name: string; signature: string; is_trigger: boolean };

describe.each(['bare', 'supabase-like'] as const)('schema private on %s Postgres', (kind) => {
  let t: TestDatabase;
  let functions: Fn[];
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    functions = await t.db.query<Fn>(
      `select p.proname as name, p.oid::regprocedure::text as signature, p.prorettype = 'trigger'::regtype as is_trigger
         from pg_proc p where p.pronamespace = 'private'::regnamespace order by 1`,
    );
  });
  afterAll(() => t.dispose());

  it('holds the helpers and trigger functions, none of them left in public', async () => {
    expect(functions.filter((f) => f.is_trigger).map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'update_updated_at_column',
        'update_comment_vote_count',
        'videos_before_write',
        'maintain_video_status_counts',
        'maintain_video_open_report_count',
        'audit_log_is_append_only',
        'categories_refuse_cycles',
        'categories_protect_all',
        'maintain_tag_video_count',
        'video_references_refuse_cycles',
      ]),
    );
    expect(functions.filter((f) => !f.is_trigger).map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'video_transition_allowed',
        'moderation_require_operator',
        'taxonomy_slugify',
        'reference_cycle_path',
        'video_embedding_text',
      ]),
    );
    const publicOnes = await t.db.query<{ proname: string }>(
      "select proname from pg_proc where pronamespace = 'public'::regnamespace and proname not like 'admin\\_%'",
    );
    expect(publicOnes).toEqual([]);
  });

  it('is closed to anon and authenticated: no USAGE, no EXECUTE', async () => {
    const [usage] = await t.db.query<{ anon: boolean; authenticated: boolean; service_role: boolean }>(
      `select has_schema_privilege('anon', 'private', 'usage') as anon, has_schema_privilege('authenticated', 'private', 'usage') as authenticated,
              has_schema_privilege('service_role', 'private', 'usage') as service_role`,
    );
    expect(usage).toEqual({ anon: false, authenticated: false, service_role: true });
    const callable = await t.db.query<{ signature: string; role: string }>(
      `select p.oid::regprocedure::text as signature, r.role from pg_proc p cross join (values ('anon'), ('authenticated'), ('public')) r(role)
        where p.pronamespace = 'private'::regnamespace
          and (case when r.role = 'public' then exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a where a.grantee = 0)
                    else has_function_privilege(r.role, p.oid, 'execute') end)`,
    );
    expect(callable).toEqual([]);
    for (const role of ['anon', 'authenticated'] as const) {
      await expect(asRole(t.db, role, null, (tx) => tx.query("select private.taxonomy_slugify('Hello')"))).rejects.toMatchObject({ code: '42501' });
      await expect(asRole(t.db, role, null, (tx) => tx.query('select private.update_updated_at_column()'))).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('lets service_role call every helper and nobody call a trigger function', async () => {
    const rows = await t.db.query<{ signature: string; is_trigger: boolean; service_role: boolean }>(
      `select p.oid::regprocedure::text as signature, p.prorettype = 'trigger'::regtype as is_trigger,
              has_function_privilege('service_role', p.oid, 'execute') as service_role
         from pg_proc p where p.pronamespace = 'private'::regnamespace`,
    );
    for (const r of rows) expect(r.service_role, r.signature).toBe(!r.is_trigger);
    await expect(
      asRole(t.db, 'service_role', null, (tx) => tx.query<{ slug: string }>("select private.taxonomy_slugify('Arts & Humanities') as slug")),
    ).resolves.toEqual([{ slug: 'arts-humanities' }]);
  });

  it('sets search_path and a comment on every function in it', async () => {
    const rows = await t.db.query<{ proname: string }>(
      `select p.proname from pg_proc p where p.pronamespace = 'private'::regnamespace
          and (obj_description(p.oid, 'pg_proc') is null or not ('search_path=""' = any (coalesce(p.proconfig, '{}'))))`,
    );
    expect(rows).toEqual([]);
  });

  it('fires its trigger functions for an authenticated writer, who may not call them', async () => {
    const [me] = await t.db.query<{ id: string }>(
      "insert into public.users (email, username) values ('writer@example.org', 'private_writer') returning id",
    );
    const [approved] = await t.db.query<{ id: string }>(
      "insert into public.videos (platform, platform_id, url, title, moderation_status) values ('other', 'pw1', 'https://x/pw1', 'Approved', 'approved') returning id",
    );
    const [comment] = await t.db.query<{ id: string }>(
      "insert into public.comments (video_id, user_id, content) values ($1, $2, 'A comment') returning id",
      [approved!.id, me!.id],
    );
    const pendingBefore = Number(
      (await t.db.query<{ n: string }>("select n from public.video_status_counts where moderation_status = 'pending'"))[0]!.n,
    );
    const stamp = async () => (await t.db.query<{ at: string }>('select updated_at::text as at from public.users where id = $1', [me!.id]))[0]!.at;
    const profileBefore = await stamp();

    await asRole(t.db, 'authenticated', me!.id, async (tx) => {
      // private.update_updated_at_column (security invoker), stamping the profile.
      await tx.query("update public.users set bio = 'Curious' where id = $1", [me!.id]);
      // private.videos_before_write (invoker) and private.maintain_video_status_counts (definer).
      const [video] = await tx.query<{ id: string; is_approved: boolean }>(
        "insert into public.videos (platform, platform_id, url, title, submitted_by) values ('other', 'pw2', 'https://x/pw2', 'Mine', $1) returning id, is_approved",
        [me!.id],
      );
      expect(video!.is_approved).toBe(false);
      // private.update_comment_vote_count (definer) and private.maintain_video_open_report_count (definer).
      await tx.query("insert into public.comment_votes (user_id, comment_id, vote_type) values ($1, $2, 'upvote')", [me!.id, comment!.id]);
      await tx.query("insert into public.reports (reporter_id, target_type, video_id, reason) values ($1, 'video', $2, 'spam')", [
        me!.id,
        approved!.id,
      ]);
    });

    expect(
      (
        await t.db.query<{ later: boolean }>('select updated_at > $2::timestamptz as later from public.users where id = $1', [me!.id, profileBefore])
      )[0]!.later,
    ).toBe(true);
    expect((await t.db.query<{ upvotes: number }>('select upvotes from public.comments where id = $1', [comment!.id]))[0]!.upvotes).toBe(1);
    expect((await t.db.query<{ n: number }>('select open_report_count as n from public.videos where id = $1', [approved!.id]))[0]!.n).toBe(1);
    expect(Number((await t.db.query<{ n: string }>("select n from public.video_status_counts where moderation_status = 'pending'"))[0]!.n)).toBe(
      pendingBefore + 1,
    );
    await expect(asRole(t.db, 'authenticated', me!.id, (tx) => tx.query('select private.update_comment_vote_count()'))).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('parses a uuid exactly as Postgres does, or gives null', async () => {
    const inputs = [
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11',
      '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}',
      'a0eebc999c0b4ef8bb6d6bb9bd380a11',
      'a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11',
      '{a0eebc999c0b4ef8bb6d6bb9bd380a11}',
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1',
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111',
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1g',
      '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}',
      'a0eebc9-99c0b-4ef8-bb6d-6bb9bd380a11',
      ' a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      'a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11',
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11-',
      'not-a-uuid',
      '',
    ];
    for (const input of inputs) {
      const cast = await t.db.query<{ id: string }>('select $1::uuid::text as id', [input]).then(
        (r) => r[0]!.id,
        () => null,
      );
      const [parsed] = await t.db.query<{ id: string | null }>('select private.parse_uuid($1)::text as id', [input]);
      expect(parsed!.id, input).toBe(cast);
    }
  });
});
