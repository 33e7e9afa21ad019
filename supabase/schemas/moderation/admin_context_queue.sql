-- Admin API: context notes waiting for approval, oldest first.
create or replace function public.admin_context_queue(p_operator uuid, p_limit integer default 50, p_cursor jsonb default null)
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
         and (p_cursor is null or (vc.created_at, vc.id) > ((p_cursor->>'created_at')::timestamptz, (p_cursor->>'id')::uuid))
       order by vc.created_at, vc.id
       limit p_limit + 1
    ) x;
  return private.keyset_page(v_rows, p_limit, array['created_at', 'id']);
end;
$$;
comment on function public.admin_context_queue(uuid, integer, jsonb) is 'Admin: context notes waiting for approval, oldest first.';
revoke execute on function public.admin_context_queue(uuid, integer, jsonb) from public, anon, authenticated;
grant execute on function public.admin_context_queue(uuid, integer, jsonb) to service_role;
