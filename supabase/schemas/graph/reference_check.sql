-- Internal helper: a link's type, ends, timestamp (within the source video) and uniqueness.
create or replace function private.reference_check(p_source uuid, p_target uuid, p_type text, p_timestamp_seconds integer, p_id uuid)
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
comment on function private.reference_check(uuid, uuid, text, integer, uuid) is 'Internal: a link''s type, ends, timestamp (within the source video) and uniqueness.';
revoke execute on function private.reference_check(uuid, uuid, text, integer, uuid) from public, anon, authenticated;
grant execute on function private.reference_check(uuid, uuid, text, integer, uuid) to service_role;
