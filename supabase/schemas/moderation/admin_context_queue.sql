-- Admin API: context notes waiting for approval, oldest first; filtered by kind (context type) and age.
create or replace function public.admin_context_queue(
  p_operator uuid,
  p_limit integer default 50,
  p_cursor jsonb default null,
  p_kind text default null,
  p_min_age_days integer default null
)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_rows jsonb;
begin
  perform private.require_staff(p_operator, 'moderator');
  perform private.check_page_size(p_limit, 500);
  if p_kind is not null and p_kind not in ('summary', 'timeline', 'quote', 'reference', 'note', 'keypoint') then
    raise exception 'Unknown kind of context note "%".', p_kind using errcode = '22023',
      hint = 'Use summary, timeline, quote, reference, note or keypoint.';
  end if;
  if p_min_age_days is not null and (p_min_age_days < 0 or p_min_age_days > 36500) then
    raise exception 'The minimum age must be between 0 and 36500 days (got %).', p_min_age_days using errcode = '22023';
  end if;
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.created_at, x.id), '[]'::jsonb)
    into v_rows
    from (
      select vc.id, vc.video_id, v.title as video_title, vc.context_type, vc.title, vc.content, vc.timestamp_seconds,
             vc.end_timestamp_seconds, vc.source_url, vc.is_ai_generated, vc.is_approved, vc.author_id, u.username as author,
             vc.created_at, vc.updated_at
        from public.video_contexts vc
        join public.videos v on v.id = vc.video_id
        left join public.users u on u.id = vc.author_id
       where not coalesce(vc.is_approved, false)
         and (p_kind is null or vc.context_type = p_kind)
         and (p_min_age_days is null or vc.created_at <= pg_catalog.now() - pg_catalog.make_interval(days => p_min_age_days))
         and (p_cursor is null or (vc.created_at, vc.id) > ((p_cursor->>'created_at')::timestamptz, (p_cursor->>'id')::uuid))
       order by vc.created_at, vc.id
       limit p_limit + 1
    ) x;
  return private.keyset_page(v_rows, p_limit, array['created_at', 'id']);
end;
$$;
comment on function public.admin_context_queue(uuid, integer, jsonb, text, integer) is 'Admin: context notes waiting for approval, oldest first. Filters: p_kind (summary, timeline, quote, reference, note, keypoint), p_min_age_days (added at least that long ago).';
revoke execute on function public.admin_context_queue(uuid, integer, jsonb, text, integer) from public, anon, authenticated;
grant execute on function public.admin_context_queue(uuid, integer, jsonb, text, integer) to service_role;
