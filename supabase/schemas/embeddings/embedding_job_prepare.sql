-- Internal helper: writes the work items of the next chunk of a preparing backfill's videos (in id order after its cursor); says whether it is still preparing.
create or replace function private.embedding_job_prepare(p_job_id uuid, p_chunk integer)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  j public.embedding_jobs;
  v_scanned integer;
  v_through uuid;
begin
  -- One preparer at a time: a concurrent worker waits here, then goes on from the cursor this one moved.
  select * into j from public.embedding_jobs where id = p_job_id for update;
  if not found or not j.preparing then
    return false;
  end if;
  -- The chunk: the next p_chunk videos by id (a primary-key range scan, whatever they hold).
  select count(*)::integer, (pg_catalog.array_agg(x.id order by x.id desc))[1] into v_scanned, v_through
    from (select v.id from public.videos v
           where j.prepared_through is null or v.id > j.prepared_through
           order by v.id limit p_chunk) x;
  if v_scanned > 0 then
    insert into public.embedding_job_items (job_id, video_id)
    select p_job_id, c.video_id from private.embedding_candidates(j.scope, j.model, j.statuses, j.prepared_through, v_through) c
    on conflict do nothing;
  end if;
  if v_scanned < p_chunk then
    -- Every video looked at: the total is what was written (videos may have come or gone since the job was counted).
    update public.embedding_jobs
       set preparing = false, prepared_through = coalesce(v_through, prepared_through),
           total = (select count(*)::integer from public.embedding_job_items i where i.job_id = p_job_id)
     where id = p_job_id;
    perform private.embedding_job_settle(p_job_id);
    return false;
  end if;
  update public.embedding_jobs set prepared_through = v_through where id = p_job_id;
  return true;
end;
$$;
comment on function private.embedding_job_prepare(uuid, integer) is 'Internal: writes the work items of the next p_chunk videos (by id, after the job''s cursor) a preparing backfill embeds, under the job row''s lock; when every video has been looked at, the job stops preparing and its total becomes the number of items written. Returns whether the job is still preparing.';
revoke execute on function private.embedding_job_prepare(uuid, integer) from public, anon, authenticated;
grant execute on function private.embedding_job_prepare(uuid, integer) to service_role;
