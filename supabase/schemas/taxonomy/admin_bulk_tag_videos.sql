-- Admin API: adds and removes tags and optionally sets the category on many videos at once, with an outcome per video.
create or replace function public.admin_bulk_tag_videos(
  p_operator uuid, p_video_ids uuid[], p_add_tag_ids integer[] default '{}', p_remove_tag_ids integer[] default '{}',
  p_set_category boolean default false, p_category_id integer default null
)
returns jsonb
language plpgsql
set search_path = ''
-- Bulk work: its own time limit, over the 8 s PostgREST applies to service_role on Supabase.
set statement_timeout = '60s'
as $$
declare
  v_found uuid[];
  v_added integer;
  v_removed integer;
  v_recategorised integer := 0;
  v_add integer[] := coalesce(p_add_tag_ids, '{}');
  v_remove integer[] := coalesce(p_remove_tag_ids, '{}');
begin
  perform private.require_staff(p_operator, 'curator');
  if p_video_ids is null or pg_catalog.cardinality(p_video_ids) = 0 or pg_catalog.cardinality(p_video_ids) > 5000 then
    raise exception 'Pick between 1 and 5,000 videos.' using errcode = '22023';
  end if;
  if pg_catalog.cardinality(v_add) + pg_catalog.cardinality(v_remove) = 0 and not coalesce(p_set_category, false) then
    raise exception 'Nothing to do: pick tags to add or remove, or a category to set.' using errcode = '22023';
  end if;
  if v_add && v_remove then
    raise exception 'A tag cannot be added and removed at once.' using errcode = '22023';
  end if;
  if exists (select 1 from unnest(v_add || v_remove) t where not exists (select 1 from public.tags where id = t)) then
    raise exception 'Unknown tag in the selection: another curator may have merged or deleted it.' using errcode = 'PT409', hint = 'Reload the tags.';
  end if;
  if p_set_category and p_category_id is not null and not exists (select 1 from public.categories where id = p_category_id) then
    raise exception 'No category with id %.', p_category_id using errcode = '22023';
  end if;
  v_found := array(select v.id from public.videos v where v.id = any (p_video_ids) order by v.id for update);

  insert into public.video_tags (video_id, tag_id)
  select v, t from unnest(v_found) v cross join unnest(v_add) t
  on conflict do nothing;
  get diagnostics v_added = row_count;
  delete from public.video_tags where video_id = any (v_found) and tag_id = any (v_remove);
  get diagnostics v_removed = row_count;
  if p_set_category then
    update public.videos set category_id = p_category_id where id = any (v_found) and category_id is distinct from p_category_id;
    get diagnostics v_recategorised = row_count;
  end if;

  -- One audit row per tag added or removed (and for the category set), not per video.
  perform private.record_taxonomy_audit(p_operator, 'bulk_tag', x.target_type, x.target_id, p_details => x.details)
     from (select 'tag' as target_type, t as target_id, pg_catalog.jsonb_build_object('op', 'add', 'videos', pg_catalog.cardinality(v_found)) as details from unnest(v_add) t
           union all
           select 'tag', t, pg_catalog.jsonb_build_object('op', 'remove', 'videos', pg_catalog.cardinality(v_found)) from unnest(v_remove) t
           union all
           select 'category', p_category_id, pg_catalog.jsonb_build_object('op', 'set_category', 'videos', v_recategorised)
            where p_set_category and p_category_id is not null) x;

  return pg_catalog.jsonb_build_object(
    'tags_added', v_added, 'tags_removed', v_removed, 'recategorised', v_recategorised,
    'results', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', i,
        'outcome', case when i = any (v_found) then 'done' else 'invalid' end,
        'message', case when i = any (v_found) then null else 'No such video (deleted meanwhile?).' end))
      from unnest(p_video_ids) i), '[]'::jsonb));
end;
$$;
comment on function public.admin_bulk_tag_videos(uuid, uuid[], integer[], integer[], boolean, integer) is 'Admin: adds and removes tags and optionally sets the category on many videos in one transaction, with an outcome per video.';
revoke execute on function public.admin_bulk_tag_videos(uuid, uuid[], integer[], integer[], boolean, integer) from public, anon, authenticated;
grant execute on function public.admin_bulk_tag_videos(uuid, uuid[], integer[], integer[], boolean, integer) to service_role;
