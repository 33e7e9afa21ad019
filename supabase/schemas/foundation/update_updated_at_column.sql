-- Trigger function: sets updated_at to now() on every update.
create or replace function private.update_updated_at_column()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Strictly later than the previous value: updated_at doubles as the row's version for
  -- optimistic concurrency, and two updates within one clock tick must still differ.
  new.updated_at = greatest(pg_catalog.now(), old.updated_at + interval '1 microsecond');
  return new;
end;
$$;
comment on function private.update_updated_at_column() is 'Trigger: sets updated_at to now() on every update.';
revoke execute on function private.update_updated_at_column() from public, anon, authenticated, service_role;
