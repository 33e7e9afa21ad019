-- Category usage counts: the triggers that keep category_video_counts (created two migrations
-- back) equal to the approved and pending videos of each category, then the counts of the videos
-- already there. The triggers are created first: creating them locks videos against writes
-- until this migration commits, so no video changes between the count and the first trigger run.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create trigger category_video_counts_insert after insert on public.videos
  referencing new table as new_rows for each statement execute function private.maintain_category_video_counts();
create trigger category_video_counts_update after update on public.videos
  referencing old table as old_rows new table as new_rows for each statement execute function private.maintain_category_video_counts();
create trigger category_video_counts_delete after delete on public.videos
  referencing old table as old_rows for each statement execute function private.maintain_category_video_counts();
create trigger category_video_counts_truncate after truncate on public.videos
  for each statement execute function private.maintain_category_video_counts();

insert into public.category_video_counts (category_id, approved, pending)
select v.category_id, count(*) filter (where v.moderation_status = 'approved'), count(*) filter (where v.moderation_status = 'pending')
  from public.videos v
 where v.category_id is not null
 group by v.category_id;
