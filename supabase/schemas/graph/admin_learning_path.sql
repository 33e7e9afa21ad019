-- Admin API: an approved video and its approved prerequisites in an order where each comes after what it requires.
create or replace function public.admin_learning_path(p_operator uuid, p_video_id uuid)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_title text;
  v_status text;
begin
  perform private.require_staff(p_operator, 'curator');
  select v.title, v.moderation_status into v_title, v_status from public.videos v where v.id = p_video_id;
  if not found then
    raise exception 'No video with id %.', p_video_id using errcode = 'P0002';
  end if;
  -- A learning path is shown to learners: only approved videos belong in it.
  if v_status <> 'approved' then
    raise exception 'Only an approved video can head a learning path: "%" is %.', v_title, v_status using errcode = '22023',
      hint = 'Approve it in Moderation first, or build the path from an approved video that requires it.';
  end if;
  -- Topological order: a video comes after everything it requires (deepest prerequisites first).
  -- Prerequisites that are not approved are left out; the approved ones behind them stay, and
  -- removing videos from a topological order keeps it one.
  return (
    select coalesce(pg_catalog.jsonb_agg(x order by (x->>'longest')::integer desc, x->>'title'), '[]'::jsonb)
      from (
        select pg_catalog.jsonb_build_object('id', c->>'id', 'title', c->>'title', 'longest', (c->>'longest')::integer) as x
          from pg_catalog.jsonb_array_elements(public.admin_prerequisite_chain(p_operator, p_video_id, 'requires')) c
         where c->>'moderation_status' = 'approved'
        union all
        select pg_catalog.jsonb_build_object('id', p_video_id, 'title', v_title, 'longest', 0)
      ) s
  );
end;
$$;
comment on function public.admin_learning_path(uuid, uuid) is 'Admin: an approved video and its approved prerequisites (others left out) in an order where each comes after what it requires; refuses a video that is not approved.';
revoke execute on function public.admin_learning_path(uuid, uuid) from public, anon, authenticated;
grant execute on function public.admin_learning_path(uuid, uuid) to service_role;
