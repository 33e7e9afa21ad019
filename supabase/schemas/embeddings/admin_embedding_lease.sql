-- Admin API: leases a batch of a running job's items (pending, or leased with an expired lease) to a worker, with their text and its hash; writes the next chunk of a preparing job's items first.
create or replace function public.admin_embedding_lease(
  p_operator uuid, p_job_id uuid, p_worker text, p_model text, p_dimensions integer, p_limit integer default 64, p_lease_seconds integer default 120
)
returns jsonb
language plpgsql
set search_path = ''
-- Read the batch in index order even where the statistics say the items table is empty (PGlite has
-- no autovacuum to analyze a job's items just created): a sort would read every pending item.
set enable_sort = off
-- A disabled plan node costs 10^10 on PostgreSQL before 18, far past jit_above_cost: the server
-- would compile this lease with LLVM on every call (about 400 ms, against 3 ms without).
set jit = off
as $$
declare
  v_job public.embedding_jobs;
  v_status text;
  v_preparing boolean;
  v_items jsonb;
begin
  perform private.require_staff(p_operator, 'admin');
  if coalesce(pg_catalog.btrim(p_worker), '') = '' then
    raise exception 'Name the worker (its leases are its own).' using errcode = '22023';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 2048 or p_lease_seconds is null or p_lease_seconds < 5 or p_lease_seconds > 3600 then
    raise exception 'Lease 1 to 2,048 items for 5 seconds to an hour.' using errcode = '22023';
  end if;
  v_job := private.embedding_job_for_worker(p_job_id, p_model, p_dimensions);
  v_status := v_job.status;
  v_preparing := v_job.preparing;
  if v_status <> 'running' then
    return pg_catalog.jsonb_build_object('status', v_status, 'items', '[]'::jsonb, 'preparing', v_preparing);
  end if;
  -- A job still being prepared gets its next chunk of items written when fewer than a batch are
  -- pending: the items stay a little ahead of the workers, a chunk at a time (one short hold of the
  -- session each), and a killed worker's successor goes on from the job's cursor.
  if v_preparing and (select count(*) from (select 1 from public.embedding_job_items i
                                             where i.job_id = p_job_id and i.status = 'pending' limit p_limit) x) < p_limit then
    v_preparing := private.embedding_job_prepare(p_job_id, greatest(p_limit * 4, 64));
  end if;
  -- Leased items whose lease ran out (their worker died) first, then pending ones: skip locked, so
  -- concurrent workers take disjoint batches. Each kind is read in its index's order and the read
  -- stops at p_limit (idx_embedding_items_pending, idx_embedding_items_work): a lease costs the
  -- same at the first item of 100,000 as at the last, where one sort of every pending item held
  -- the embedded workspace's only session for half a second.
  with expired as (
    select i.video_id from public.embedding_job_items i
     where i.job_id = p_job_id and i.status = 'leased' and i.leased_until < pg_catalog.now()
     order by i.leased_until
     limit p_limit
       for update skip locked
  ), pending as (
    select i.video_id from public.embedding_job_items i
     where i.job_id = p_job_id and i.status = 'pending'
     order by i.job_id, i.video_id
     limit p_limit
       for update skip locked
  ), picked as (
    select c.video_id from (select e.video_id, 0 as k from expired e union all select p.video_id, 1 from pending p) c
     order by c.k, c.video_id
     limit p_limit
  ), leased as (
    update public.embedding_job_items i
       set status = 'leased', lease_owner = p_worker, attempts = i.attempts + 1,
           leased_until = pg_catalog.now() + pg_catalog.make_interval(secs => p_lease_seconds), updated_at = pg_catalog.now()
      from picked p where i.job_id = p_job_id and i.video_id = p.video_id
    returning i.video_id
  )
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'video_id', v.id, 'text', private.video_embedding_text(v.title, v.description),
           'content_hash', pg_catalog.md5(private.video_embedding_text(v.title, v.description)))), '[]'::jsonb)
    into v_items
    from leased l join public.videos v on v.id = l.video_id;
  -- `preparing`: no items now does not mean none are left (the next chunk may hold some).
  return pg_catalog.jsonb_build_object('status', v_status, 'items', v_items, 'preparing', v_preparing);
end;
$$;
comment on function public.admin_embedding_lease(uuid, uuid, text, text, integer, integer, integer) is 'Admin: leases a batch of a running job''s items (pending, or leased with an expired lease) to a worker, with their text and its hash (writing the next chunk of a preparing job''s items first; preparing says whether more may come); a worker whose model or dimensions are not the job''s is refused (22023).';
revoke execute on function public.admin_embedding_lease(uuid, uuid, text, text, integer, integer, integer) from public, anon, authenticated;
grant execute on function public.admin_embedding_lease(uuid, uuid, text, text, integer, integer, integer) to service_role;
