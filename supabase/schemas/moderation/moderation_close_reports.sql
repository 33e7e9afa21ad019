-- Internal helper: resolves or dismisses every open report on a target and returns their ids.
create or replace function private.moderation_close_reports(p_target_type text, p_target_id uuid, p_status text, p_operator uuid)
returns uuid[]
language sql
set search_path = ''
as $$
  -- One predicate per target column, so each uses its index.
  with closed as (
    update public.reports r
       set status = p_status, resolved_by = p_operator, resolved_at = pg_catalog.now()
     where r.status = 'open'
       and ((p_target_type = 'video' and r.video_id = p_target_id)
         or (p_target_type = 'comment' and r.comment_id = p_target_id)
         or (p_target_type = 'context' and r.context_id = p_target_id))
    returning r.id)
  select coalesce(pg_catalog.array_agg(id), '{}') from closed
$$;
comment on function private.moderation_close_reports(text, uuid, text, uuid) is 'Internal: resolves or dismisses every open report on a target and returns their ids.';
revoke execute on function private.moderation_close_reports(text, uuid, text, uuid) from public, anon, authenticated;
grant execute on function private.moderation_close_reports(text, uuid, text, uuid) to service_role;
