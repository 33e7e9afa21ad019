-- Trigger function: a context note with an open report stays until a moderator has decided on it.
create or replace function private.video_contexts_before_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_writer text := coalesce(nullif(pg_catalog.current_setting('role', true), 'none'), session_user);
begin
  -- Deleting the note would take its reports with it (on delete cascade): its author could erase the
  -- evidence of a report. Security definer to see every report; the writer is the session's role.
  if not exists (select 1 from pg_catalog.pg_roles r where r.rolname = v_writer and (r.rolsuper or r.rolbypassrls))
     and exists (select 1 from public.reports r where r.context_id = old.id and r.status = 'open') then
    raise exception 'This context note has been reported: it cannot be deleted until a moderator has decided.'
      using errcode = '42501', hint = 'Wait for the decision; a removed note is hidden from everyone.';
  end if;
  return old;
end;
$$;
comment on function private.video_contexts_before_delete() is 'Trigger: for writers under row level security (authors) refuses deleting a context note that has an open report (its reports would go with it).';
revoke execute on function private.video_contexts_before_delete() from public, anon, authenticated, service_role;
