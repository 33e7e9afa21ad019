-- The embedding-backfill admin API (service_role only).

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

-- Internal: marks a job done when no item is left to work on.
create function public.embedding_job_settle(p_job_id uuid)
returns void
language sql
set search_path = ''
as $$
  update public.embedding_jobs j
     set status = 'done', finished_at = pg_catalog.now()
   where j.id = p_job_id and j.status = 'running'
     and not exists (select 1 from public.embedding_job_items i where i.job_id = j.id and i.status in ('pending', 'leased'))
$$;
comment on function public.embedding_job_settle(uuid) is 'Internal: a running job with nothing pending or leased is done.';

create function public.admin_embedding_job_create(
  p_operator uuid, p_provider text, p_model text, p_dimensions integer, p_scope text, p_statuses text[],
  p_options jsonb default '{}'::jsonb, p_dry_run boolean default true, p_price_per_million_tokens numeric default 0
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
  v_chars bigint;
  v_job public.embedding_jobs;
begin
  perform public.moderation_require_operator(p_operator);
  if p_scope is null or p_scope not in ('missing', 'stale', 'all') then
    raise exception 'Unknown scope "%": use missing, stale or all.', p_scope using errcode = '22023';
  end if;
  if p_statuses is null or pg_catalog.cardinality(p_statuses) = 0
     or exists (select 1 from unnest(p_statuses) s where s not in ('pending', 'approved', 'rejected', 'flagged')) then
    raise exception 'Pick the moderation statuses to embed (pending, approved, rejected, flagged).' using errcode = '22023';
  end if;
  if p_dimensions is null or p_dimensions < 1 or p_dimensions > 1536 then
    raise exception 'The provider gives % dimensions; the column holds at most 1536.', p_dimensions
      using errcode = '22023', hint = 'Pick a model (or a dimensions setting) of 1536 or fewer.';
  end if;
  if coalesce(pg_catalog.btrim(p_model), '') = '' then
    raise exception 'Name the model.' using errcode = '22023';
  end if;

  create temporary table if not exists pg_temp.embedding_candidates (video_id uuid primary key, chars integer) on commit drop;
  truncate pg_temp.embedding_candidates;
  insert into pg_temp.embedding_candidates
  select v.id, char_length(public.video_embedding_text(v.title, v.description))
    from public.videos v left join public.video_embeddings e on e.video_id = v.id
   where v.moderation_status = any (p_statuses)
     and case p_scope
           when 'missing' then e.video_id is null
           when 'stale' then e.video_id is not null and (e.model is distinct from p_model
                             or e.content_hash is distinct from pg_catalog.md5(public.video_embedding_text(v.title, v.description)))
           else true end;
  select count(*)::integer, coalesce(sum(chars), 0) into v_count, v_chars from pg_temp.embedding_candidates;

  if p_dry_run then
    return pg_catalog.jsonb_build_object('dry_run', true, 'videos', v_count, 'estimated_tokens', (v_chars / 4)::bigint,
      'estimated_cost', round((v_chars / 4.0) * coalesce(p_price_per_million_tokens, 0) / 1000000, 4));
  end if;
  if v_count = 0 then
    raise exception 'Nothing to embed: no % video in these statuses needs it.', p_scope using errcode = '22023';
  end if;
  insert into public.embedding_jobs (provider, model, dimensions, scope, statuses, total, options, operator_id)
  values (p_provider, p_model, p_dimensions, p_scope, p_statuses, v_count, coalesce(p_options, '{}'::jsonb), p_operator)
  returning * into v_job;
  insert into public.embedding_job_items (job_id, video_id) select v_job.id, video_id from pg_temp.embedding_candidates;
  return pg_catalog.to_jsonb(v_job) || pg_catalog.jsonb_build_object('dry_run', false, 'estimated_tokens', (v_chars / 4)::bigint);
end;
$$;
comment on function public.admin_embedding_job_create(uuid, text, text, integer, text, text[], jsonb, boolean, numeric) is 'Admin: a backfill of missing, stale (text changed or another model) or all embeddings for videos in the chosen statuses; a dry run counts the videos and estimates tokens and cost.';

create function public.admin_embedding_lease(p_job_id uuid, p_worker text, p_limit integer default 64, p_lease_seconds integer default 120)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_status text;
  v_items jsonb;
begin
  if coalesce(pg_catalog.btrim(p_worker), '') = '' then
    raise exception 'Name the worker (its leases are its own).' using errcode = '22023';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 2048 or p_lease_seconds is null or p_lease_seconds < 5 or p_lease_seconds > 3600 then
    raise exception 'Lease 1 to 2,048 items for 5 seconds to an hour.' using errcode = '22023';
  end if;
  select status into v_status from public.embedding_jobs where id = p_job_id;
  if not found then
    raise exception 'No embedding job with id %.', p_job_id using errcode = 'P0002';
  end if;
  if v_status <> 'running' then
    return pg_catalog.jsonb_build_object('status', v_status, 'items', '[]'::jsonb);
  end if;
  -- Pending items, and leased ones whose lease ran out (their worker died): skip locked, so
  -- concurrent workers take disjoint batches.
  with picked as (
    select i.video_id from public.embedding_job_items i
     where i.job_id = p_job_id
       and (i.status = 'pending' or (i.status = 'leased' and i.leased_until < pg_catalog.now()))
     order by i.video_id
     limit p_limit
       for update skip locked
  ), leased as (
    update public.embedding_job_items i
       set status = 'leased', lease_owner = p_worker, attempts = i.attempts + 1,
           leased_until = pg_catalog.now() + pg_catalog.make_interval(secs => p_lease_seconds), updated_at = pg_catalog.now()
      from picked p where i.job_id = p_job_id and i.video_id = p.video_id
    returning i.video_id
  )
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'video_id', v.id, 'text', public.video_embedding_text(v.title, v.description),
           'content_hash', pg_catalog.md5(public.video_embedding_text(v.title, v.description))) order by v.id), '[]'::jsonb)
    into v_items
    from leased l join public.videos v on v.id = l.video_id;
  return pg_catalog.jsonb_build_object('status', v_status, 'items', v_items);
end;
$$;
comment on function public.admin_embedding_lease(uuid, text, integer, integer) is 'Admin: leases a batch of a running job''s items (pending, or leased with an expired lease) to a worker, with their text and its hash.';

create function public.admin_embedding_complete(p_job_id uuid, p_worker text, p_items jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_job public.embedding_jobs;
  v_done integer;
  v_rejected integer;
begin
  select * into v_job from public.embedding_jobs where id = p_job_id;
  if not found then
    raise exception 'No embedding job with id %.', p_job_id using errcode = 'P0002';
  end if;
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
  perform public.embedding_job_settle(p_job_id);
  return pg_catalog.jsonb_build_object('completed', v_done, 'skipped', v_rejected);
end;
$$;
comment on function public.admin_embedding_complete(uuid, text, jsonb) is 'Admin: stores a batch''s vectors and marks its items done in one transaction; items the worker no longer holds, and all-zero vectors, are skipped.';

create function public.admin_embedding_fail(p_job_id uuid, p_worker text, p_items jsonb, p_retryable boolean default false)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_max integer;
  v_failed integer;
  v_retried integer;
begin
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
  perform public.embedding_job_settle(p_job_id);
  return pg_catalog.jsonb_build_object('failed', v_failed, 'retried', v_retried);
end;
$$;
comment on function public.admin_embedding_fail(uuid, text, jsonb, boolean) is 'Admin: records items a worker could not embed: back to pending while attempts remain (retryable), else failed with the error.';

create function public.admin_embedding_release(p_job_id uuid, p_worker text)
returns jsonb
language sql
set search_path = ''
as $$
  with released as (
    update public.embedding_job_items set status = 'pending', lease_owner = null, leased_until = null, attempts = greatest(attempts - 1, 0), updated_at = pg_catalog.now()
     where job_id = p_job_id and status = 'leased' and lease_owner = p_worker
    returning 1
  )
  select pg_catalog.jsonb_build_object('released', count(*)) from released
$$;
comment on function public.admin_embedding_release(uuid, text) is 'Admin: hands a worker''s leased items back (clean pause or shutdown), without counting an attempt.';

create function public.admin_embedding_control(p_operator uuid, p_job_id uuid, p_action text)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  j public.embedding_jobs;
  v_n integer;
begin
  perform public.moderation_require_operator(p_operator);
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
      perform public.embedding_job_settle(p_job_id);
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
  return (select pg_catalog.to_jsonb(x) from public.embedding_jobs x where x.id = p_job_id);
end;
$$;
comment on function public.admin_embedding_control(uuid, uuid, text) is 'Admin: pauses, resumes or cancels a backfill, or puts its failed items back to work.';

create function public.admin_embedding_jobs(p_limit integer default 20)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(j) || pg_catalog.jsonb_build_object(
           'operator', u.username,
           'leased', (select count(*) from public.embedding_job_items i where i.job_id = j.id and i.status = 'leased'))
         order by j.created_at desc), '[]'::jsonb)
    from (select * from public.embedding_jobs order by created_at desc limit least(greatest(coalesce(p_limit, 20), 1), 200)) j
    join public.users u on u.id = j.operator_id
$$;
comment on function public.admin_embedding_jobs(integer) is 'Admin: recent backfills with their progress.';

create function public.admin_embedding_failures(p_job_id uuid, p_limit integer default 100)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('video_id', i.video_id, 'title', v.title, 'attempts', i.attempts, 'error', i.last_error) order by v.title), '[]'::jsonb)
    from (select * from public.embedding_job_items where job_id = p_job_id and status = 'failed' limit least(greatest(coalesce(p_limit, 100), 1), 1000)) i
    join public.videos v on v.id = i.video_id
$$;
comment on function public.admin_embedding_failures(uuid, integer) is 'Admin: the failed items of a backfill with their errors.';

create function public.admin_embedding_coverage()
returns jsonb
language sql
stable
set search_path = ''
as $$
  select pg_catalog.jsonb_build_object(
    'videos', (select count(*) from public.videos),
    'embedded', (select count(*) from public.video_embeddings),
    'stale', (select count(*) from public.video_embeddings e join public.videos v on v.id = e.video_id
               where e.content_hash is distinct from pg_catalog.md5(public.video_embedding_text(v.title, v.description))),
    'by_model', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('model', model, 'videos', n) order by n desc)
                            from (select model, count(*) as n from public.video_embeddings group by model) m), '[]'::jsonb),
    'index_present', exists (select 1 from pg_catalog.pg_indexes where schemaname = 'public' and indexname = 'idx_video_embeddings_vector'))
$$;
comment on function public.admin_embedding_coverage() is 'Admin: how many videos have embeddings, how many are stale, per model, and whether the HNSW index exists.';

create function public.admin_semantic_search(p_embedding text, p_model text, p_limit integer default 10)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', r.id, 'title', r.title, 'moderation_status', r.moderation_status,
           'similarity', r.similarity) order by r.distance), '[]'::jsonb)
    from (select v.id, v.title, v.moderation_status,
                 e.embedding operator(extensions.<=>) p_embedding::extensions.vector(1536) as distance,
                 round((1 - (e.embedding operator(extensions.<=>) p_embedding::extensions.vector(1536)))::numeric, 4) as similarity
            from public.video_embeddings e join public.videos v on v.id = e.video_id
           where e.model = p_model
           order by e.embedding operator(extensions.<=>) p_embedding::extensions.vector(1536)
           limit least(greatest(coalesce(p_limit, 10), 1), 100)) r
$$;
-- pgvector's cost model can prefer a sequential scan once the vectors are TOASTed (at tens of
-- thousands of rows); the search is meant to use HNSW, and iterative scans keep a model filter
-- from returning fewer than the asked rows.
alter function public.admin_semantic_search(text, text, integer) set enable_seqscan = off;
alter function public.admin_semantic_search(text, text, integer) set hnsw.iterative_scan = 'relaxed_order';
comment on function public.admin_semantic_search(text, text, integer) is 'Admin: the videos nearest a query vector (cosine, HNSW), among embeddings of the same model.';

do $grants$
declare
  f text;
begin
  foreach f in array array[
    'public.video_embedding_text(text, text)', 'public.embedding_job_settle(uuid)',
    'public.admin_embedding_job_create(uuid, text, text, integer, text, text[], jsonb, boolean, numeric)',
    'public.admin_embedding_lease(uuid, text, integer, integer)', 'public.admin_embedding_complete(uuid, text, jsonb)',
    'public.admin_embedding_fail(uuid, text, jsonb, boolean)', 'public.admin_embedding_release(uuid, text)',
    'public.admin_embedding_control(uuid, uuid, text)', 'public.admin_embedding_jobs(integer)', 'public.admin_embedding_failures(uuid, integer)',
    'public.admin_embedding_coverage()', 'public.admin_semantic_search(text, text, integer)']
  loop
    execute pg_catalog.format('revoke execute on function %s from public, anon, authenticated', f);
    execute pg_catalog.format('grant execute on function %s to service_role', f);
  end loop;
end
$grants$;
