-- Trigger function: keeps videos.open_report_count equal to the open reports on each video.
create or replace function private.maintain_video_open_report_count()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.video_id is not null and old.status = 'open' then
    update public.videos set open_report_count = greatest(open_report_count - 1, 0) where id = old.video_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.video_id is not null and new.status = 'open' then
    update public.videos set open_report_count = open_report_count + 1 where id = new.video_id;
  end if;
  return null;
end;
$$;
comment on function private.maintain_video_open_report_count() is 'Trigger: keeps videos.open_report_count equal to the open reports on each video.';
revoke execute on function private.maintain_video_open_report_count() from public, anon, authenticated, service_role;
