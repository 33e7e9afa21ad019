-- Trigger function: keeps video_status_counts equal to the number of videos per status.
create or replace function private.maintain_video_status_counts()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'TRUNCATE' then
    update public.video_status_counts set n = 0;
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    update public.video_status_counts c set n = c.n - d.k
      from (select o.moderation_status, count(*) as k from old_rows o group by 1) d
     where c.moderation_status = d.moderation_status;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    update public.video_status_counts c set n = c.n + d.k
      from (select w.moderation_status, count(*) as k from new_rows w group by 1) d
     where c.moderation_status = d.moderation_status;
  end if;
  return null;
end;
$$;
comment on function private.maintain_video_status_counts() is 'Trigger: keeps video_status_counts equal to the number of videos per status (security definer: submitters cannot write the counts themselves).';
revoke execute on function private.maintain_video_status_counts() from public, anon, authenticated, service_role;
