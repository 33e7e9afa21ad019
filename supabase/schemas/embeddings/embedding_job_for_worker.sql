-- Internal helper: a backfill job, for a worker whose model and dimensions are the job's (else refused).
create or replace function private.embedding_job_for_worker(p_job_id uuid, p_model text, p_dimensions integer)
returns public.embedding_jobs
language plpgsql
stable
set search_path = ''
as $$
declare
  j public.embedding_jobs;
begin
  select * into j from public.embedding_jobs where id = p_job_id;
  if not found then
    raise exception 'No embedding job with id %.', p_job_id using errcode = 'P0002';
  end if;
  -- The database is the final judge: a worker's vectors are stored under the job's model label.
  if p_model is distinct from j.model or p_dimensions is distinct from j.dimensions then
    raise exception 'Job % embeds with % (% dimensions); this worker has % (% dimensions).', p_job_id, j.model, j.dimensions,
        coalesce(p_model, 'no model'), coalesce(p_dimensions::text, 'unknown')
      using errcode = '22023', hint = 'Work the job with its own provider and model, or start a new job.';
  end if;
  return j;
end;
$$;
comment on function private.embedding_job_for_worker(uuid, text, integer) is 'Internal: the embedding job p_job_id; raises P0002 when there is none and 22023 when the worker''s model or dimensions are not the job''s.';
revoke execute on function private.embedding_job_for_worker(uuid, text, integer) from public, anon, authenticated;
grant execute on function private.embedding_job_for_worker(uuid, text, integer) to service_role;
