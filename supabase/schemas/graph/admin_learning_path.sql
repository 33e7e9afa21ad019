-- Admin API: a video and all its prerequisites in an order where each comes after what it requires.
create or replace function public.admin_learning_path(p_operator uuid, p_video_id uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.require_staff(p_operator, 'curator');
  -- Topological order: a video comes after everything it requires (deepest prerequisites first).
  select coalesce(pg_catalog.jsonb_agg(x order by (x->>'longest')::integer desc, x->>'title'), '[]'::jsonb)
    from (
      select pg_catalog.jsonb_build_object('id', c->>'id', 'title', c->>'title', 'longest', (c->>'longest')::integer) as x
        from pg_catalog.jsonb_array_elements(public.admin_prerequisite_chain(p_operator, p_video_id, 'requires')) c
      union all
      select pg_catalog.jsonb_build_object('id', v.id, 'title', v.title, 'longest', 0) from public.videos v where v.id = p_video_id
    ) s
$$;
comment on function public.admin_learning_path(uuid, uuid) is 'Admin: a video and all its prerequisites in an order where each comes after what it requires.';
revoke execute on function public.admin_learning_path(uuid, uuid) from public, anon, authenticated;
grant execute on function public.admin_learning_path(uuid, uuid) to service_role;
