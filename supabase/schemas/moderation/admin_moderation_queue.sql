-- Admin API: a keyset page of the pending or flagged queue, sorted and filtered.
create or replace function public.admin_moderation_queue(
  p_operator uuid,
  p_queue text,
  p_sort text default 'oldest',
  p_limit integer default 50,
  p_cursor jsonb default null,
  p_filters jsonb default '{}'::jsonb
)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  f jsonb := coalesce(p_filters, '{}'::jsonb);
  v_where text := 'v.moderation_status = $1';
  v_keyset text := '';
  v_order text;
  v_rows jsonb;
begin
  perform private.require_staff(p_operator, 'moderator');
  if p_queue is null or p_queue not in ('pending', 'flagged') then
    raise exception 'Unknown queue "%": use pending or flagged.', p_queue using errcode = '22023';
  end if;
  perform private.check_page_size(p_limit, 500);

  if f ? 'category_id' then v_where := v_where || ' and v.category_id = ($2->>''category_id'')::integer'; end if;
  if f ? 'platform' then v_where := v_where || ' and v.platform = $2->>''platform'''; end if;
  if f ? 'submitter' then v_where := v_where || ' and v.submitted_by = ($2->>''submitter'')::uuid'; end if;
  if f ? 'min_age_days' then v_where := v_where || ' and v.created_at <= pg_catalog.now() - pg_catalog.make_interval(days => ($2->>''min_age_days'')::integer)'; end if;
  if f ? 'max_age_days' then v_where := v_where || ' and v.created_at >= pg_catalog.now() - pg_catalog.make_interval(days => ($2->>''max_age_days'')::integer)'; end if;
  if coalesce(f->>'q', '') <> '' then
    -- The plan's full-text expression, so idx_videos_search serves it.
    v_where := v_where || ' and to_tsvector(''english''::regconfig, v.title || '' '' || coalesce(v.description, '''')) @@ plainto_tsquery(''english''::regconfig, $2->>''q'')';
  end if;
  if coalesce((f->>'has_duplicates')::boolean, false) then
    v_where := v_where || ' and (exists (select 1 from public.videos d where d.platform_id = v.platform_id and d.id <> v.id)'
                        || ' or exists (select 1 from public.videos d where lower(d.title) = lower(v.title) and d.id <> v.id))';
  end if;

  case coalesce(p_sort, 'oldest')
    when 'oldest' then
      v_order := 'v.created_at asc, v.id asc';
      if p_cursor is not null then v_keyset := ' and (v.created_at, v.id) > (($3->>''created_at'')::timestamptz, ($3->>''id'')::uuid)'; end if;
    when 'newest' then
      v_order := 'v.created_at desc, v.id desc';
      if p_cursor is not null then v_keyset := ' and (v.created_at, v.id) < (($3->>''created_at'')::timestamptz, ($3->>''id'')::uuid)'; end if;
    when 'most_reported' then
      v_order := 'v.open_report_count desc, v.created_at asc, v.id asc';
      if p_cursor is not null then
        v_keyset := ' and (v.open_report_count < ($3->>''open_report_count'')::integer'
                 || ' or (v.open_report_count = ($3->>''open_report_count'')::integer'
                 || ' and (v.created_at, v.id) > (($3->>''created_at'')::timestamptz, ($3->>''id'')::uuid)))';
      end if;
    else
      raise exception 'Unknown sort "%": use oldest, newest or most_reported.', p_sort using errcode = '22023';
  end case;

  execute pg_catalog.format($q$
    select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r) order by %4$s), '[]'::jsonb)
      from (
        select v.id, v.title, v.platform, v.platform_id, v.url, v.thumbnail_url, v.channel_name, v.duration_seconds,
               v.category_id, c.name as category_name, v.submitted_by, u.username as submitter_username,
               v.created_at, v.updated_at, v.moderation_status, v.is_featured, v.open_report_count,
               (select pg_catalog.jsonb_build_object('operator_id', cl.operator_id, 'operator', cu.username, 'expires_at', cl.expires_at)
                  from public.moderation_claims cl join public.users cu on cu.id = cl.operator_id
                 where cl.target_type = 'video' and cl.target_id = v.id and cl.expires_at > pg_catalog.now()) as claim,
               (exists (select 1 from public.videos d where d.platform_id = v.platform_id and d.id <> v.id)
                or exists (select 1 from public.videos d where lower(d.title) = lower(v.title) and d.id <> v.id)) as possible_duplicates
          from (select v.* from public.videos v where %1$s %2$s order by %3$s limit $4) v
          left join public.categories c on c.id = v.category_id
          left join public.users u on u.id = v.submitted_by
      ) r $q$, v_where, v_keyset, v_order, pg_catalog.replace(v_order, 'v.', 'r.'))
    into v_rows
    using p_queue, f, p_cursor, p_limit + 1;

  return private.keyset_page(v_rows, p_limit, array['created_at', 'id', 'open_report_count']);
end;
$$;
comment on function public.admin_moderation_queue(uuid, text, text, integer, jsonb, jsonb) is 'Admin: a page of the pending or flagged queue. Sorts: oldest (default), newest, most_reported. Filters: category_id, platform, submitter, min_age_days, max_age_days, q (full text), has_duplicates (same platform id or same title). Rows flag possible_duplicates the same way. Keyset pagination: pass next_cursor back as p_cursor.';
revoke execute on function public.admin_moderation_queue(uuid, text, text, integer, jsonb, jsonb) from public, anon, authenticated;
grant execute on function public.admin_moderation_queue(uuid, text, text, integer, jsonb, jsonb) to service_role;
