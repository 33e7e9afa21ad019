-- Admin API: refreshes trending_videos concurrently (readers are not blocked).
create or replace function public.admin_refresh_trending_videos()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  refresh materialized view concurrently public.trending_videos;
end;
$$;
comment on function public.admin_refresh_trending_videos() is 'Admin: refreshes trending_videos concurrently (readers are not blocked).';
revoke execute on function public.admin_refresh_trending_videos() from public, anon, authenticated;
grant execute on function public.admin_refresh_trending_videos() to service_role;
