-- Admin API: the failed items of a backfill with their errors.
create or replace function public.admin_embedding_failures(p_operator uuid, p_job_id uuid, p_limit integer default 100)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.require_staff(p_operator, 'admin');
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('video_id', i.video_id, 'title', v.title, 'attempts', i.attempts, 'error', i.last_error) order by v.title), '[]'::jsonb)
    from (select * from public.embedding_job_items where job_id = p_job_id and status = 'failed' limit least(greatest(coalesce(p_limit, 100), 1), 1000)) i
    join public.videos v on v.id = i.video_id
$$;
comment on function public.admin_embedding_failures(uuid, uuid, integer) is 'Admin: the failed items of a backfill with their errors.';
revoke execute on function public.admin_embedding_failures(uuid, uuid, integer) from public, anon, authenticated;
grant execute on function public.admin_embedding_failures(uuid, uuid, integer) to service_role;
