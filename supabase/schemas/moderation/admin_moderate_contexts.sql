-- Admin API: approve or reject context notes (a rejected note is deleted and kept in the audit log), with an outcome per item.
create or replace function public.admin_moderate_contexts(p_operator uuid, p_action text, p_items jsonb, p_reason text default null)
returns jsonb
language plpgsql
set search_path = ''
-- Bulk work: its own time limit, over the 8 s PostgREST applies to service_role on Supabase.
set statement_timeout = '60s'
as $$
declare
  v_batch uuid := pg_catalog.gen_random_uuid();
  v_outcomes jsonb;
  v_audit_ids jsonb;
  v_results jsonb;
  v_done integer;
begin
  perform private.require_staff(p_operator, 'moderator');
  if p_action is null or p_action not in ('approve', 'reject') then
    raise exception 'Unknown action "%": use approve or reject.', p_action using errcode = '22023';
  end if;
  if p_action = 'reject' and coalesce(pg_catalog.btrim(p_reason), '') = '' then
    raise exception 'A rejection needs a reason.' using errcode = '22023';
  end if;
  perform private.moderation_check_text(p_reason, null);
  perform private.moderation_check_items(p_items);

  -- One set-based statement for the whole batch, as for videos: judge every item against the
  -- note it names (locked, in id order), approve or delete the ones that pass and settle their
  -- reports. An id listed twice, in any letter case or form, is judged once. A decision states
  -- what it was made on (expected_is_approved or expected_updated_at): no blind writes. Nobody
  -- decides on a note they wrote or reported.
  with listed as (
    select x.value->>'id' as id_text, private.parse_uuid(x.value->>'id') as id, x.value as item, x.ord
      from pg_catalog.jsonb_array_elements(p_items) with ordinality as x(value, ord)
  ), items as (
    select distinct on (coalesce(l.id::text, l.id_text)) l.* from listed l order by coalesce(l.id::text, l.id_text), l.ord
  ), locked as (
    select vc.id, vc.is_approved, vc.updated_at, vc as note
      from public.video_contexts vc
     where vc.id in (select i.id from items i where i.id is not null)
     order by vc.id
       for update
  ), judged as (
    select i.id_text, i.id, l.is_approved, l.note, k.o[1] as verdict, k.o[2] as message
      from items i
      left join locked l on l.id = i.id
      cross join lateral (select private.moderation_own_item(p_operator, 'context', l.id) as own) s
      cross join lateral (select case
        when i.id is null and i.id_text is not null then array['invalid', 'Not a context note id.']
        when l.id is null then array['conflict', 'No such note: it may have been rejected already.']
        when (i.item ? 'expected_is_approved' and l.is_approved is distinct from (i.item->>'expected_is_approved')::boolean)
          or (i.item ? 'expected_updated_at' and l.updated_at is distinct from (i.item->>'expected_updated_at')::timestamptz)
          then array['conflict', 'Changed since you loaded it.']
        when p_action = 'approve' and l.is_approved then array['invalid', 'Already approved.']
        when not (i.item ? 'expected_is_approved' or i.item ? 'expected_updated_at')
          then array['invalid', 'State what you decided on: give the item its expected_is_approved or expected_updated_at.']
        when s.own is not null then array['invalid', s.own]
        else array['ok', null]
      end as o) k
  ), approved as (
    update public.video_contexts vc
       set is_approved = true
      from judged j
     where p_action = 'approve' and j.verdict = 'ok' and vc.id = j.id
  ), settled as (
    -- Approving a note dismisses its reports (kept); rejecting resolves them (acted on).
    update public.reports r
       set status = case when p_action = 'approve' then 'dismissed' else 'resolved' end,
           resolved_by = p_operator, resolved_at = pg_catalog.now()
     where r.status = 'open' and r.context_id in (select j.id from judged j where j.verdict = 'ok')
    returning r.context_id, r.id
  ), settled_per_note as (
    select s.context_id, pg_catalog.jsonb_agg(s.id) as ids from settled s group by s.context_id
  ), rejected as (
    -- The note's reports go with it (on delete cascade), settled first as above.
    delete from public.video_contexts vc
     using judged j
     where p_action = 'reject' and j.verdict = 'ok' and vc.id = j.id
  )
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', j.id, 'id_text', j.id_text, 'verdict', j.verdict, 'message', j.message, 'is_approved', j.is_approved,
           'row', pg_catalog.to_jsonb(j.note), 'reports', coalesce(s.ids, '[]'::jsonb)) order by j.id_text), '[]'::jsonb)
    into v_outcomes
    from judged j
    left join settled_per_note s on s.context_id = j.id;

  -- One audit row per decision, holding the whole note so an undo can put it back, in id order,
  -- through the log's helper (no API role may write the log itself).
  select coalesce(pg_catalog.jsonb_object_agg(a.target_id::text, a.id), '{}'::jsonb) into v_audit_ids
    from private.record_moderation_audits(p_operator, v_batch, (
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'action', p_action || '_context', 'target_type', 'context', 'target_id', o->>'id',
               'from_state', case when (o->>'is_approved')::boolean then 'approved' else 'unapproved' end,
               'to_state', case when p_action = 'approve' then 'approved' else 'rejected' end,
               'reason', p_reason, 'details', pg_catalog.jsonb_build_object('reports', o->'reports', 'row', o->'row'))
             order by o->>'id_text')
        from pg_catalog.jsonb_array_elements(v_outcomes) o where o->>'verdict' = 'ok')) a;

  -- A separate statement, so a conflict lost to a concurrent decision names who made it.
  select coalesce(pg_catalog.jsonb_agg(
           case o->>'verdict'
             when 'ok' then pg_catalog.jsonb_build_object('id', o->'id', 'outcome', 'done', 'audit_id', v_audit_ids->(o->>'id'))
             when 'conflict' then pg_catalog.jsonb_build_object('id', o->'id', 'outcome', 'conflict', 'message', o->'message',
               'last_change', private.moderation_last_change('context', (o->>'id')::uuid))
             else pg_catalog.jsonb_build_object('id', case when o->>'id' is null then o->'id_text' else o->'id' end, 'outcome', 'invalid', 'message', o->'message')
           end order by o->>'id_text'), '[]'::jsonb),
         count(*) filter (where o->>'verdict' = 'ok')::integer
    into v_results, v_done
    from pg_catalog.jsonb_array_elements(v_outcomes) o;

  return pg_catalog.jsonb_build_object('batch_id', v_batch, 'done', v_done, 'results', v_results);
end;
$$;
comment on function public.admin_moderate_contexts(uuid, text, jsonb, text) is 'Admin (moderator): approve or reject (reason required; the note is deleted and kept in the audit log) context notes, with per-item outcomes. Each item {id, expected_is_approved | expected_updated_at}; an item without its expected state, or on the operator''s own or reported note, is invalid. Ids are one item whatever their letter case.';
revoke execute on function public.admin_moderate_contexts(uuid, text, jsonb, text) from public, anon, authenticated;
grant execute on function public.admin_moderate_contexts(uuid, text, jsonb, text) to service_role;
