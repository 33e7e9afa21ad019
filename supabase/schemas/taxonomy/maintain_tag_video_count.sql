-- Trigger function: keeps tags.video_count equal to the videos carrying each tag.
create or replace function private.maintain_tag_video_count()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('DELETE', 'UPDATE') then
    update public.tags t set video_count = t.video_count - d.k
      from (select o.tag_id, count(*)::integer as k from old_rows o group by 1) d where t.id = d.tag_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    update public.tags t set video_count = t.video_count + d.k
      from (select w.tag_id, count(*)::integer as k from new_rows w group by 1) d where t.id = d.tag_id;
  end if;
  return null;
end;
$$;
comment on function private.maintain_tag_video_count() is 'Trigger: keeps tags.video_count equal to the videos carrying each tag.';
revoke execute on function private.maintain_tag_video_count() from public, anon, authenticated, service_role;
