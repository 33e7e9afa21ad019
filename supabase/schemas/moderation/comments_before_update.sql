-- Trigger function: stamps a comment's edits and deletion, and keeps its author from undoing or rewriting what a moderator decided.
create or replace function private.comments_before_update()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_writer text := coalesce(nullif(pg_catalog.current_setting('role', true), 'none'), session_user);
begin
  -- Security definer so that it sees every open report on the comment (an author sees only the
  -- reports they filed); the writer is the role the session acts as, read from its role setting.
  -- A writer under row level security is a signed-in author (the console's service_role and the
  -- owner bypass it): a removed comment stays removed, a kept one keeps its words, and a reported
  -- one keeps the words it was reported for until a moderator has decided.
  if not exists (select 1 from pg_catalog.pg_roles r where r.rolname = v_writer and (r.rolsuper or r.rolbypassrls)) then
    if coalesce(old.is_deleted, false) and not coalesce(new.is_deleted, false) then
      raise exception 'This comment was removed; only a moderator can restore it.' using errcode = '42501';
    end if;
    if new.content is distinct from old.content and coalesce(old.is_deleted, false) then
      raise exception 'A removed comment cannot be edited.' using errcode = '42501';
    end if;
    if new.content is distinct from old.content and old.kept_at is not null then
      raise exception 'A moderator kept this comment after it was reported: it can no longer be edited.'
        using errcode = '42501', hint = 'Reply to it instead.';
    end if;
    if new.content is distinct from old.content
       and exists (select 1 from public.reports r where r.comment_id = old.id and r.status = 'open') then
      raise exception 'This comment has been reported: it cannot be edited until a moderator has decided.'
        using errcode = '42501', hint = 'Delete it, or wait for the decision.';
    end if;
    new.kept_at := old.kept_at;
  end if;
  -- Stamped here, not by the client (no column privilege on them).
  if new.content is distinct from old.content then
    new.is_edited := true;
    new.edited_at := pg_catalog.now();
  end if;
  if coalesce(new.is_deleted, false) and not coalesce(old.is_deleted, false) then
    new.deleted_at := coalesce(new.deleted_at, pg_catalog.now());
  end if;
  return new;
end;
$$;
comment on function private.comments_before_update() is 'Trigger: stamps is_edited/edited_at and deleted_at; for writers under row level security (authors) refuses restoring a removed comment, editing a removed one, rewriting one a moderator kept and rewriting one with an open report.';
revoke execute on function private.comments_before_update() from public, anon, authenticated, service_role;
