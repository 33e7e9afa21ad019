-- Trigger function: keeps category_video_counts equal to the approved and pending videos of each category.
create or replace function private.maintain_category_video_counts()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'TRUNCATE' then
    delete from public.category_video_counts;
    return null;
  end if;
  -- Net deltas per category (an update that changes neither category nor status nets to zero and
  -- writes nothing), applied as row-level upserts in category order: concurrent writers add to the
  -- same row one after the other (never a lost update) and lock rows in the same order (no
  -- deadlock between two multi-category statements).
  -- Each transition table exists only for its operations: one branch per operation.
  if tg_op = 'INSERT' then
    insert into public.category_video_counts as c (category_id, approved, pending)
    select w.category_id, count(*) filter (where w.moderation_status = 'approved'), count(*) filter (where w.moderation_status = 'pending')
      from new_rows w where w.category_id is not null
     group by w.category_id having count(*) filter (where w.moderation_status in ('approved', 'pending')) > 0
     order by w.category_id
    on conflict (category_id) do update set approved = c.approved + excluded.approved, pending = c.pending + excluded.pending;
  elsif tg_op = 'DELETE' then
    insert into public.category_video_counts as c (category_id, approved, pending)
    select o.category_id, -count(*) filter (where o.moderation_status = 'approved'), -count(*) filter (where o.moderation_status = 'pending')
      from old_rows o where o.category_id is not null
     group by o.category_id having count(*) filter (where o.moderation_status in ('approved', 'pending')) > 0
     order by o.category_id
    on conflict (category_id) do update set approved = c.approved + excluded.approved, pending = c.pending + excluded.pending;
  else
    insert into public.category_video_counts as c (category_id, approved, pending)
    select m.category_id, sum(m.approved), sum(m.pending)
      from (select o.category_id, -(o.moderation_status = 'approved')::integer as approved, -(o.moderation_status = 'pending')::integer as pending
              from old_rows o where o.category_id is not null
            union all
            select w.category_id, (w.moderation_status = 'approved')::integer, (w.moderation_status = 'pending')::integer
              from new_rows w where w.category_id is not null) m
     group by m.category_id having sum(m.approved) <> 0 or sum(m.pending) <> 0
     order by m.category_id
    on conflict (category_id) do update set approved = c.approved + excluded.approved, pending = c.pending + excluded.pending;
  end if;
  return null;
end;
$$;
comment on function private.maintain_category_video_counts() is 'Trigger: keeps category_video_counts equal to the approved and pending videos of each category (net deltas, upserted in category order; security definer: submitters cannot write the counts themselves).';
revoke execute on function private.maintain_category_video_counts() from public, anon, authenticated, service_role;
