-- Trigger function: refuses every update, delete and truncate of an audit table.
create or replace function private.audit_log_is_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'The % table is append-only.', tg_table_name using errcode = '42501';
end;
$$;
comment on function private.audit_log_is_append_only() is 'Trigger: refuses every update, delete and truncate of an audit table.';
revoke execute on function private.audit_log_is_append_only() from public, anon, authenticated, service_role;
