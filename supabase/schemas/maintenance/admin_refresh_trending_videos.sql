-- Admin API: refreshes trending_videos concurrently (readers are not blocked).
create or replace function public.admin_refresh_trending_videos(p_operator uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.require_staff(p_operator, 'admin');
  refresh materialized view concurrently public.trending_videos;
end;
$$;
comment on function public.admin_refresh_trending_videos(uuid) is 'Admin: refreshes trending_videos concurrently (readers are not blocked).';
revoke execute on function public.admin_refresh_trending_videos(uuid) from public, anon, authenticated;
grant execute on function public.admin_refresh_trending_videos(uuid) to service_role;
