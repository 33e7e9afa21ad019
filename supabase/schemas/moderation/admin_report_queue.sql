-- Admin API: open reports grouped per target (video, comment, context note), most reported first, with their reasons.
create or replace function public.admin_report_queue(p_operator uuid, p_limit integer default 50, p_cursor jsonb default null)
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
  with grouped as (
    select r.target_type, coalesce(r.video_id, r.comment_id, r.context_id) as target_id,
           count(*)::integer as report_count,
           pg_catalog.array_agg(distinct r.reason) as reasons,
           min(r.created_at) as first_reported_at, max(r.created_at) as last_reported_at,
           pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('reason', r.reason, 'details', r.details, 'reporter', ru.username, 'at', r.created_at) order by r.created_at) as reports
      from public.reports r join public.users ru on ru.id = r.reporter_id
     where r.status = 'open'
     group by 1, 2
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
comment on function public.admin_report_queue(uuid, integer, jsonb) is 'Admin: open reports grouped per target (video, comment, context note), most reported first, with their reasons.';
revoke execute on function public.admin_report_queue(uuid, integer, jsonb) from public, anon, authenticated;
grant execute on function public.admin_report_queue(uuid, integer, jsonb) to service_role;
