-- Admin API: records items a worker could not embed: back to pending while attempts remain (retryable), else failed with the error.
create or replace function public.admin_embedding_fail(p_operator uuid, p_job_id uuid, p_worker text, p_items jsonb, p_retryable boolean default false)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_max integer;
  v_failed integer;
  v_retried integer;
begin
  perform private.require_staff(p_operator, 'admin');
  select coalesce((options->>'max_attempts')::integer, 3) into v_max from public.embedding_jobs where id = p_job_id;
  if not found then
    raise exception 'No embedding job with id %.', p_job_id using errcode = 'P0002';
  end if;
  with incoming as (
    select (x->>'video_id')::uuid as video_id, pg_catalog.left(coalesce(x->>'error', 'failed'), 2000) as error from pg_catalog.jsonb_array_elements(p_items) x
  ), changed as (
    update public.embedding_job_items i
       set status = case when p_retryable and i.attempts < v_max then 'pending' else 'failed' end,
           last_error = n.error, lease_owner = null, leased_until = null, updated_at = pg_catalog.now()
      from incoming n
     where i.job_id = p_job_id and i.video_id = n.video_id and i.status = 'leased' and i.lease_owner = p_worker
    returning i.status
  )
  select count(*) filter (where status = 'failed')::integer, count(*) filter (where status = 'pending')::integer into v_failed, v_retried from changed;
  update public.embedding_jobs set failed = failed + v_failed,
         last_error = coalesce((select x->>'error' from pg_catalog.jsonb_array_elements(p_items) x limit 1), last_error)
   where id = p_job_id;
  perform private.embedding_job_settle(p_job_id);
  return pg_catalog.jsonb_build_object('failed', v_failed, 'retried', v_retried);
end;
$$;
comment on function public.admin_embedding_fail(uuid, uuid, text, jsonb, boolean) is 'Admin: records items a worker could not embed: back to pending while attempts remain (retryable), else failed with the error.';
revoke execute on function public.admin_embedding_fail(uuid, uuid, text, jsonb, boolean) from public, anon, authenticated;
grant execute on function public.admin_embedding_fail(uuid, uuid, text, jsonb, boolean) to service_role;
