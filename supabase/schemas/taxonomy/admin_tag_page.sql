-- Admin API: a page of tags with their usage, searched by name or slug, sorted by name (natural order), usage or newest; keyset pagination.
create or replace function public.admin_tag_page(
  p_operator uuid,
  p_search text default null, p_sort text default 'name', p_limit integer default 100, p_cursor jsonb default null
)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_rows jsonb;
  v_page jsonb;
  v_last jsonb;
  v_total bigint;
  v_exact boolean := true;
  v_sort text := coalesce(p_sort, 'name');
  v_q text := nullif(pg_catalog.btrim(p_search), '');
  -- Counting every match would cost more than the page itself: up to this many, the total is exact.
  c_counted constant integer := 1000;
begin
  perform private.require_staff(p_operator, 'curator');
  perform private.check_page_size(p_limit, 1000);
  if v_sort not in ('name', 'usage', 'newest') then
    raise exception 'Unknown sort "%": use name, usage or newest.', p_sort using errcode = '22023';
  end if;
  if v_q is not null then
    -- A search: the matches are found once (a trigram scan) and both the page and its total are
    -- taken from them, instead of a second scan for the count (the page cost 2.1-3.6x the bare
    -- search with it).
    if v_sort = 'name' then
      with m as materialized (
        select t.id, t.name, t.slug, t.description, t.video_count, t.created_at, t.updated_at
          from public.tags t where t.name ilike ('%' || v_q || '%') or t.slug like ('%' || v_q || '%'))
      select (select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x)), '[]'::jsonb)
                from (select m.* from m
                       where p_cursor is null or (private.natural_sort_key(m.name), m.id) > (p_cursor->>'key', (p_cursor->>'id')::integer)
                       order by private.natural_sort_key(m.name), m.id limit p_limit + 1) x),
             (select count(*) from (select 1 from m limit c_counted + 1) c)
        into v_rows, v_total;
    elsif v_sort = 'usage' then
      with m as materialized (
        select t.id, t.name, t.slug, t.description, t.video_count, t.created_at, t.updated_at
          from public.tags t where t.name ilike ('%' || v_q || '%') or t.slug like ('%' || v_q || '%'))
      select (select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.video_count desc, x.id), '[]'::jsonb)
                from (select m.* from m
                       where p_cursor is null or m.video_count < (p_cursor->>'key')::integer
                          or (m.video_count = (p_cursor->>'key')::integer and m.id > (p_cursor->>'id')::integer)
                       order by m.video_count desc, m.id limit p_limit + 1) x),
             (select count(*) from (select 1 from m limit c_counted + 1) c)
        into v_rows, v_total;
    else
      with m as materialized (
        select t.id, t.name, t.slug, t.description, t.video_count, t.created_at, t.updated_at
          from public.tags t where t.name ilike ('%' || v_q || '%') or t.slug like ('%' || v_q || '%'))
      select (select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.created_at desc, x.id), '[]'::jsonb)
                from (select m.* from m
                       where p_cursor is null or m.created_at < (p_cursor->>'key')::timestamptz
                          or (m.created_at = (p_cursor->>'key')::timestamptz and m.id > (p_cursor->>'id')::integer)
                       order by m.created_at desc, m.id limit p_limit + 1) x),
             (select count(*) from (select 1 from m limit c_counted + 1) c)
        into v_rows, v_total;
    end if;
    if v_total > c_counted then
      v_total := c_counted;
      v_exact := false;
    end if;
  -- No search: one plain query per sort, so each reads its index in order and stops after the page
  -- (name: idx_tags_natural_name; usage: idx_tags_video_count).
  elsif v_sort = 'name' then
    -- Aggregated in the subquery's order: the sort key is not computed again for every row.
    select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x)), '[]'::jsonb) into v_rows
      from (select t.id, t.name, t.slug, t.description, t.video_count, t.created_at, t.updated_at
              from public.tags t
             where p_cursor is null or (private.natural_sort_key(t.name), t.id) > (p_cursor->>'key', (p_cursor->>'id')::integer)
             order by private.natural_sort_key(t.name), t.id
             limit p_limit + 1) x;
  elsif v_sort = 'usage' then
    select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.video_count desc, x.id), '[]'::jsonb) into v_rows
      from (select t.id, t.name, t.slug, t.description, t.video_count, t.created_at, t.updated_at
              from public.tags t
             where p_cursor is null or t.video_count < (p_cursor->>'key')::integer
                or (t.video_count = (p_cursor->>'key')::integer and t.id > (p_cursor->>'id')::integer)
             order by t.video_count desc, t.id
             limit p_limit + 1) x;
  else
    select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.created_at desc, x.id), '[]'::jsonb) into v_rows
      from (select t.id, t.name, t.slug, t.description, t.video_count, t.created_at, t.updated_at
              from public.tags t
             where p_cursor is null or t.created_at < (p_cursor->>'key')::timestamptz
                or (t.created_at = (p_cursor->>'key')::timestamptz and t.id > (p_cursor->>'id')::integer)
             order by t.created_at desc, t.id
             limit p_limit + 1) x;
  end if;
  -- Without a search, the total: the planner's row estimate of the table when it is large (kept
  -- current by autovacuum's analyze), else every tag counted.
  if v_q is null then
    select greatest(c.reltuples, 0)::bigint into v_total from pg_catalog.pg_class c where c.oid = 'public.tags'::pg_catalog.regclass;
    if v_total is null or v_total <= c_counted then
      select count(*) into v_total from (select 1 from public.tags t limit c_counted + 1) m;
      if v_total > c_counted then
        v_total := c_counted;
        v_exact := false;
      end if;
    else
      v_exact := false;
    end if;
  end if;
  v_page := private.keyset_page(v_rows, p_limit, array['id']);
  -- The cursor's key is the sort key of the page's last row.
  if pg_catalog.jsonb_typeof(v_page->'next_cursor') = 'object' then
    v_last := v_page->'rows'->-1;
    v_page := pg_catalog.jsonb_set(v_page, '{next_cursor,key}', coalesce(
      case v_sort when 'usage' then v_last->'video_count' when 'newest' then v_last->'created_at'
                  else pg_catalog.to_jsonb(private.natural_sort_key(v_last->>'name')) end,
      'null'::jsonb));
  end if;
  return v_page || pg_catalog.jsonb_build_object('total', v_total, 'total_exact', v_exact);
end;
$$;
comment on function public.admin_tag_page(uuid, text, text, integer, jsonb) is 'Admin: a page of tags with their usage, searched by name or slug, sorted by name (natural order: 1, 2, 10), usage or newest; keyset pagination. total is exact when total_exact, else the table''s estimated size (nothing searched) or "more than" 1,000 matches.';
revoke execute on function public.admin_tag_page(uuid, text, text, integer, jsonb) from public, anon, authenticated;
grant execute on function public.admin_tag_page(uuid, text, text, integer, jsonb) to service_role;
