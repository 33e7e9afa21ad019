-- Admin API: open reports grouped per target (video, comment, context note), most reported first, with their reasons; filtered by kind, reason and age.
create or replace function public.admin_report_queue(
  p_operator uuid,
  p_limit integer default 50,
  p_cursor jsonb default null,
  p_kind text default null,
  p_reason text default null,
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
  if p_kind is not null and p_kind not in ('video', 'comment', 'context') then
    raise exception 'Unknown kind "%": use video, comment or context.', p_kind using errcode = '22023';
  end if;
  if p_reason is not null and p_reason not in ('spam', 'abuse', 'misinformation', 'copyright', 'off_topic', 'duplicate', 'other') then
    raise exception 'Unknown report reason "%".', p_reason using errcode = '22023',
      hint = 'Use spam, abuse, misinformation, copyright, off_topic, duplicate or other.';
  end if;
  if p_min_age_days is not null and (p_min_age_days < 0 or p_min_age_days > 36500) then
    raise exception 'The minimum age must be between 0 and 36500 days (got %).', p_min_age_days using errcode = '22023';
  end if;
  with grouped as (
    select r.target_type, coalesce(r.video_id, r.comment_id, r.context_id) as target_id,
           count(*)::integer as report_count,
           pg_catalog.array_agg(distinct r.reason) as reasons,
           min(r.created_at) as first_reported_at, max(r.created_at) as last_reported_at,
           pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('reason', r.reason, 'details', r.details, 'reporter', ru.username, 'at', r.created_at) order by r.created_at) as reports
      from public.reports r join public.users ru on ru.id = r.reporter_id
     where r.status = 'open' and (p_kind is null or r.target_type = p_kind)
     group by 1, 2
    -- A reason keeps every item with at least one open report of it (all its reports still show);
    -- an age keeps items whose first open report is at least that old.
    having (p_reason is null or bool_or(r.reason = p_reason))
       and (p_min_age_days is null or min(r.created_at) <= pg_catalog.now() - pg_catalog.make_interval(days => p_min_age_days))
  ), page as (
    select g.* from grouped g
     where p_cursor is null
        or (g.report_count < (p_cursor->>'report_count')::integer)
        or (g.report_count = (p_cursor->>'report_count')::integer
            and (g.first_reported_at, g.target_id) > ((p_cursor->>'first_reported_at')::timestamptz, (p_cursor->>'target_id')::uuid))
     order by g.report_count desc, g.first_reported_at, g.target_id
     limit p_limit + 1
  )
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.report_count desc, x.first_reported_at, x.target_id), '[]'::jsonb)
    into v_rows
    from (
      select p.*,
             case p.target_type
               when 'video' then (select pg_catalog.jsonb_build_object('title', v.title, 'status', v.moderation_status, 'url', v.url) from public.videos v where v.id = p.target_id)
               when 'comment' then (select pg_catalog.jsonb_build_object('content', c.content, 'is_deleted', c.is_deleted, 'author', u.username, 'video_title', v.title, 'video_id', v.id)
                                      from public.comments c join public.users u on u.id = c.user_id join public.videos v on v.id = c.video_id where c.id = p.target_id)
               else (select pg_catalog.jsonb_build_object('content', vc.content, 'context_type', vc.context_type, 'is_approved', vc.is_approved, 'video_title', v.title, 'video_id', v.id)
                       from public.video_contexts vc join public.videos v on v.id = vc.video_id where vc.id = p.target_id)
             end as target
        from page p
    ) x;
  return private.keyset_page(v_rows, p_limit, array['report_count', 'first_reported_at', 'target_id']);
end;
$$;
comment on function public.admin_report_queue(uuid, integer, jsonb, text, text, integer) is 'Admin: open reports grouped per target (video, comment, context note), most reported first, with their reasons. Filters: p_kind (video, comment, context), p_reason (items with at least one open report of it), p_min_age_days (first open report at least that old).';
revoke execute on function public.admin_report_queue(uuid, integer, jsonb, text, text, integer) from public, anon, authenticated;
grant execute on function public.admin_report_queue(uuid, integer, jsonb, text, text, integer) to service_role;
