-- The plan's triggers: updated_at maintenance and comment vote counters.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create or replace function public.update_updated_at_column()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Strictly later than the previous value: updated_at doubles as the row's version for
  -- optimistic concurrency, and two updates within one clock tick must still differ.
  new.updated_at = greatest(pg_catalog.now(), old.updated_at + interval '1 microsecond');
  return new;
end;
$$;
comment on function public.update_updated_at_column() is 'Trigger: sets updated_at to now() on every update.';
revoke execute on function public.update_updated_at_column() from public, anon, authenticated;

create trigger update_videos_updated_at before update on public.videos
  for each row execute function public.update_updated_at_column();

create trigger update_users_updated_at before update on public.users
  for each row execute function public.update_updated_at_column();

create trigger update_video_contexts_updated_at before update on public.video_contexts
  for each row execute function public.update_updated_at_column();

-- fix: three more tables carry updated_at that the plan never maintained.
create trigger update_collections_updated_at before update on public.collections
  for each row execute function public.update_updated_at_column();

create trigger update_user_video_activity_updated_at before update on public.user_video_activity
  for each row execute function public.update_updated_at_column();

create trigger update_video_embeddings_updated_at before update on public.video_embeddings
  for each row execute function public.update_updated_at_column();

-- fix: security definer. The counter updates a comment row that belongs to someone else;
-- run as the voter, RLS ("users can edit own comments") would silently skip the update
-- and the counts would drift. The function touches nothing but the voted comment.
-- fix: a vote whose comment_id changes on update moves its count to the new comment.
create or replace function public.update_comment_vote_count()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    if old.vote_type = 'upvote' then
      update public.comments set upvotes = upvotes - 1 where id = old.comment_id;
    else
      update public.comments set downvotes = downvotes - 1 where id = old.comment_id;
    end if;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    if new.vote_type = 'upvote' then
      update public.comments set upvotes = upvotes + 1 where id = new.comment_id;
    else
      update public.comments set downvotes = downvotes + 1 where id = new.comment_id;
    end if;
  end if;
  return null;
end;
$$;
comment on function public.update_comment_vote_count() is 'Trigger: keeps comments.upvotes/downvotes equal to the votes in comment_votes.';
revoke execute on function public.update_comment_vote_count() from public, anon, authenticated;

create trigger comment_vote_count_trigger
  after insert or update or delete on public.comment_votes
  for each row execute function public.update_comment_vote_count();
