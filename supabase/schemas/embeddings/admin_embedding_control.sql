-- Admin API: pauses, resumes or cancels a backfill, or puts its failed items back to work; audited.
create or replace function public.admin_embedding_control(p_operator uuid, p_job_id uuid, p_action text)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  j public.embedding_jobs;
  v_n integer;
begin
  perform private.require_staff(p_operator, 'admin');
  select * into j from public.embedding_jobs where id = p_job_id for update;
  if not found then
    raise exception 'No embedding job with id %.', p_job_id using errcode = 'P0002';
  end if;
  case p_action
    when 'pause' then
      if j.status <> 'running' then raise exception 'Only a running job can be paused (it is %).', j.status using errcode = 'PT409'; end if;
      update public.embedding_jobs set status = 'paused' where id = p_job_id;
    when 'resume' then
      if j.status <> 'paused' then raise exception 'Only a paused job can be resumed (it is %).', j.status using errcode = 'PT409'; end if;
      update public.embedding_jobs set status = 'running' where id = p_job_id;
      perform private.embedding_job_settle(p_job_id);
    when 'cancel' then
      if j.status in ('cancelled', 'done') then raise exception 'The job is already %.', j.status using errcode = 'PT409'; end if;
      update public.embedding_jobs set status = 'cancelled', finished_at = pg_catalog.now() where id = p_job_id;
    when 'retry_failed' then
      update public.embedding_job_items set status = 'pending', attempts = 0, last_error = null, updated_at = pg_catalog.now()
       where job_id = p_job_id and status = 'failed';
      get diagnostics v_n = row_count;
      if v_n = 0 then raise exception 'No failed items to retry.' using errcode = 'PT409'; end if;
      update public.embedding_jobs set failed = failed - v_n, status = 'running', finished_at = null where id = p_job_id;
    else
      raise exception 'Unknown action "%": use pause, resume, cancel or retry_failed.', p_action using errcode = '22023';
  end case;
  perform private.record_embedding_audit(p_operator, p_action, p_job_id,
    pg_catalog.jsonb_build_object('from_status', j.status, 'done', j.done, 'failed', j.failed, 'total', j.total)
      || case when p_action = 'retry_failed' then pg_catalog.jsonb_build_object('retried', v_n) else '{}'::jsonb end);
  return (select pg_catalog.to_jsonb(x) from public.embedding_jobs x where x.id = p_job_id);
end;
$$;
comment on function public.admin_embedding_control(uuid, uuid, text) is 'Admin: pauses, resumes or cancels a backfill, or puts its failed items back to work.';
revoke execute on function public.admin_embedding_control(uuid, uuid, text) from public, anon, authenticated;
grant execute on function public.admin_embedding_control(uuid, uuid, text) to service_role;
