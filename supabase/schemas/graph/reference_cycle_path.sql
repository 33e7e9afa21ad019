-- Internal helper: the existing path target -> ... -> source along links of one type, or null (a link source -> target would close a cycle).
create or replace function private.reference_cycle_path(p_source uuid, p_target uuid, p_type text)
returns uuid[]
language plpgsql
stable
set search_path = ''
as $$
declare
  v_reach jsonb;
  v_path uuid[] := array[p_source];
  v_node uuid := p_source;
  v_prev uuid;
begin
  -- The common case, a link that closes nothing, only asks whether source is reachable; the
  -- search stops as soon as it is found.
  if not exists (
    with recursive reach(id) as (
      select p_target
      union
      select e.target_video_id from reach r
        join public.video_references e on e.source_video_id = r.id and e.reference_type = p_type
    )
    select 1 from reach where id = p_source
  ) then
    return null;
  end if;
  with recursive reach(id) as (
    select p_target
    union
    select e.target_video_id from reach r
      join public.video_references e on e.source_video_id = r.id and e.reference_type = p_type
  )
  select pg_catalog.jsonb_object_agg(id::text, true) into v_reach from reach;
  -- Walk back from source to target inside the reachable set: every video in it but target
  -- was reached through a link from another one in it, and the graph is acyclic.
  while v_node <> p_target loop
    select e.source_video_id into v_prev
      from public.video_references e
     where e.target_video_id = v_node and e.reference_type = p_type and v_reach ? e.source_video_id::text
     limit 1;
    exit when v_prev is null;
    v_path := v_prev || v_path;
    v_node := v_prev;
  end loop;
  return v_path;
end;
$$;
comment on function private.reference_cycle_path(uuid, uuid, text) is 'Internal: the existing path target -> ... -> source along links of a type, or null. A new link source -> target closes a cycle exactly when it exists.';
revoke execute on function private.reference_cycle_path(uuid, uuid, text) from public, anon, authenticated;
grant execute on function private.reference_cycle_path(uuid, uuid, text) to service_role;
