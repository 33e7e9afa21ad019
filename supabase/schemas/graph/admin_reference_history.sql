-- Admin API: the link changes touching a video (who, what, before and after).
create or replace function public.admin_reference_history(p_operator uuid, p_video_id uuid, p_limit integer default 50)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.require_staff(p_operator, 'curator');
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', a.id, 'at', a.occurred_at, 'operator', u.username, 'action', a.action,
           'before', a.before, 'after', a.after) order by a.id desc), '[]'::jsonb)
    from (select * from public.reference_audit_log a
           where (a.after->>'source_video_id')::uuid = p_video_id or (a.after->>'target_video_id')::uuid = p_video_id
              or (a.before->>'source_video_id')::uuid = p_video_id or (a.before->>'target_video_id')::uuid = p_video_id
           order by a.id desc limit least(greatest(coalesce(p_limit, 50), 1), 500)) a
    join public.users u on u.id = a.operator_id
$$;
comment on function public.admin_reference_history(uuid, uuid, integer) is 'Admin: the link changes touching a video (who, what, before and after).';
revoke execute on function public.admin_reference_history(uuid, uuid, integer) from public, anon, authenticated;
grant execute on function public.admin_reference_history(uuid, uuid, integer) to service_role;
