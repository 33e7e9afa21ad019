-- Trigger function: refuses a parent that is the category itself or one of its descendants, naming the path.
create or replace function private.categories_refuse_cycles()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_path text;
begin
  if new.parent_id is null then
    return new;
  end if;
  if new.parent_id = new.id then
    raise exception 'A category cannot be its own parent.' using errcode = '23514';
  end if;
  -- Walk up from the new parent; the existing tree is acyclic, so the walk ends.
  with recursive up(id, parent_id, path) as (
    select c.id, c.parent_id, c.name from public.categories c where c.id = new.parent_id
    union all
    select c.id, c.parent_id, c.name || ' > ' || up.path from up join public.categories c on c.id = up.parent_id
     where up.id <> new.id
  )
  select path into v_path from up where id = new.id limit 1;
  if found then
    raise exception 'Moving "%" under "%" would make it its own ancestor (% > %).',
      new.name, (select name from public.categories where id = new.parent_id), v_path, new.name
      using errcode = '23514', hint = 'Pick a parent outside this category''s subtree.';
  end if;
  return new;
end;
$$;
comment on function private.categories_refuse_cycles() is 'Trigger: refuses a parent that is the category itself or one of its descendants, naming the path.';
revoke execute on function private.categories_refuse_cycles() from public, anon, authenticated, service_role;
