-- Admin API: recent backfills with their progress.
create or replace function public.admin_embedding_jobs(p_operator uuid, p_limit integer default 20)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select private.require_staff(p_operator, 'admin');
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(j) || pg_catalog.jsonb_build_object(
           'operator', u.username,
           'leased', (select count(*) from public.embedding_job_items i where i.job_id = j.id and i.status = 'leased'))
         order by j.created_at desc), '[]'::jsonb)
    from (select * from public.embedding_jobs order by created_at desc limit least(greatest(coalesce(p_limit, 20), 1), 200)) j
    join public.users u on u.id = j.operator_id
$$;
comment on function public.admin_embedding_jobs(uuid, integer) is 'Admin: recent backfills with their progress.';
revoke execute on function public.admin_embedding_jobs(uuid, integer) from public, anon, authenticated;
grant execute on function public.admin_embedding_jobs(uuid, integer) to service_role;
