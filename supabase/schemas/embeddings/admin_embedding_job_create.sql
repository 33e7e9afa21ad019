-- Admin API: starts a backfill of missing, stale or all embeddings; a dry run only counts and estimates tokens and cost.
create or replace function public.admin_embedding_job_create(
  p_operator uuid, p_provider text, p_model text, p_dimensions integer, p_scope text, p_statuses text[],
  p_options jsonb default '{}'::jsonb, p_dry_run boolean default true, p_price_per_million_tokens numeric default 0
)
returns jsonb
language plpgsql
set search_path = ''
-- Counting the videos of a large backfill: its own time limit, over the 8 s PostgREST applies to service_role on Supabase.
set statement_timeout = '60s'
as $$
declare
  v_count integer;
  v_chars bigint;
  v_job public.embedding_jobs;
begin
  perform private.require_staff(p_operator, 'admin');
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

  if p_dry_run then
    select count(*)::integer, coalesce(sum(c.chars), 0) into v_count, v_chars
      from private.embedding_candidates(p_scope, p_model, p_statuses, p_with_chars => true) c;
    return pg_catalog.jsonb_build_object('dry_run', true, 'videos', v_count, 'estimated_tokens', (v_chars / 4)::bigint,
      'estimated_cost', round((v_chars / 4.0) * coalesce(p_price_per_million_tokens, 0) / 1000000, 4));
  end if;
  select count(*)::integer into v_count from private.embedding_candidates(p_scope, p_model, p_statuses) c;
  if v_count = 0 then
    raise exception 'Nothing to embed: no % video in these statuses needs it.', p_scope using errcode = '22023';
  end if;
  -- The items are written chunk by chunk as the job is worked (embedding_job_prepare, from
  -- admin_embedding_lease): writing 100,000 here held the embedded workspace's only session for
  -- seconds. The total is this count until the last chunk replaces it with the items written.
  insert into public.embedding_jobs (provider, model, dimensions, scope, statuses, total, options, operator_id, preparing)
  values (p_provider, p_model, p_dimensions, p_scope, p_statuses, v_count, coalesce(p_options, '{}'::jsonb), p_operator, true)
  returning * into v_job;
  perform private.record_embedding_audit(p_operator, 'create', v_job.id,
    pg_catalog.jsonb_build_object('provider', p_provider, 'model', p_model, 'dimensions', p_dimensions, 'scope', p_scope,
                                  'statuses', pg_catalog.to_jsonb(p_statuses), 'total', v_count));
  return pg_catalog.to_jsonb(v_job) || pg_catalog.jsonb_build_object('dry_run', false);
end;
$$;
comment on function public.admin_embedding_job_create(uuid, text, text, integer, text, text[], jsonb, boolean, numeric) is 'Admin: a backfill of missing, stale (text changed or another model) or all embeddings for videos in the chosen statuses; a dry run counts the videos and estimates tokens and cost.';
revoke execute on function public.admin_embedding_job_create(uuid, text, text, integer, text, text[], jsonb, boolean, numeric) from public, anon, authenticated;
grant execute on function public.admin_embedding_job_create(uuid, text, text, integer, text, text[], jsonb, boolean, numeric) to service_role;
