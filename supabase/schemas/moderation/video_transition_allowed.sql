-- Internal helper: the moderation state machine, whether a video may move from one status to another.
create or replace function private.video_transition_allowed(p_from text, p_to text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select (p_from, p_to) in (
    ('pending', 'approved'), ('pending', 'rejected'), ('pending', 'flagged'),
    ('approved', 'flagged'), ('approved', 'rejected'),
    ('flagged', 'approved'), ('flagged', 'rejected'),
    ('rejected', 'pending')
  )
$$;
comment on function private.video_transition_allowed(text, text) is 'Whether a video may move from one moderation status to another: pending -> approved/rejected/flagged; approved -> flagged/rejected; flagged -> approved/rejected; rejected -> pending.';
revoke execute on function private.video_transition_allowed(text, text) from public, anon, authenticated;
grant execute on function private.video_transition_allowed(text, text) to service_role;
