-- Trigger function: enforces the moderation state machine, keeps is_approved equal to (moderation_status = approved) and stamps updated_at.
create or replace function private.videos_before_write()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    -- Strictly later than before: updated_at is the version optimistic concurrency compares.
    new.updated_at := greatest(pg_catalog.now(), old.updated_at + interval '1 microsecond');
    -- Nested, not and-ed: SQL does not promise to short-circuit.
    if new.moderation_status is distinct from old.moderation_status then
      if not private.video_transition_allowed(old.moderation_status, new.moderation_status)
         and coalesce(pg_catalog.current_setting('magna.moderation_undo', true), '') <> 'on' then
        raise exception 'A video cannot go from % to %.', old.moderation_status, new.moderation_status
          using errcode = '22023',
                hint = 'Allowed: pending -> approved, rejected or flagged; approved -> flagged or rejected; flagged -> approved or rejected; rejected -> pending (reopen).';
      end if;
    end if;
  end if;
  new.is_approved := new.moderation_status = 'approved';
  return new;
end;
$$;
comment on function private.videos_before_write() is 'Trigger: enforces the moderation state machine, keeps is_approved equal to (moderation_status = approved) and stamps updated_at.';
revoke execute on function private.videos_before_write() from public, anon, authenticated, service_role;
