-- Admin API: approve, reject, flag, reopen, feature or unfeature many videos in one set-based statement, with an outcome per item.
create or replace function public.admin_moderate_videos(
  p_operator uuid,
  p_action text,
  p_items jsonb,
  p_reason text default null,
  p_note text default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_to text := case p_action when 'approve' then 'approved' when 'reject' then 'rejected' when 'flag' then 'flagged' when 'reopen' then 'pending' end;
  v_batch uuid := pg_catalog.gen_random_uuid();
  v_results jsonb;
  v_done integer;
begin
  perform private.moderation_require_operator(p_operator);
  if p_action is null or p_action not in ('approve', 'reject', 'flag', 'reopen', 'feature', 'unfeature') then
    raise exception 'Unknown action "%": use approve, reject, flag, reopen, feature or unfeature.', p_action using errcode = '22023';
  end if;
  if p_action = 'reject' and coalesce(pg_catalog.btrim(p_reason), '') = '' then
    raise exception 'A rejection needs a reason.' using errcode = '22023', hint = 'Pick a template or write the reason the submitter will see.';
  end if;
  perform private.moderation_check_text(p_reason, p_note);
  perform private.moderation_check_items(p_items);

  -- One set-based statement for the whole batch: judge every item against the row it names
  -- (locked, in id order, so concurrent batches cannot deadlock), change the ones that pass,
  -- settle their reports, drop their claims and write one audit row each.
  with items as (
    select distinct on (x.value->>'id') x.value->>'id' as id_text, x.ord,
           x.value ? 'expected_status' as has_status, x.value->>'expected_status' as expected_status,
           x.value ? 'expected_updated_at' as has_updated, x.value->>'expected_updated_at' as expected_updated_at
      from pg_catalog.jsonb_array_elements(p_items) with ordinality as x(value, ord)
     order by x.value->>'id', x.ord
  ), parsed as (
    select i.*, case when i.id_text ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then i.id_text::uuid end as id
      from items i
  ), locked as (
    select v.id, v.moderation_status, v.updated_at, v.is_featured, v.moderation_notes
      from public.videos v
     where v.id in (select p.id from parsed p where p.id is not null)
     order by v.id
       for update
  ), judged as (
    select p.ord, p.id_text, p.id, l.moderation_status, l.updated_at, l.is_featured, l.moderation_notes,
           case
             when p.id is null then 'invalid'
             when l.id is null then 'invalid'
             when (p.has_status and l.moderation_status is distinct from p.expected_status)
               or (p.has_updated and l.updated_at is distinct from p.expected_updated_at::timestamptz) then 'conflict'
             when p_action = 'feature' and l.moderation_status <> 'approved' then 'invalid'
             when p_action = 'feature' and l.is_featured then 'invalid'
             when p_action = 'unfeature' and not coalesce(l.is_featured, false) then 'invalid'
             when v_to is not null and not private.video_transition_allowed(l.moderation_status, v_to) then 'invalid'
             else 'ok'
           end as verdict,
           case
             when p.id is null then 'Not a video id.'
             when l.id is null then 'No such video.'
             when (p.has_status and l.moderation_status is distinct from p.expected_status)
               or (p.has_updated and l.updated_at is distinct from p.expected_updated_at::timestamptz)
               then pg_catalog.format('Changed since you loaded it: it is now %s.', l.moderation_status)
             when p_action = 'feature' and l.moderation_status <> 'approved' then 'Only approved videos can be featured.'
             when p_action = 'feature' and l.is_featured then 'Already featured.'
             when p_action = 'unfeature' and not coalesce(l.is_featured, false) then 'Not featured.'
             when v_to is not null and not private.video_transition_allowed(l.moderation_status, v_to)
               then pg_catalog.format('A %s video cannot be %s.', l.moderation_status,
                      case p_action when 'approve' then 'approved' when 'reject' then 'rejected' when 'flag' then 'flagged' else 'reopened' end)
           end as message
      from parsed p left join locked l on l.id = p.id
  ), changed as (
    update public.videos v
       set moderation_status = coalesce(v_to, v.moderation_status),
           is_featured = case p_action when 'feature' then true when 'unfeature' then false
                                       else coalesce(v.is_featured, false) and coalesce(v_to, v.moderation_status) = 'approved' end,
           moderation_notes = case when p_action = 'reject' then p_reason else v.moderation_notes end
      from judged j
     where j.verdict = 'ok' and v.id = j.id
    returning v.id, v.moderation_status, v.is_featured, v.updated_at
  ), settled as (
    -- Deciding on a video settles its reports: acted on when rejected, kept when approved.
    update public.reports r
       set status = case when p_action = 'reject' then 'resolved' else 'dismissed' end,
           resolved_by = p_operator, resolved_at = pg_catalog.now()
     where p_action in ('approve', 'reject') and r.status = 'open' and r.video_id in (select c.id from changed c)
    returning r.video_id, r.id
  ), unclaimed as (
    delete from public.moderation_claims cl
     where cl.target_type = 'video' and cl.target_id in (select c.id from changed c)
  ), audited as (
    insert into public.moderation_audit_log (operator_id, action, target_type, target_id, from_state, to_state, reason, note, details, batch_id)
    select p_operator, p_action, 'video', j.id, j.moderation_status, c.moderation_status, p_reason, p_note,
           pg_catalog.jsonb_build_object('from_featured', j.is_featured, 'to_featured', c.is_featured, 'from_notes', j.moderation_notes,
             'reports', coalesce((select pg_catalog.jsonb_agg(s.id) from settled s where s.video_id = j.id), '[]'::jsonb)),
           v_batch
      from judged j join changed c on c.id = j.id
    returning id, target_id
  )
  select coalesce(pg_catalog.jsonb_agg(
           case
             when c.id is not null then pg_catalog.jsonb_build_object('id', j.id, 'outcome', 'done', 'status', c.moderation_status,
               'is_featured', c.is_featured, 'updated_at', c.updated_at, 'audit_id', a.id)
             when j.verdict = 'conflict' then pg_catalog.jsonb_build_object('id', j.id, 'outcome', 'conflict', 'status', j.moderation_status,
               'updated_at', j.updated_at, 'message', j.message, 'last_change', private.moderation_last_change('video', j.id))
             else pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('id', coalesce(j.id::text, j.id_text), 'outcome', 'invalid',
               'status', j.moderation_status, 'message', j.message))
           end order by j.ord), '[]'::jsonb),
         count(c.id)::integer
    into v_results, v_done
    from judged j
    left join changed c on c.id = j.id
    left join audited a on a.target_id = j.id;

  return pg_catalog.jsonb_build_object('batch_id', v_batch, 'done', v_done, 'results', v_results);
end;
$$;
comment on function public.admin_moderate_videos(uuid, text, jsonb, text, text) is 'Admin: approve, reject (reason required), flag, reopen, feature or unfeature one or many videos in one transaction. Each item {id, expected_status | expected_updated_at} gets an outcome: done, conflict (changed since, with who and when) or invalid.';
revoke execute on function public.admin_moderate_videos(uuid, text, jsonb, text, text) from public, anon, authenticated;
grant execute on function public.admin_moderate_videos(uuid, text, jsonb, text, text) to service_role;
