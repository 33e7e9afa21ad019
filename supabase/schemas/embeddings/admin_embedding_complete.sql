-- Admin API: stores a batch's vectors and marks its items done in one transaction; items the worker no longer holds, and all-zero vectors, are skipped.
create or replace function public.admin_embedding_complete(p_operator uuid, p_job_id uuid, p_worker text, p_model text, p_dimensions integer, p_items jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_job public.embedding_jobs;
  v_done integer;
  v_rejected integer;
begin
  perform private.require_staff(p_operator, 'admin');
  v_job := private.embedding_job_for_worker(p_job_id, p_model, p_dimensions);
  if p_items is null or pg_catalog.jsonb_typeof(p_items) <> 'array' then
    raise exception 'Pass the items as an array of {video_id, embedding, content_hash}.' using errcode = '22023';
  end if;
  with incoming as (
    select (x->>'video_id')::uuid as video_id, (x->>'embedding')::extensions.vector(1536) as embedding, x->>'content_hash' as content_hash
      from pg_catalog.jsonb_array_elements(p_items) x
  ), mine as (
    -- Only items this worker still holds: a batch re-leased to another worker is not completed twice.
    select n.* from incoming n
      join public.embedding_job_items i on i.job_id = p_job_id and i.video_id = n.video_id and i.status = 'leased' and i.lease_owner = p_worker
     where extensions.vector_norm(n.embedding) > 0
     for update of i
  ), stored as (
    insert into public.video_embeddings (video_id, embedding, model, source, content_hash, dimensions)
    select video_id, embedding, v_job.model, v_job.recipe, content_hash, v_job.dimensions from mine
    on conflict (video_id) do update
       set embedding = excluded.embedding, model = excluded.model, source = excluded.source,
           content_hash = excluded.content_hash, dimensions = excluded.dimensions
    returning video_id
  ), marked as (
    update public.embedding_job_items i set status = 'done', last_error = null, lease_owner = null, leased_until = null, updated_at = pg_catalog.now()
      from stored s where i.job_id = p_job_id and i.video_id = s.video_id
    returning i.video_id
  )
  select (select count(*)::integer from marked), (select count(*)::integer from incoming) - (select count(*)::integer from marked)
    into v_done, v_rejected;
  update public.embedding_jobs set done = done + v_done where id = p_job_id;
  perform private.embedding_job_settle(p_job_id);
  return pg_catalog.jsonb_build_object('completed', v_done, 'skipped', v_rejected);
end;
$$;
comment on function public.admin_embedding_complete(uuid, uuid, text, text, integer, jsonb) is 'Admin: stores a batch''s vectors and marks its items done in one transaction; items the worker no longer holds, and all-zero vectors, are skipped; a worker whose model or dimensions are not the job''s is refused (22023).';
revoke execute on function public.admin_embedding_complete(uuid, uuid, text, text, integer, jsonb) from public, anon, authenticated;
grant execute on function public.admin_embedding_complete(uuid, uuid, text, text, integer, jsonb) to service_role;
