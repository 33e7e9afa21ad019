-- Admin API: releases one's own claim on an item.
create or replace function public.admin_release_claim(p_operator uuid, p_target_type text, p_target_id uuid)
returns void
language sql
set search_path = ''
as $$
  select private.require_staff(p_operator, 'moderator');
  delete from public.moderation_claims where target_type = p_target_type and target_id = p_target_id and operator_id = p_operator
$$;
comment on function public.admin_release_claim(uuid, text, uuid) is 'Admin: releases one''s own claim on an item.';
revoke execute on function public.admin_release_claim(uuid, text, uuid) from public, anon, authenticated;
grant execute on function public.admin_release_claim(uuid, text, uuid) to service_role;
