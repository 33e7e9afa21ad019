-- Admin API: one user with what they did and what was done to them: submissions, comments, reports filed and received, moderation history as subject and as operator.
create or replace function public.admin_user_detail(p_operator uuid, p_user_id uuid, p_limit integer default 20)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  u public.users;
  v_admin boolean;
begin
  perform private.require_staff(p_operator, 'moderator');
  perform private.check_page_size(p_limit, 200);
  if p_user_id is null then
    raise exception 'Say which user (p_user_id).' using errcode = '22023';
  end if;
  select * into u from public.users where id = p_user_id;
  if not found then
    raise exception 'No user with id %.', p_user_id using errcode = 'P0002', hint = 'Search the Users page by username or e-mail instead.';
  end if;
  v_admin := exists (select 1 from private.staff_members() s where s.user_id = p_operator and s.role = 'admin');
  return pg_catalog.jsonb_build_object(
    'user', pg_catalog.jsonb_build_object('id', u.id, 'username', u.username, 'display_name', u.display_name, 'email', u.email, 'bio', u.bio,
      'is_active', coalesce(u.is_active, false), 'created_at', u.created_at, 'last_login_at', u.last_login_at,
      'roles', coalesce((select pg_catalog.jsonb_agg(s.role order by s.role) from private.staff_members() s where s.user_id = u.id), '[]'::jsonb)),
    'counts', pg_catalog.jsonb_build_object(
      'submissions', (select count(*) from public.videos v where v.submitted_by = u.id),
      'comments', (select count(*) from public.comments c where c.user_id = u.id),
      'reports_filed', (select count(*) from public.reports r where r.reporter_id = u.id)),
    'submissions', coalesce((select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.created_at desc, x.id) from (
        select v.id, v.title, v.moderation_status as status, v.created_at from public.videos v
         where v.submitted_by = u.id order by v.created_at desc, v.id limit p_limit) x), '[]'::jsonb),
    'comments', coalesce((select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.created_at desc, x.id) from (
        select c.id, c.video_id, v.title as video_title, pg_catalog.left(c.content, 280) as content, coalesce(c.is_deleted, false) as is_deleted, c.created_at
          from public.comments c join public.videos v on v.id = c.video_id
         where c.user_id = u.id order by c.created_at desc, c.id limit p_limit) x), '[]'::jsonb),
    'reports_filed', coalesce((select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.created_at desc, x.id) from (
        select r.id, r.target_type, coalesce(r.video_id, r.comment_id, r.context_id) as target_id, r.reason, r.status, r.created_at
          from public.reports r where r.reporter_id = u.id order by r.created_at desc, r.id limit p_limit) x), '[]'::jsonb),
    -- Reports on anything the user wrote: their videos, comments and context notes (one indexed join each).
    'reports_received', coalesce((select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.created_at desc, x.id) from (
        select r.id, r.target_type, coalesce(r.video_id, r.comment_id, r.context_id) as target_id, r.reason, r.status, r.created_at, rep.username as reporter
          from (select r1.* from public.reports r1 join public.videos v on v.id = r1.video_id where v.submitted_by = u.id
                union all
                select r2.* from public.reports r2 join public.comments c on c.id = r2.comment_id where c.user_id = u.id
                union all
                select r3.* from public.reports r3 join public.video_contexts n on n.id = r3.context_id where n.author_id = u.id) r
          join public.users rep on rep.id = r.reporter_id
         order by r.created_at desc, r.id limit p_limit) x), '[]'::jsonb),
    -- Decisions on the user and on what they wrote (one indexed join each on the log's target index).
    'history_as_subject', coalesce((select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.id desc) from (
        select a.id, a.occurred_at as at, o.username as operator, a.action, a.target_type, a.target_id, a.from_state, a.to_state, a.reason
          from (select a1.* from public.moderation_audit_log a1 where a1.target_type = 'user' and a1.target_id = u.id
                union all
                select a2.* from public.moderation_audit_log a2 join public.videos v on a2.target_type = 'video' and a2.target_id = v.id
                 where v.submitted_by = u.id
                union all
                select a3.* from public.moderation_audit_log a3 join public.comments c on a3.target_type = 'comment' and a3.target_id = c.id
                 where c.user_id = u.id
                union all
                select a4.* from public.moderation_audit_log a4 join public.video_contexts n on a4.target_type = 'context' and a4.target_id = n.id
                 where n.author_id = u.id) a
          join public.users o on o.id = a.operator_id
         order by a.id desc limit p_limit) x), '[]'::jsonb),
    'history_as_operator', coalesce((select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.at desc, x.id desc) from (
        select a.id, a.occurred_at as at, a.action, a.target_type, a.target_id, a.from_state, a.to_state, a.reason
          from public.moderation_audit_log a where a.operator_id = u.id order by a.occurred_at desc, a.id desc limit p_limit) x), '[]'::jsonb),
    -- Staff role changes are for admins' eyes (as admin_staff_history); null for a moderator.
    'staff_history', case when v_admin then coalesce((select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.id desc) from (
        select a.id, a.occurred_at as at, o.username as operator, a.action, a.role, a.reason
          from public.staff_audit_log a join public.users o on o.id = a.operator_id
         where a.user_id = u.id order by a.id desc limit p_limit) x), '[]'::jsonb) end);
end;
$$;
comment on function public.admin_user_detail(uuid, uuid, integer) is 'Admin (moderator): one user ({user, counts, submissions, comments, reports_filed, reports_received, history_as_subject, history_as_operator, staff_history}), the latest p_limit of each list; staff_history is null unless the operator is an admin.';
revoke execute on function public.admin_user_detail(uuid, uuid, integer) from public, anon, authenticated;
grant execute on function public.admin_user_detail(uuid, uuid, integer) to service_role;
