-- Admin API: merges tags into a target in one transaction (every video of a source gets the target), then removes the sources.
create or replace function public.admin_merge_tags(p_operator uuid, p_source_ids integer[], p_target_id integer)
returns jsonb
language plpgsql
set search_path = ''
-- Bulk work: its own time limit, over the 8 s PostgREST applies to service_role on Supabase.
set statement_timeout = '60s'
as $$
declare
  v_target public.tags;
  v_sources jsonb;
  v_added integer;
  v_missing integer[];
  v_gone public.taxonomy_audit_log;
begin
  perform private.require_staff(p_operator, 'curator');
  if p_source_ids is null or pg_catalog.cardinality(p_source_ids) = 0 then
    raise exception 'Pick the tags to merge.' using errcode = '22023';
  end if;
  if p_target_id = any (p_source_ids) then
    raise exception 'A tag cannot be merged into itself.' using errcode = '22023', hint = 'Take the target out of the tags to merge.';
  end if;
  -- Lock the target and the sources in one statement, in id order: two curators merging the same
  -- tags (even into each other) queue on the first id instead of deadlocking; the one who waited
  -- then finds what the other removed, and is told so (PT409) with who merged it.
  perform 1 from public.tags where id = any (p_source_ids || p_target_id) order by id for update;
  v_missing := array(select s from unnest(p_source_ids || p_target_id) s where not exists (select 1 from public.tags where id = s));
  if pg_catalog.cardinality(v_missing) > 0 then
    select a.* into v_gone from public.taxonomy_audit_log a
     where a.target_type = 'tag' and a.target_id = any (v_missing) and a.action in ('merge', 'delete', 'delete_unused')
     order by a.id desc limit 1;
    if v_gone.id is null and not (p_target_id = any (v_missing)) then
      raise exception 'Some tags to merge do not exist (%).', pg_catalog.array_to_string(v_missing, ', ')
        using errcode = 'PT409', hint = 'Reload the tags and pick them again.';
    elsif v_gone.id is null then
      raise exception 'No target tag with id %.', p_target_id using errcode = 'P0002', hint = 'Reload the tags and pick the target again.';
    end if;
    raise exception 'Tag "%" was % by % a moment ago (%).', coalesce(v_gone.before->>'name', v_gone.target_id::text),
      case v_gone.action when 'merge' then 'merged into "' || coalesce(v_gone.after->>'name', v_gone.details->>'name', '?') || '"' else 'deleted' end,
      coalesce((select u.username from public.users u where u.id = v_gone.operator_id), 'another curator'),
      pg_catalog.to_char(v_gone.occurred_at, 'HH24:MI:SS')
      using errcode = 'PT409', detail = pg_catalog.array_to_string(v_missing, ', '),
            hint = 'Nothing was changed: reload the tags and merge again if it is still needed.';
  end if;
  select * into v_target from public.tags where id = p_target_id;
  select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', t.id, 'name', t.name, 'slug', t.slug, 'video_count', t.video_count) order by t.id)
    into v_sources from public.tags t where t.id = any (p_source_ids);

  -- Re-point every tagging to the target without duplicates, then drop the sources.
  insert into public.video_tags (video_id, tag_id)
  select distinct vt.video_id, p_target_id from public.video_tags vt where vt.tag_id = any (p_source_ids)
  on conflict do nothing;
  get diagnostics v_added = row_count;
  delete from public.tags where id = any (p_source_ids);

  perform private.record_taxonomy_audit(p_operator, 'merge', 'tag', (s->>'id')::integer, s,
          pg_catalog.jsonb_build_object('merged_into', p_target_id, 'name', v_target.name))
     from pg_catalog.jsonb_array_elements(v_sources) s;
  perform private.record_taxonomy_audit(p_operator, 'merge', 'tag', p_target_id, pg_catalog.to_jsonb(v_target), pg_catalog.to_jsonb(t),
          pg_catalog.jsonb_build_object('merged', v_sources, 'videos_added', v_added))
     from public.tags t where t.id = p_target_id;
  return pg_catalog.jsonb_build_object('target', p_target_id, 'merged', pg_catalog.cardinality(p_source_ids), 'videos_added', v_added,
    'video_count', (select video_count from public.tags where id = p_target_id));
end;
$$;
comment on function public.admin_merge_tags(uuid, integer[], integer) is 'Admin: merges tags into a target in one transaction: every video of a source gets the target (no duplicates, its other tags untouched), then the sources are removed.';
revoke execute on function public.admin_merge_tags(uuid, integer[], integer) from public, anon, authenticated;
grant execute on function public.admin_merge_tags(uuid, integer[], integer) to service_role;
