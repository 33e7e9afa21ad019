-- Admin API: everything a video requires, or everything that requires it, by depth and complete (no depth limit).
create or replace function public.admin_prerequisite_chain(p_operator uuid, p_video_id uuid, p_direction text default 'requires')
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.require_staff(p_operator, 'curator');
  -- Complete, at any depth: union visits each (video, depth) once and the graph is acyclic.
  with recursive chain(id, depth) as (
    select e.target_video_id, 1 from public.video_references e
     where p_direction = 'requires' and e.source_video_id = p_video_id and e.reference_type = 'prerequisite'
    union all
    select e.source_video_id, 1 from public.video_references e
     where p_direction = 'required_by' and e.target_video_id = p_video_id and e.reference_type = 'prerequisite'
    union
    select case when p_direction = 'requires' then e.target_video_id else e.source_video_id end, c.depth + 1
      from chain c join public.video_references e
        on e.reference_type = 'prerequisite'
       and ((p_direction = 'requires' and e.source_video_id = c.id) or (p_direction = 'required_by' and e.target_video_id = c.id))
  ), nearest as (select id, min(depth) as depth, max(depth) as longest from chain group by id)
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', v.id, 'title', v.title, 'moderation_status', v.moderation_status, 'duration_seconds', v.duration_seconds,
           'depth', n.depth, 'longest', n.longest) order by n.depth, v.title), '[]'::jsonb)
    from nearest n join public.videos v on v.id = n.id
$$;
comment on function public.admin_prerequisite_chain(uuid, uuid, text) is 'Admin: everything a video requires (p_direction requires) or everything that requires it (required_by), by depth, complete (no depth limit).';
revoke execute on function public.admin_prerequisite_chain(uuid, uuid, text) from public, anon, authenticated;
grant execute on function public.admin_prerequisite_chain(uuid, uuid, text) to service_role;
