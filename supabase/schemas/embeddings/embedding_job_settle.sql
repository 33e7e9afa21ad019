-- Internal helper: a running job, fully prepared, with nothing pending or leased is done.
create or replace function private.embedding_job_settle(p_job_id uuid)
returns void
language sql
set search_path = ''
as $$
  update public.embedding_jobs j
     set status = 'done', finished_at = pg_catalog.now()
   where j.id = p_job_id and j.status = 'running' and not j.preparing
     and not exists (select 1 from public.embedding_job_items i where i.job_id = j.id and i.status in ('pending', 'leased'))
$$;
comment on function private.embedding_job_settle(uuid) is 'Internal: a running job whose items are all written (not preparing) with nothing pending or leased is done.';
revoke execute on function private.embedding_job_settle(uuid) from public, anon, authenticated;
grant execute on function private.embedding_job_settle(uuid) to service_role;
