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
-- Bulk work: its own time limit, over the 8 s PostgREST applies to service_role on Supabase.
set statement_timeout = '60s'
as $$
declare
  v_to text := case p_action when 'approve' then 'approved' when 'reject' then 'rejected' when 'flag' then 'flagged' when 'reopen' then 'pending' end;
  v_batch uuid := pg_catalog.gen_random_uuid();
  v_outcomes jsonb;
  v_audit_ids jsonb;
  v_results jsonb;
  v_done integer;
begin
  perform private.require_staff(p_operator, 'moderator');
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
  -- settle their reports and drop their claims. An id listed twice, in any letter case or form,
  -- is one item (its first listing). An item that would change something states what it was
  -- decided on (expected_status or expected_updated_at): no blind writes. Nobody decides on a
  -- video they submitted or reported.
  with listed as (
    select x.value->>'id' as id_text, private.parse_uuid(x.value->>'id') as id, x.value as item, x.ord
      from pg_catalog.jsonb_array_elements(p_items) with ordinality as x(value, ord)
  ), items as (
    select distinct on (coalesce(l.id::text, l.id_text)) l.id_text, l.id, l.ord,
           l.item ? 'expected_status' as has_status, l.item->>'expected_status' as expected_status,
           l.item ? 'expected_updated_at' as has_updated, l.item->>'expected_updated_at' as expected_updated_at
      from listed l
     order by coalesce(l.id::text, l.id_text), l.ord
  ), locked as (
    select v.id, v.moderation_status, v.updated_at, v.is_featured, v.moderation_notes
      from public.videos v
     where v.id in (select i.id from items i where i.id is not null)
     order by v.id
       for update
  ), judged as (
    select i.ord, i.id_text, i.id, l.moderation_status, l.updated_at, l.is_featured, l.moderation_notes, k.o[1] as verdict, k.o[2] as message
      from items i
      left join locked l on l.id = i.id
      cross join lateral (select private.moderation_own_item(p_operator, 'video', l.id) as own) s
      cross join lateral (select case
        when i.id is null then array['invalid', 'Not a video id.']
        when l.id is null then array['invalid', 'No such video.']
        when (i.has_status and l.moderation_status is distinct from i.expected_status)
          or (i.has_updated and l.updated_at is distinct from i.expected_updated_at::timestamptz)
          then array['conflict', pg_catalog.format('Changed since you loaded it: it is now %s.', l.moderation_status)]
        when p_action = 'feature' and l.moderation_status <> 'approved' then array['invalid', 'Only approved videos can be featured.']
        when p_action = 'feature' and l.is_featured then array['invalid', 'Already featured.']
        when p_action = 'unfeature' and not coalesce(l.is_featured, false) then array['invalid', 'Not featured.']
        when v_to is not null and not private.video_transition_allowed(l.moderation_status, v_to)
          then array['invalid', pg_catalog.format('A %s video cannot be %s.', l.moderation_status,
                 case p_action when 'approve' then 'approved' when 'reject' then 'rejected' when 'flag' then 'flagged' else 'reopened' end)]
        when not (i.has_status or i.has_updated)
          then array['invalid', 'State what you decided on: give the item its expected_status or expected_updated_at.']
        when s.own is not null then array['invalid', s.own]
        else array['ok', null]
      end as o) k
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
    returning r.video_id, r.id, r.reason
  ), settled_per_video as (
    -- Which reports a decision closed, and how many of each kind (what the moderator was told).
    select s.video_id, pg_catalog.jsonb_agg(s.id) as ids, pg_catalog.jsonb_object_agg(s.reason, s.n) as kinds
      from (select s.video_id, s.id, s.reason, count(*) over (partition by s.video_id, s.reason) as n from settled s) s
     group by s.video_id
  ), unclaimed as (
    delete from public.moderation_claims cl
     where cl.target_type = 'video' and cl.target_id in (select c.id from changed c)
  )
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
           'ord', j.ord, 'id', j.id, 'id_text', j.id_text, 'verdict', j.verdict, 'message', j.message, 'done', c.id is not null,
           'from_status', j.moderation_status, 'status', coalesce(c.moderation_status, j.moderation_status),
           'from_featured', j.is_featured, 'is_featured', c.is_featured, 'from_notes', j.moderation_notes,
           'updated_at', coalesce(c.updated_at, j.updated_at), 'reports', coalesce(s.ids, '[]'::jsonb),
           'closed_reports', coalesce(s.kinds, '{}'::jsonb))) order by j.ord), '[]'::jsonb)
    into v_outcomes
    from judged j
    left join changed c on c.id = j.id
    left join settled_per_video s on s.video_id = j.id;

  -- One audit row per change, through the log's helper (no API role may write the log itself).
  select coalesce(pg_catalog.jsonb_object_agg(a.target_id::text, a.id), '{}'::jsonb) into v_audit_ids
    from private.record_moderation_audits(p_operator, v_batch, (
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'action', p_action, 'target_type', 'video', 'target_id', o->>'id', 'from_state', o->>'from_status', 'to_state', o->>'status',
               'reason', p_reason, 'note', p_note,
               'details', pg_catalog.jsonb_build_object('from_featured', o->'from_featured', 'to_featured', o->'is_featured',
                 'from_notes', o->'from_notes', 'reports', o->'reports', 'closed_reports', o->'closed_reports')) order by (o->>'ord')::integer)
        from pg_catalog.jsonb_array_elements(v_outcomes) o where (o->>'done')::boolean)) a;

  -- A separate statement, so a conflict lost to a concurrent decision (committed while this call
  -- waited for the row lock) names who made it: the statement above read the audit log as it
  -- was when that statement began.
  select coalesce(pg_catalog.jsonb_agg(
           case
             when (o->>'done')::boolean then pg_catalog.jsonb_build_object('id', o->'id', 'outcome', 'done', 'status', o->'status',
               'is_featured', o->'is_featured', 'updated_at', o->'updated_at', 'audit_id', v_audit_ids->(o->>'id'),
               'closed_reports', o->'closed_reports')
             when o->>'verdict' = 'conflict' then pg_catalog.jsonb_build_object('id', o->'id', 'outcome', 'conflict', 'status', o->'status',
               'updated_at', o->'updated_at', 'message', o->'message', 'last_change', private.moderation_last_change('video', (o->>'id')::uuid))
             else pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('id', coalesce(o->'id', o->'id_text'), 'outcome', 'invalid',
               'status', o->'status', 'message', o->'message'))
           end order by (o->>'ord')::integer), '[]'::jsonb),
         count(*) filter (where (o->>'done')::boolean)::integer
    into v_results, v_done
    from pg_catalog.jsonb_array_elements(v_outcomes) o;

  return pg_catalog.jsonb_build_object('batch_id', v_batch, 'done', v_done, 'results', v_results);
end;
$$;
comment on function public.admin_moderate_videos(uuid, text, jsonb, text, text) is 'Admin (moderator): approve, reject (reason required), flag, reopen, feature or unfeature one or many videos in one transaction. Each item {id, expected_status | expected_updated_at} gets an outcome: done (with the open reports it closed, counted per reason, also in the audit details), conflict (changed since, with who and when) or invalid (including an item without its expected state, and a video the operator submitted or reported). Ids are one item whatever their letter case.';
revoke execute on function public.admin_moderate_videos(uuid, text, jsonb, text, text) from public, anon, authenticated;
grant execute on function public.admin_moderate_videos(uuid, text, jsonb, text, text) to service_role;
