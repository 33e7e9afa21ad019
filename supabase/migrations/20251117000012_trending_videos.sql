-- The plan's trending_videos materialized view.
-- fix: `refresh materialized view concurrently` needs a unique index; the plan had none,
-- so its refresh statement failed. id is unique per row (grouped by v.id).
-- fix: an explicit column list instead of v.*: a materialized view cannot have RLS, and
-- moderation_notes and submitter ids are not public.
-- fix: only non-deleted comments count towards trending.
-- A hand-written migration, not a declaration: a materialized view holds data and indexes,
-- which `create or replace` cannot keep. Its refresh function, admin_refresh_trending_videos,
-- is declared in supabase/schemas/foundation/.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create materialized view public.trending_videos as
select
  v.id, v.platform, v.platform_id, v.url, v.title, v.description, v.thumbnail_url,
  v.duration_seconds, v.published_at, v.channel_name, v.channel_id, v.channel_url,
  v.view_count, v.like_count, v.category_id, v.is_featured, v.created_at,
  count(distinct c.id) as comment_count,
  count(distinct uva.user_id) as recent_view_count,
  (count(distinct c.id) * 0.3 + count(distinct uva.user_id) * 0.7) as trending_score
from public.videos v
left join public.comments c
  on v.id = c.video_id
 and c.created_at > now() - interval '7 days'
 and c.is_deleted = false
left join public.user_video_activity uva
  on v.id = uva.video_id
 and uva.last_watched_at > now() - interval '7 days'
where v.moderation_status = 'approved'
group by v.id
order by trending_score desc;
comment on materialized view public.trending_videos is 'Approved videos ranked by comments and views of the last 7 days; refresh with refresh materialized view concurrently.';

create unique index idx_trending_videos_id on public.trending_videos (id);
create index idx_trending_videos_score on public.trending_videos (trending_score desc);

revoke all on public.trending_videos from anon, authenticated;
grant select on public.trending_videos to anon, authenticated, service_role;
