-- Admin API: imports links from CSV rows with an outcome per row (links that already exist can be skipped); a dry run writes nothing, a real run applies all rows or none.
create or replace function public.admin_import_references(p_operator uuid, p_rows jsonb, p_dry_run boolean default true, p_skip_existing boolean default false)
returns jsonb
language plpgsql
set search_path = ''
-- Bulk work: its own time limit, over the 8 s PostgREST applies to service_role on Supabase.
set statement_timeout = '60s'
as $$
declare
  v_row jsonb;
  v_results jsonb[] := '{}';
  v_source uuid;
  v_target uuid;
  v_failed integer := 0;
  v_batch uuid := pg_catalog.gen_random_uuid();
  r public.video_references;
  v_ok integer := 0;
  v_skipped integer := 0;
begin
  perform private.require_staff(p_operator, 'curator');
  if p_rows is null or pg_catalog.jsonb_typeof(p_rows) <> 'array' or pg_catalog.jsonb_array_length(p_rows) = 0 then
    raise exception 'The import has no rows.' using errcode = '22023';
  end if;
  if pg_catalog.jsonb_array_length(p_rows) > 20000 then
    raise exception 'At most 20,000 links per import (got %); split the file.', pg_catalog.jsonb_array_length(p_rows) using errcode = '22023';
  end if;
  -- Every row is tried in order (later rows see earlier ones, e.g. for cycles); then, on a dry
  -- run or if any row failed, everything is rolled back: a half-bad import applies nothing.
  begin
    for v_row in select value from pg_catalog.jsonb_array_elements(p_rows) loop
      begin
        v_source := (select v.id from public.videos v where v.id::text = v_row->>'source' or v.url = v_row->>'source' limit 1);
        v_target := (select v.id from public.videos v where v.id::text = v_row->>'target' or v.url = v_row->>'target' limit 1);
        if v_source is null then
          raise exception 'Unknown source video "%".', v_row->>'source' using errcode = 'P0002';
        end if;
        if v_target is null then
          raise exception 'Unknown target video "%".', v_row->>'target' using errcode = 'P0002';
        end if;
        -- Re-importing a file: a link with the same ends and type is counted as skipped, not failed
        -- (its note and timestamp are left as they are).
        if coalesce(p_skip_existing, false) and exists (
          select 1 from public.video_references e
           where e.source_video_id = v_source and e.target_video_id = v_target and e.reference_type = v_row->>'type'
        ) then
          v_skipped := v_skipped + 1;
          v_results := v_results || pg_catalog.jsonb_build_object('row', v_row->'row', 'outcome', 'skipped', 'source_id', v_source, 'target_id', v_target,
            'message', 'This link already exists: skipped.');
          continue;
        end if;
        perform private.reference_check(v_source, v_target, v_row->>'type', (v_row->>'timestamp_seconds')::integer, null);
        insert into public.video_references (source_video_id, target_video_id, reference_type, note, timestamp_seconds, created_by)
        values (v_source, v_target, v_row->>'type', nullif(pg_catalog.btrim(v_row->>'note'), ''), (v_row->>'timestamp_seconds')::integer, p_operator)
        returning * into r;
        perform private.record_reference_audit(p_operator, 'import', r.id, p_after => pg_catalog.to_jsonb(r), p_batch_id => v_batch);
        v_ok := v_ok + 1;
        v_results := v_results || pg_catalog.jsonb_build_object('row', v_row->'row', 'outcome', 'ok', 'source_id', v_source, 'target_id', v_target);
      exception when others then
        v_failed := v_failed + 1;
        v_results := v_results || pg_catalog.jsonb_build_object('row', v_row->'row', 'outcome', 'error', 'message', sqlerrm);
      end;
    end loop;
    if p_dry_run or v_failed > 0 then
      raise exception using errcode = 'MGRB1', message = 'roll back the import';
    end if;
  exception when sqlstate 'MGRB1' then
    null; -- every row's writes are undone; the outcomes (variables) stay
  end;
  return pg_catalog.jsonb_build_object('applied', not p_dry_run and v_failed = 0, 'dry_run', p_dry_run, 'ok', v_ok, 'failed', v_failed,
    'skipped', v_skipped,
    'batch_id', case when not p_dry_run and v_failed = 0 then v_batch end, 'results', pg_catalog.to_jsonb(v_results));
end;
$$;
comment on function public.admin_import_references(uuid, jsonb, boolean, boolean) is 'Admin: imports links ({row, source, target (id or URL), type, note, timestamp_seconds}) with an outcome per row (ok, skipped when p_skip_existing and the link exists, or error); a dry run writes nothing, and a real run applies all rows in one transaction or none if any fails.';
revoke execute on function public.admin_import_references(uuid, jsonb, boolean, boolean) from public, anon, authenticated;
grant execute on function public.admin_import_references(uuid, jsonb, boolean, boolean) to service_role;
