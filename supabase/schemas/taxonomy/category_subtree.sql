-- Internal helper: a category and every category below it.
create or replace function private.category_subtree(p_id integer)
returns setof integer
language sql
stable
set search_path = ''
as $$
  with recursive sub(id) as (
    select p_id
    union
    select c.id from public.categories c join sub on c.parent_id = sub.id
  )
  select id from sub
$$;
comment on function private.category_subtree(integer) is 'Internal: a category and every category below it.';
revoke execute on function private.category_subtree(integer) from public, anon, authenticated;
grant execute on function private.category_subtree(integer) to service_role;
