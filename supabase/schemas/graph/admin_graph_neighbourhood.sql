-- Admin API: the videos within 1-3 links of a video (by type and direction), nearest first and capped, with the links among them.
create or replace function public.admin_graph_neighbourhood(
  p_operator uuid,
  p_video_id uuid, p_hops integer default 1, p_types text[] default null, p_direction text default 'both', p_limit integer default 150
)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_nodes jsonb;
  v_edges jsonb;
  v_total integer;
  v_ids uuid[];
begin
  perform private.require_staff(p_operator, 'curator');
  if not exists (select 1 from public.videos where id = p_video_id) then
    raise exception 'No video with id %.', p_video_id using errcode = 'P0002';
  end if;
  if p_hops is null or p_hops < 1 or p_hops > 3 then
    raise exception 'Show 1 to 3 hops.' using errcode = '22023';
  end if;
  if coalesce(p_direction, 'both') not in ('out', 'in', 'both') then
    raise exception 'Direction is out, in or both.' using errcode = '22023';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 1000 then
    raise exception 'Show between 1 and 1,000 videos.' using errcode = '22023';
  end if;
  with recursive hood(id, depth) as (
    select p_video_id, 0
    union
    select x.id, h.depth + 1 from hood h
    cross join lateral (
      select e.target_video_id as id from public.video_references e
       where e.source_video_id = h.id and coalesce(p_direction, 'both') in ('out', 'both') and (p_types is null or e.reference_type = any (p_types))
      union all
      select e.source_video_id from public.video_references e
       where e.target_video_id = h.id and coalesce(p_direction, 'both') in ('in', 'both') and (p_types is null or e.reference_type = any (p_types))
    ) x
    where h.depth < p_hops
  ), nearest as (
    select id, min(depth) as depth from hood group by id
  ), limited as (
    -- The nearest videos first: a large neighbourhood is capped, not a hairball.
    select id, depth from nearest order by depth, id limit p_limit
  )
  select (select count(*)::integer from nearest),
         (select pg_catalog.array_agg(id) from limited),
         (select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                   'id', v.id, 'title', v.title, 'thumbnail_url', v.thumbnail_url, 'moderation_status', v.moderation_status,
                   'duration_seconds', v.duration_seconds, 'url', v.url, 'depth', l.depth) order by l.depth, v.title), '[]'::jsonb)
            from limited l join public.videos v on v.id = l.id)
    into v_total, v_ids, v_nodes;
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', e.id, 'source', e.source_video_id, 'target', e.target_video_id, 'type', e.reference_type,
           'note', e.note, 'timestamp_seconds', e.timestamp_seconds)), '[]'::jsonb)
    into v_edges
    from public.video_references e
   where e.source_video_id = any (v_ids) and e.target_video_id = any (v_ids)
     and (p_types is null or e.reference_type = any (p_types));
  return pg_catalog.jsonb_build_object('nodes', v_nodes, 'edges', v_edges, 'total', v_total, 'truncated', v_total > pg_catalog.cardinality(v_ids));
end;
$$;
comment on function public.admin_graph_neighbourhood(uuid, uuid, integer, text[], text, integer) is 'Admin: the videos within 1-3 links of a video (by type and direction), nearest first and capped, with the links among them.';
revoke execute on function public.admin_graph_neighbourhood(uuid, uuid, integer, text[], text, integer) from public, anon, authenticated;
grant execute on function public.admin_graph_neighbourhood(uuid, uuid, integer, text[], text, integer) to service_role;
