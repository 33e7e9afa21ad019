-- Admin API: a page of tags with their usage, searched by name or slug, sorted by name, usage or newest; keyset pagination.
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
  v_total integer;
  v_q text := nullif(pg_catalog.btrim(p_search), '');
begin
  perform private.require_staff(p_operator, 'curator');
  perform private.check_page_size(p_limit, 1000);
  if coalesce(p_sort, 'name') not in ('name', 'usage', 'newest') then
    raise exception 'Unknown sort "%": use name, usage or newest.', p_sort using errcode = '22023';
  end if;
  -- Ordered and limited first, then aggregated in the same order (no window over all tags).
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by
           case when p_sort = 'usage' then -x.video_count end, case when p_sort = 'newest' then x.created_at end desc,
           case when coalesce(p_sort, 'name') = 'name' then lower(x.name) end, x.id), '[]'::jsonb)
    into v_rows
    from (
      select t.id, t.name, t.slug, t.description, t.video_count, t.created_at, t.updated_at
        from public.tags t
       where (v_q is null or t.name ilike ('%' || v_q || '%') or t.slug like ('%' || v_q || '%'))
         and (p_cursor is null
              or (coalesce(p_sort, 'name') = 'name' and (lower(t.name), t.id) > (p_cursor->>'key', (p_cursor->>'id')::integer))
              or (p_sort = 'usage' and (t.video_count < (p_cursor->>'key')::integer
                   or (t.video_count = (p_cursor->>'key')::integer and t.id > (p_cursor->>'id')::integer)))
              or (p_sort = 'newest' and (t.created_at < (p_cursor->>'key')::timestamptz
                   or (t.created_at = (p_cursor->>'key')::timestamptz and t.id > (p_cursor->>'id')::integer))))
       order by case when p_sort = 'usage' then -t.video_count end, case when p_sort = 'newest' then t.created_at end desc,
                case when coalesce(p_sort, 'name') = 'name' then lower(t.name) end, t.id
       limit p_limit + 1
    ) x;
  select count(*)::integer into v_total from public.tags t
   where v_q is null or t.name ilike ('%' || v_q || '%') or t.slug like ('%' || v_q || '%');
  v_page := private.keyset_page(v_rows, p_limit, array['id']);
  -- The cursor's key is the sort key of the page's last row.
  if pg_catalog.jsonb_typeof(v_page->'next_cursor') = 'object' then
    v_last := v_page->'rows'->-1;
    v_page := pg_catalog.jsonb_set(v_page, '{next_cursor,key}', coalesce(
      case coalesce(p_sort, 'name') when 'usage' then v_last->'video_count' when 'newest' then v_last->'created_at' else to_jsonb(lower(v_last->>'name')) end,
      'null'::jsonb));
  end if;
  return v_page || pg_catalog.jsonb_build_object('total', v_total);
end;
$$;
comment on function public.admin_tag_page(uuid, text, text, integer, jsonb) is 'Admin: a page of tags with their usage, searched by name or slug, sorted by name, usage or newest; keyset pagination.';
revoke execute on function public.admin_tag_page(uuid, text, text, integer, jsonb) from public, anon, authenticated;
grant execute on function public.admin_tag_page(uuid, text, text, integer, jsonb) to service_role;
