-- Admin API: active staff members a connection profile can act as (the operator recorded in the audit log).
create or replace function public.admin_list_operators(p_search text default null, p_limit integer default 20)
returns table (id uuid, username text, display_name text)
language sql
stable
set search_path = ''
as $$
  -- Staff only (any role): a plain user cannot be picked as the operator. Callable before an
  -- operator is chosen, which is what it is for.
  select u.id, u.username, u.display_name
    from public.users u
   where u.is_active
     and u.id in (select s.user_id from private.staff_members() s)
     and (coalesce(p_search, '') = '' or u.username ilike '%' || p_search || '%' or u.display_name ilike '%' || p_search || '%')
   order by u.username
   limit least(greatest(coalesce(p_limit, 20), 1), 100)
$$;
comment on function public.admin_list_operators(text, integer) is 'Admin: active staff members (moderator, curator or admin) a connection profile can act as (the operator recorded in the audit log).';
revoke execute on function public.admin_list_operators(text, integer) from public, anon, authenticated;
grant execute on function public.admin_list_operators(text, integer) to service_role;
