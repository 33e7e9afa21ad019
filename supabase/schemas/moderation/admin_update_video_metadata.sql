-- Admin API: sets a video's category and tags before deciding on it, against the version it was loaded at.
create or replace function public.admin_update_video_metadata(
  p_operator uuid,
  p_video_id uuid,
  p_expected_updated_at timestamptz,
  p_category_id integer,
  p_tag_ids integer[],
  p_note text default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v public.videos;
  v_from_tags integer[];
  v_to_tags integer[] := coalesce((select pg_catalog.array_agg(distinct t order by t) from unnest(p_tag_ids) t), '{}');
  v_updated timestamptz;
  v_audit bigint;
  v_own text;
begin
  perform private.require_staff(p_operator, 'moderator');
  perform private.moderation_check_text(null, p_note);
  select * into v from public.videos where id = p_video_id for update;
  if not found then
    raise exception 'No video with id %.', p_video_id using errcode = 'P0002';
  end if;
  perform private.require_version('video', v.id::text, v.updated_at, p_expected_updated_at,
    'The video changed since you loaded it.', 'Reload it and make your edit again.');
  v_own := private.moderation_own_item(p_operator, 'video', v.id);
  if v_own is not null then
    raise exception '%', v_own using errcode = '42501', hint = 'Act as another moderator, or leave it to them.';
  end if;
  if p_category_id is not null and not exists (select 1 from public.categories where id = p_category_id) then
    raise exception 'No category with id %.', p_category_id using errcode = '22023';
  end if;
  if exists (select 1 from unnest(v_to_tags) t where not exists (select 1 from public.tags where id = t)) then
    raise exception 'Unknown tag id in %.', v_to_tags using errcode = '22023';
  end if;
  v_from_tags := coalesce((select pg_catalog.array_agg(tag_id order by tag_id) from public.video_tags where video_id = v.id), '{}');

  delete from public.video_tags where video_id = v.id and tag_id <> all (v_to_tags);
  insert into public.video_tags (video_id, tag_id) select v.id, t from unnest(v_to_tags) t on conflict do nothing;
  -- The update stamps a new version (updated_at) even when only the tags changed.
  update public.videos set category_id = p_category_id where id = v.id returning updated_at into v_updated;

  v_audit := private.record_moderation_audit(p_operator, 'edit', 'video', v.id, v.moderation_status, v.moderation_status, p_note => p_note,
    p_details => pg_catalog.jsonb_build_object('from', pg_catalog.jsonb_build_object('category_id', v.category_id, 'tag_ids', v_from_tags),
                                               'to', pg_catalog.jsonb_build_object('category_id', p_category_id, 'tag_ids', v_to_tags)));
  return pg_catalog.jsonb_build_object('id', v.id, 'updated_at', v_updated, 'audit_id', v_audit);
end;
$$;
comment on function public.admin_update_video_metadata(uuid, uuid, timestamptz, integer, integer[], text) is 'Admin (moderator): sets a video''s category and tags before deciding on it; refused (PT409) when the video changed since p_expected_updated_at, and (42501) on a video the operator submitted or reported.';
revoke execute on function public.admin_update_video_metadata(uuid, uuid, timestamptz, integer, integer[], text) from public, anon, authenticated;
grant execute on function public.admin_update_video_metadata(uuid, uuid, timestamptz, integer, integer[], text) to service_role;
