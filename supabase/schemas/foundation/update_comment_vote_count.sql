-- Trigger function: keeps comments.upvotes/downvotes equal to the votes in comment_votes.
create or replace function private.update_comment_vote_count()
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
comment on function private.update_comment_vote_count() is 'Trigger: keeps comments.upvotes/downvotes equal to the votes in comment_votes.';
revoke execute on function private.update_comment_vote_count() from public, anon, authenticated, service_role;
