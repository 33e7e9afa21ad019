-- Internal helper: why the operator may not decide on an item (they submitted, wrote or reported it), or null.
create or replace function private.moderation_own_item(p_operator uuid, p_target_type text, p_target_id uuid)
returns text
language sql
stable
set search_path = ''
as $$
  -- Nobody moderates their own submission, comment or note, nor an item they reported: another
  -- moderator decides. The report lookup is served by idx_reports_one_open_per_reporter.
  select case
    when p_target_type = 'video' and exists (select 1 from public.videos v where v.id = p_target_id and v.submitted_by = p_operator)
      then 'You submitted this video: another moderator decides on it.'
    when p_target_type = 'comment' and exists (select 1 from public.comments c where c.id = p_target_id and c.user_id = p_operator)
      then 'You wrote this comment: another moderator decides on it.'
    when p_target_type = 'context' and exists (select 1 from public.video_contexts n where n.id = p_target_id and n.author_id = p_operator)
      then 'You wrote this note: another moderator decides on it.'
    when exists (select 1 from public.reports r
                  where r.reporter_id = p_operator and r.status = 'open' and r.target_type = p_target_type
                    and coalesce(r.video_id, r.comment_id, r.context_id) = p_target_id)
      then pg_catalog.format('You reported this %s: another moderator decides on it.', case p_target_type when 'context' then 'note' else p_target_type end)
  end
$$;
comment on function private.moderation_own_item(uuid, text, uuid) is 'Internal: the reason the operator may not moderate an item (they submitted the video, wrote the comment or note, or have an open report on it), or null when they may.';
revoke execute on function private.moderation_own_item(uuid, text, uuid) from public, anon, authenticated;
grant execute on function private.moderation_own_item(uuid, text, uuid) to service_role;
