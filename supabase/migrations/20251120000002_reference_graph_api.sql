-- The reference-graph admin API (service_role only): neighbourhoods, link editing with audit,
-- complete prerequisite chains and dependents, learning paths saved as collections, CSV import
-- (dry run; applied all-or-nothing) and export, link suggestions from embeddings.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create function public.admin_graph_neighbourhood(
  p_video_id uuid, p_hops integer default 1, p_types text[] default null, p_direction text default 'both', p_limit integer default 150
)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_nodes jsonb;
  v_edges jsonb;
  v_total integer;
  v_ids uuid[];
begin
  if not exists (select 1 from public.videos where id = p_video_id) then
    raise exception 'No video with id %.', p_video_id using errcode = 'P0002';
  end if;
  if p_hops is null or p_hops < 1 or p_hops > 3 then
    raise exception 'Show 1 to 3 hops.' using errcode = '22023';
  end if;
  if coalesce(p_direction, 'both') not in ('out', 'in', 'both') then
    raise exception 'Direction is out, in or both.' using errcode = '22023';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 1000 then
    raise exception 'Show between 1 and 1,000 videos.' using errcode = '22023';
  end if;
  with recursive hood(id, depth) as (
    select p_video_id, 0
    union
    select x.id, h.depth + 1 from hood h
    cross join lateral (
      select e.target_video_id as id from public.video_references e
       where e.source_video_id = h.id and coalesce(p_direction, 'both') in ('out', 'both') and (p_types is null or e.reference_type = any (p_types))
      union all
      select e.source_video_id from public.video_references e
       where e.target_video_id = h.id and coalesce(p_direction, 'both') in ('in', 'both') and (p_types is null or e.reference_type = any (p_types))
    ) x
    where h.depth < p_hops
  ), nearest as (
    select id, min(depth) as depth from hood group by id
  ), limited as (
    -- The nearest videos first: a large neighbourhood is capped, not a hairball.
    select id, depth from nearest order by depth, id limit p_limit
  )
  select (select count(*)::integer from nearest),
         (select pg_catalog.array_agg(id) from limited),
         (select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                   'id', v.id, 'title', v.title, 'thumbnail_url', v.thumbnail_url, 'moderation_status', v.moderation_status,
                   'duration_seconds', v.duration_seconds, 'url', v.url, 'depth', l.depth) order by l.depth, v.title), '[]'::jsonb)
            from limited l join public.videos v on v.id = l.id)
    into v_total, v_ids, v_nodes;
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', e.id, 'source', e.source_video_id, 'target', e.target_video_id, 'type', e.reference_type,
           'note', e.note, 'timestamp_seconds', e.timestamp_seconds)), '[]'::jsonb)
    into v_edges
    from public.video_references e
   where e.source_video_id = any (v_ids) and e.target_video_id = any (v_ids)
     and (p_types is null or e.reference_type = any (p_types));
  return pg_catalog.jsonb_build_object('nodes', v_nodes, 'edges', v_edges, 'total', v_total, 'truncated', v_total > pg_catalog.cardinality(v_ids));
end;
$$;
comment on function public.admin_graph_neighbourhood(uuid, integer, text[], text, integer) is 'Admin: the videos within 1-3 links of a video (by type and direction), nearest first and capped, with the links among them.';

create function public.admin_find_videos(p_query text, p_limit integer default 20)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', v.id, 'title', v.title, 'moderation_status', v.moderation_status, 'url', v.url, 'duration_seconds', v.duration_seconds)
         order by v.title), '[]'::jsonb)
    from (select * from public.videos v
           where coalesce(pg_catalog.btrim(p_query), '') <> ''
             and (v.title ilike ('%' || pg_catalog.btrim(p_query) || '%') or v.url = pg_catalog.btrim(p_query) or v.id::text = pg_catalog.btrim(p_query))
           order by (v.moderation_status = 'approved') desc, v.title
           limit least(greatest(coalesce(p_limit, 20), 1), 100)) v
$$;
comment on function public.admin_find_videos(text, integer) is 'Admin: videos whose title contains the text (or with that URL or id), approved first.';

-- Internal: the same checks for one link, from the editor and from a CSV row.
create function public.reference_check(p_source uuid, p_target uuid, p_type text, p_timestamp_seconds integer, p_id uuid)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  v_duration integer;
begin
  if p_type is null or p_type not in ('related', 'prerequisite', 'sequel', 'response', 'cited', 'contradicts') then
    raise exception 'Unknown link type "%".', p_type using errcode = '22023', hint = 'Use related, prerequisite, sequel, response, cited or contradicts.';
  end if;
  if p_source = p_target then
    raise exception 'A video cannot link to itself.' using errcode = '23514';
  end if;
  select duration_seconds into v_duration from public.videos where id = p_source;
  if not found then
    raise exception 'No source video with id %.', p_source using errcode = 'P0002';
  end if;
  if not exists (select 1 from public.videos where id = p_target) then
    raise exception 'No target video with id %.', p_target using errcode = 'P0002';
  end if;
  if p_timestamp_seconds is not null and (p_timestamp_seconds < 0 or (v_duration is not null and p_timestamp_seconds > v_duration)) then
    raise exception 'The timestamp %:% is past the end of the video (%:%).', p_timestamp_seconds / 60, pg_catalog.lpad((p_timestamp_seconds % 60)::text, 2, '0'),
      v_duration / 60, pg_catalog.lpad((v_duration % 60)::text, 2, '0') using errcode = '22023';
  end if;
  if exists (select 1 from public.video_references where source_video_id = p_source and target_video_id = p_target and reference_type = p_type and id is distinct from p_id) then
    raise exception 'These videos already have a % link.', p_type using errcode = '23505';
  end if;
end;
$$;
comment on function public.reference_check(uuid, uuid, text, integer, uuid) is 'Internal: a link''s type, ends, timestamp (within the source video) and uniqueness.';

create function public.admin_save_reference(
  p_operator uuid, p_source uuid, p_target uuid, p_type text, p_note text default null, p_timestamp_seconds integer default null, p_id uuid default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  r public.video_references;
  v_before jsonb;
begin
  perform public.moderation_require_operator(p_operator);
  perform public.reference_check(p_source, p_target, p_type, p_timestamp_seconds, p_id);
  if char_length(p_note) > 2000 then
    raise exception 'Keep the note under 2,000 characters.' using errcode = '22023';
  end if;
  if p_id is null then
    insert into public.video_references (source_video_id, target_video_id, reference_type, note, timestamp_seconds, created_by)
    values (p_source, p_target, p_type, nullif(pg_catalog.btrim(p_note), ''), p_timestamp_seconds, p_operator)
    returning * into r;
    insert into public.reference_audit_log (operator_id, action, reference_id, after) values (p_operator, 'create', r.id, pg_catalog.to_jsonb(r));
  else
    select * into r from public.video_references where id = p_id for update;
    if not found then
      raise exception 'That link no longer exists: another curator may have removed it.' using errcode = 'PT409';
    end if;
    v_before := pg_catalog.to_jsonb(r);
    update public.video_references
       set source_video_id = p_source, target_video_id = p_target, reference_type = p_type,
           note = nullif(pg_catalog.btrim(p_note), ''), timestamp_seconds = p_timestamp_seconds
     where id = p_id returning * into r;
    insert into public.reference_audit_log (operator_id, action, reference_id, before, after) values (p_operator, 'update', r.id, v_before, pg_catalog.to_jsonb(r));
  end if;
  return pg_catalog.to_jsonb(r);
end;
$$;
comment on function public.admin_save_reference(uuid, uuid, uuid, text, text, integer, uuid) is 'Admin: creates or edits a typed link between two videos; a prerequisite or sequel link that would close a cycle is refused with the path.';

create function public.admin_delete_reference(p_operator uuid, p_id uuid)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  r public.video_references;
begin
  perform public.moderation_require_operator(p_operator);
  delete from public.video_references where id = p_id returning * into r;
  if not found then
    raise exception 'That link no longer exists: another curator may have removed it.' using errcode = 'PT409';
  end if;
  insert into public.reference_audit_log (operator_id, action, reference_id, before) values (p_operator, 'delete', r.id, pg_catalog.to_jsonb(r));
  return pg_catalog.to_jsonb(r);
end;
$$;
comment on function public.admin_delete_reference(uuid, uuid) is 'Admin: removes a link and returns it (so the console can offer undo).';

create function public.admin_prerequisite_chain(p_video_id uuid, p_direction text default 'requires')
returns jsonb
language sql
stable
set search_path = ''
as $$
  -- Complete, at any depth: union visits each (video, depth) once and the graph is acyclic.
  with recursive chain(id, depth) as (
    select e.target_video_id, 1 from public.video_references e
     where p_direction = 'requires' and e.source_video_id = p_video_id and e.reference_type = 'prerequisite'
    union all
    select e.source_video_id, 1 from public.video_references e
     where p_direction = 'required_by' and e.target_video_id = p_video_id and e.reference_type = 'prerequisite'
    union
    select case when p_direction = 'requires' then e.target_video_id else e.source_video_id end, c.depth + 1
      from chain c join public.video_references e
        on e.reference_type = 'prerequisite'
       and ((p_direction = 'requires' and e.source_video_id = c.id) or (p_direction = 'required_by' and e.target_video_id = c.id))
  ), nearest as (select id, min(depth) as depth, max(depth) as longest from chain group by id)
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', v.id, 'title', v.title, 'moderation_status', v.moderation_status, 'duration_seconds', v.duration_seconds,
           'depth', n.depth, 'longest', n.longest) order by n.depth, v.title), '[]'::jsonb)
    from nearest n join public.videos v on v.id = n.id
$$;
comment on function public.admin_prerequisite_chain(uuid, text) is 'Admin: everything a video requires (p_direction requires) or everything that requires it (required_by), by depth, complete (no depth limit).';

create function public.admin_learning_path(p_video_id uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
  -- Topological order: a video comes after everything it requires (deepest prerequisites first).
  select coalesce(pg_catalog.jsonb_agg(x order by (x->>'longest')::integer desc, x->>'title'), '[]'::jsonb)
    from (
      select pg_catalog.jsonb_build_object('id', c->>'id', 'title', c->>'title', 'longest', (c->>'longest')::integer) as x
        from pg_catalog.jsonb_array_elements(public.admin_prerequisite_chain(p_video_id, 'requires')) c
      union all
      select pg_catalog.jsonb_build_object('id', v.id, 'title', v.title, 'longest', 0) from public.videos v where v.id = p_video_id
    ) s
$$;
comment on function public.admin_learning_path(uuid) is 'Admin: a video and all its prerequisites in an order where each comes after what it requires.';

create function public.admin_save_learning_path(p_operator uuid, p_video_id uuid, p_title text)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_path jsonb := public.admin_learning_path(p_video_id);
  v_collection uuid;
begin
  perform public.moderation_require_operator(p_operator);
  if coalesce(pg_catalog.btrim(p_title), '') = '' or char_length(p_title) > 120 then
    raise exception 'Give the learning path a title of 1 to 120 characters.' using errcode = '22023';
  end if;
  insert into public.collections (title, description, slug, created_by, is_public)
  values (pg_catalog.btrim(p_title), 'Learning path generated from prerequisite links.',
          public.taxonomy_slugify(p_title) || '-' || pg_catalog.substr(pg_catalog.md5(pg_catalog.random()::text), 1, 6), p_operator, false)
  returning id into v_collection;
  insert into public.collection_videos (collection_id, video_id, position)
  select v_collection, (p->>'id')::uuid, o::integer from pg_catalog.jsonb_array_elements(v_path) with ordinality as t(p, o);
  return pg_catalog.jsonb_build_object('collection_id', v_collection, 'videos', pg_catalog.jsonb_array_length(v_path));
end;
$$;
comment on function public.admin_save_learning_path(uuid, uuid, text) is 'Admin: saves a video''s learning path as a private collection owned by the operator.';

create function public.admin_import_references(p_operator uuid, p_rows jsonb, p_dry_run boolean default true)
returns jsonb
language plpgsql
set search_path = ''
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
begin
  perform public.moderation_require_operator(p_operator);
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
        perform public.reference_check(v_source, v_target, v_row->>'type', (v_row->>'timestamp_seconds')::integer, null);
        insert into public.video_references (source_video_id, target_video_id, reference_type, note, timestamp_seconds, created_by)
        values (v_source, v_target, v_row->>'type', nullif(pg_catalog.btrim(v_row->>'note'), ''), (v_row->>'timestamp_seconds')::integer, p_operator)
        returning * into r;
        insert into public.reference_audit_log (operator_id, action, reference_id, after, batch_id) values (p_operator, 'import', r.id, pg_catalog.to_jsonb(r), v_batch);
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
    'batch_id', case when not p_dry_run and v_failed = 0 then v_batch end, 'results', pg_catalog.to_jsonb(v_results));
end;
$$;
comment on function public.admin_import_references(uuid, jsonb, boolean) is 'Admin: imports links ({row, source, target (id or URL), type, note, timestamp_seconds}) with an outcome per row; a dry run writes nothing, and a real run applies all rows in one transaction or none if any fails.';

create function public.admin_export_references(p_video_id uuid default null)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'source', s.id, 'source_url', s.url, 'target', t.id, 'target_url', t.url, 'type', e.reference_type,
           'note', e.note, 'timestamp_seconds', e.timestamp_seconds) order by s.title, e.reference_type, t.title), '[]'::jsonb)
    from (select * from public.video_references e
           where p_video_id is null or e.source_video_id = p_video_id or e.target_video_id = p_video_id
           limit 200000) e
    join public.videos s on s.id = e.source_video_id
    join public.videos t on t.id = e.target_video_id
$$;
comment on function public.admin_export_references(uuid) is 'Admin: links (all, or those touching a video) with both ends as id and URL, for CSV export.';

create function public.admin_link_suggestions(p_video_id uuid, p_limit integer default 10)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v public.videos;
  v_embedding extensions.vector;
begin
  select * into v from public.videos where id = p_video_id;
  if not found then
    raise exception 'No video with id %.', p_video_id using errcode = 'P0002';
  end if;
  select e.embedding into v_embedding from public.video_embeddings e where e.video_id = p_video_id;
  if v_embedding is null then
    return pg_catalog.jsonb_build_object('available', false, 'rows', '[]'::jsonb);
  end if;
  return pg_catalog.jsonb_build_object('available', true, 'rows', coalesce((
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
             'id', c.id, 'title', c.title, 'similarity', c.similarity,
             -- An older video in the same category is likely groundwork; otherwise "related".
             'proposed_type', case when c.created_at < v.created_at and c.category_id is not distinct from v.category_id and c.similarity > 0.8
                                   then 'prerequisite' else 'related' end) order by c.similarity desc)
      from (select d.id, d.title, d.created_at, d.category_id, round((1 - (e.embedding operator(extensions.<=>) v_embedding))::numeric, 3) as similarity
              from public.video_embeddings e join public.videos d on d.id = e.video_id
             where d.id <> p_video_id
               and not exists (select 1 from public.video_references r
                                where (r.source_video_id = p_video_id and r.target_video_id = d.id) or (r.target_video_id = p_video_id and r.source_video_id = d.id))
             order by e.embedding operator(extensions.<=>) v_embedding
             limit least(greatest(coalesce(p_limit, 10), 1), 50)) c), '[]'::jsonb));
end;
$$;
comment on function public.admin_link_suggestions(uuid, integer) is 'Admin: the videos most similar by embedding that are not yet linked to this one, each with a proposed link type.';

create function public.admin_reference_history(p_video_id uuid, p_limit integer default 50)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', a.id, 'at', a.occurred_at, 'operator', u.username, 'action', a.action,
           'before', a.before, 'after', a.after) order by a.id desc), '[]'::jsonb)
    from (select * from public.reference_audit_log a
           where (a.after->>'source_video_id')::uuid = p_video_id or (a.after->>'target_video_id')::uuid = p_video_id
              or (a.before->>'source_video_id')::uuid = p_video_id or (a.before->>'target_video_id')::uuid = p_video_id
           order by a.id desc limit least(greatest(coalesce(p_limit, 50), 1), 500)) a
    join public.users u on u.id = a.operator_id
$$;
comment on function public.admin_reference_history(uuid, integer) is 'Admin: the link changes touching a video (who, what, before and after).';

do $grants$
declare
  f text;
begin
  foreach f in array array[
    'public.reference_check(uuid, uuid, text, integer, uuid)',
    'public.admin_graph_neighbourhood(uuid, integer, text[], text, integer)', 'public.admin_find_videos(text, integer)',
    'public.admin_save_reference(uuid, uuid, uuid, text, text, integer, uuid)', 'public.admin_delete_reference(uuid, uuid)',
    'public.admin_prerequisite_chain(uuid, text)', 'public.admin_learning_path(uuid)', 'public.admin_save_learning_path(uuid, uuid, text)',
    'public.admin_import_references(uuid, jsonb, boolean)', 'public.admin_export_references(uuid)',
    'public.admin_link_suggestions(uuid, integer)', 'public.admin_reference_history(uuid, integer)']
  loop
    execute pg_catalog.format('revoke execute on function %s from public, anon, authenticated', f);
    execute pg_catalog.format('grant execute on function %s to service_role', f);
  end loop;
end
$grants$;
