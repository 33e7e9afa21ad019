-- Admin API: claims an item for review (or renews one's own claim); refused while another moderator holds an unexpired claim.
create or replace function public.admin_claim_item(p_operator uuid, p_target_type text, p_target_id uuid, p_ttl_seconds integer default 300)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  cl public.moderation_claims;
begin
  perform private.require_staff(p_operator, 'moderator');
  if p_target_type is null or p_target_type not in ('video', 'comment', 'context') then
    raise exception 'Unknown target type "%".', p_target_type using errcode = '22023';
  end if;
  if p_ttl_seconds is null or p_ttl_seconds < 10 or p_ttl_seconds > 3600 then
    raise exception 'A claim lasts between 10 seconds and an hour.' using errcode = '22023';
  end if;
  insert into public.moderation_claims as c (target_type, target_id, operator_id, claimed_at, expires_at)
  values (p_target_type, p_target_id, p_operator, pg_catalog.now(), pg_catalog.now() + pg_catalog.make_interval(secs => p_ttl_seconds))
  on conflict (target_type, target_id) do update
     set operator_id = excluded.operator_id, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
   where c.operator_id = excluded.operator_id or c.expires_at <= pg_catalog.now()
  returning * into cl;
  if found then
    return pg_catalog.jsonb_build_object('claimed', true, 'operator_id', cl.operator_id, 'expires_at', cl.expires_at);
  end if;
  select * into cl from public.moderation_claims where target_type = p_target_type and target_id = p_target_id;
  return pg_catalog.jsonb_build_object('claimed', false, 'operator_id', cl.operator_id,
    'operator', (select username from public.users where id = cl.operator_id), 'expires_at', cl.expires_at);
end;
$$;
comment on function public.admin_claim_item(uuid, text, uuid, integer) is 'Admin: claims an item for review (or renews one''s own claim); refused while another moderator holds an unexpired claim.';
revoke execute on function public.admin_claim_item(uuid, text, uuid, integer) from public, anon, authenticated;
grant execute on function public.admin_claim_item(uuid, text, uuid, integer) to service_role;
