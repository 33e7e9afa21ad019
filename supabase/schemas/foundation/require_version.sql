-- Internal helper: optimistic concurrency for a save: the row must still be at the version (updated_at) the caller loaded.
create or replace function private.require_version(
  p_target_type text,
  p_target_id text,
  p_current timestamptz,
  p_expected timestamptz,
  p_message text,
  p_hint text default null
)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  v_detail text;
begin
  if p_current is not distinct from p_expected then
    return;
  end if;
  -- Who changed it and when, from the audit log of the target's domain.
  v_detail := case when p_target_type in ('category', 'tag')
    then coalesce(private.taxonomy_last_change(p_target_type, p_target_id::integer), 'changed outside the console')
    else coalesce(private.moderation_last_change(p_target_type, p_target_id::uuid)::text, '') end;
  if p_hint is null then
    raise exception '%', p_message using errcode = 'PT409', detail = v_detail;
  end if;
  raise exception '%', p_message using errcode = 'PT409', detail = v_detail, hint = p_hint;
end;
$$;
comment on function private.require_version(text, text, timestamptz, timestamptz, text, text) is 'Internal: raises PT409 (conflict) with p_message, who last changed the target and when (detail) and p_hint, unless p_current equals p_expected.';
revoke execute on function private.require_version(text, text, timestamptz, timestamptz, text, text) from public, anon, authenticated;
grant execute on function private.require_version(text, text, timestamptz, timestamptz, text, text) to service_role;
