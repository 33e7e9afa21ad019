-- Trigger function: keeps the built-in "all" category (no delete, slug change or parent).
create or replace function private.categories_protect_all()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.slug = 'all' and (tg_op = 'DELETE' or new.slug <> 'all' or new.parent_id is not null) then
    raise exception 'The "All" category is built in: it cannot be deleted, re-slugged or moved.' using errcode = '23514';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
comment on function private.categories_protect_all() is 'Trigger: keeps the built-in "all" category (no delete, slug change or parent).';
revoke execute on function private.categories_protect_all() from public, anon, authenticated, service_role;
