-- Admin API: the rejection-reason templates, in display order.
create or replace function public.admin_list_rejection_reasons(p_operator uuid, p_include_inactive boolean default false)
returns setof public.rejection_reasons
language sql
stable
set search_path = ''
as $$
  select private.require_staff(p_operator, 'moderator');
  select * from public.rejection_reasons where is_active or p_include_inactive order by display_order, label
$$;
comment on function public.admin_list_rejection_reasons(uuid, boolean) is 'Admin: the rejection-reason templates, in display order.';
revoke execute on function public.admin_list_rejection_reasons(uuid, boolean) from public, anon, authenticated;
grant execute on function public.admin_list_rejection_reasons(uuid, boolean) to service_role;
