-- Admin API: Ctrl-K's search across the console: videos (by uuid, URL, platform id or title), users, tags and categories, best match first in each group.
create or replace function public.admin_console_search(p_operator uuid, p_query text, p_limit integer default 8)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_q text := pg_catalog.btrim(coalesce(p_query, ''));
  v_like text;
  v_prefix text;
  v_id uuid;
  v_pid text;
  v_words boolean;
  v_users boolean;
  v_domains text[];
  v_result jsonb;
begin
  -- Any staff role searches: curators find the videos they link, tags and categories; users are
  -- listed for those whose roles cover moderation (moderators and admins).
  perform private.moderation_require_operator(p_operator);
  v_domains := private.activity_domains(p_operator);
  if pg_catalog.cardinality(v_domains) = 0 then
    raise exception '% is not staff: the search needs the moderator, curator or admin role.', (select u.username from public.users u where u.id = p_operator)
      using errcode = '42501', hint = 'Act as a staff member (Settings, Operator), or ask an admin to grant a role.';
  end if;
  v_users := 'moderation' = any (v_domains);
  if p_limit is null or p_limit < 1 or p_limit > 50 then
    raise exception 'The number of results per kind must be between 1 and 50 (got %).', p_limit using errcode = '22023';
  end if;
  if pg_catalog.char_length(v_q) > 200 then
    raise exception 'A search is at most 200 characters (got %).', pg_catalog.char_length(v_q) using errcode = '22023', hint = 'Shorten the search text.';
  end if;
  if v_q = '' then
    return pg_catalog.jsonb_build_object('videos', '[]'::jsonb, 'users', '[]'::jsonb, 'tags', '[]'::jsonb, 'categories', '[]'::jsonb);
  end if;

  -- The text as a literal inside LIKE patterns (its own % and _ match themselves).
  v_prefix := pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(v_q, '\', '\\'), '%', '\%'), '_', '\_');
  v_like := '%' || v_prefix || '%';
  v_prefix := v_prefix || '%';
  -- Substring matches (trigram GIN indexes) need three characters; shorter text matches exactly or by prefix.
  v_words := pg_catalog.char_length(v_q) >= 3;
  v_id := private.parse_uuid(v_q);
  -- A pasted link names its video by platform id (watch?v=, youtu.be/, embed/, shorts/, vimeo.com/…).
  v_pid := coalesce(
    pg_catalog.substring(v_q, '(?:youtube(?:-nocookie)?\.com/(?:watch\?(?:[^#]*&)?v=|embed/|shorts/)|youtu\.be/)([A-Za-z0-9_-]{11})'),
    pg_catalog.substring(v_q, 'vimeo\.com/(?:video/)?([0-9]+)'),
    v_q);

  with exact as (
    -- Each exact key through its own index: primary key, unique url, platform id.
    select v.id, 0 as rank, 'id' as matched from public.videos v where v.id = v_id
    union all
    select v.id, 1, 'url' from public.videos v where v.url = v_q
    union all
    select v.id, 2, 'platform_id' from public.videos v where v.platform_id = v_pid
  ), titled as (
    select v.id, 3 as rank, 'title' as matched, extensions.similarity(v.title, v_q) as score
      from public.videos v
     where v_words and v.title ilike v_like
     order by extensions.similarity(v.title, v_q) desc, v.id
     limit p_limit
  ), hits as (
    select distinct on (h.id) h.id, h.rank, h.matched, h.score
      from (select e.id, e.rank, e.matched, 1::real as score from exact e union all select t.id, t.rank, t.matched, t.score from titled t) h
     order by h.id, h.rank
  ), best as (
    select h.* from hits h order by h.rank, h.score desc, h.id limit p_limit
  )
  select pg_catalog.jsonb_build_object(
    'videos', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'id', v.id, 'title', v.title, 'platform', v.platform, 'platform_id', v.platform_id, 'status', v.moderation_status, 'matched', b.matched)
               order by b.rank, b.score desc, v.id)
        from best b join public.videos v on v.id = b.id), '[]'::jsonb),
    'users', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', u.id, 'username', u.username, 'display_name', u.display_name, 'is_active', u.is_active)
               order by u.ord, u.username)
        from (select u.*, case when u.id = v_id then 0 when pg_catalog.lower(u.username) = pg_catalog.lower(v_q) then 1
                               when u.username ilike v_prefix then 2 else 3 end as ord
                from public.users u
               where v_users
                 and (u.id = v_id or u.username ilike v_prefix
                      or (v_words and (u.username ilike v_like or u.display_name ilike v_like)))
               order by ord, u.username
               limit p_limit) u), '[]'::jsonb),
    'tags', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', t.id, 'name', t.name, 'video_count', t.video_count) order by t.ord, t.video_count desc, t.name)
        from (select t.id, t.name, t.video_count,
                     case when pg_catalog.lower(t.name) = pg_catalog.lower(v_q) then 0 when t.name ilike v_prefix then 1 else 2 end as ord
                from public.tags t
               where t.name ilike v_prefix or (v_words and t.name ilike v_like)
               order by ord, t.video_count desc, t.name
               limit p_limit) t), '[]'::jsonb),
    'categories', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', c.id, 'name', c.name, 'parent', c.parent) order by c.ord, c.name)
        from (select c.id, c.name, p.name as parent,
                     case when pg_catalog.lower(c.name) = pg_catalog.lower(v_q) then 0 when c.name ilike v_prefix then 1 else 2 end as ord
                from public.categories c left join public.categories p on p.id = c.parent_id
               where c.slug <> 'all' and (c.name ilike v_prefix or (v_words and c.name ilike v_like))
               order by ord, c.name
               limit p_limit) c), '[]'::jsonb))
    into v_result;
  return v_result;
end;
$$;
comment on function public.admin_console_search(uuid, text, integer) is 'Admin (any staff role; users only for moderators and admins): the console''s search (Ctrl-K). Videos by uuid, URL (or a YouTube/Vimeo link''s id), platform id, or title (3+ characters, trigram index); users by username or display name; tags and categories by name. At most p_limit (1-50) per kind, exact matches first.';
revoke execute on function public.admin_console_search(uuid, text, integer) from public, anon, authenticated;
grant execute on function public.admin_console_search(uuid, text, integer) to service_role;
