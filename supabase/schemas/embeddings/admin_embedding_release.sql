-- Admin API: hands a worker's leased items back (clean pause or shutdown), without counting an attempt.
create or replace function public.admin_embedding_release(p_operator uuid, p_job_id uuid, p_worker text)
returns jsonb
language sql
set search_path = ''
as $$
  select private.require_staff(p_operator, 'admin');
  with released as (
    update public.embedding_job_items set status = 'pending', lease_owner = null, leased_until = null, attempts = greatest(attempts - 1, 0), updated_at = pg_catalog.now()
     where job_id = p_job_id and status = 'leased' and lease_owner = p_worker
    returning 1
  )
  select pg_catalog.jsonb_build_object('released', count(*)) from released
$$;
comment on function public.admin_embedding_release(uuid, uuid, text) is 'Admin: hands a worker''s leased items back (clean pause or shutdown), without counting an attempt.';
revoke execute on function public.admin_embedding_release(uuid, uuid, text) from public, anon, authenticated;
grant execute on function public.admin_embedding_release(uuid, uuid, text) to service_role;
