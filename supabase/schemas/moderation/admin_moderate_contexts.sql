-- Admin API: approve or reject context notes (a rejected note is deleted and kept in the audit log), with an outcome per item.
create or replace function public.admin_moderate_contexts(p_operator uuid, p_action text, p_items jsonb, p_reason text default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_batch uuid := pg_catalog.gen_random_uuid();
  v_results jsonb;
  v_done integer;
begin
  perform private.moderation_require_operator(p_operator);
  if p_action is null or p_action not in ('approve', 'reject') then
    raise exception 'Unknown action "%": use approve or reject.', p_action using errcode = '22023';
  end if;
  if p_action = 'reject' and coalesce(pg_catalog.btrim(p_reason), '') = '' then
    raise exception 'A rejection needs a reason.' using errcode = '22023';
  end if;
  perform private.moderation_check_text(p_reason, null);
  perform private.moderation_check_items(p_items);

  -- One set-based statement for the whole batch, as for videos: judge every item against the
  -- note it names (locked, in id order), approve or delete the ones that pass, settle their
  -- reports and write one audit row each, holding the whole note so an undo can put it back.
  -- An id listed twice is judged once.
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
    select i.id_text, i.id, l.is_approved, l.note,
           case
             when i.id is null and i.id_text is not null then 'invalid'
             when l.id is null then 'conflict'
             when (i.item ? 'expected_is_approved' and l.is_approved is distinct from (i.item->>'expected_is_approved')::boolean)
               or (i.item ? 'expected_updated_at' and l.updated_at is distinct from (i.item->>'expected_updated_at')::timestamptz) then 'conflict'
             when p_action = 'approve' and l.is_approved then 'invalid'
             else 'ok'
           end as verdict,
           case
             when i.id is null and i.id_text is not null then 'Not a context note id.'
             when l.id is null then 'No such note: it may have been rejected already.'
             when (i.item ? 'expected_is_approved' and l.is_approved is distinct from (i.item->>'expected_is_approved')::boolean)
               or (i.item ? 'expected_updated_at' and l.updated_at is distinct from (i.item->>'expected_updated_at')::timestamptz)
               then 'Changed since you loaded it.'
             when p_action = 'approve' and l.is_approved then 'Already approved.'
           end as message
      from items i left join locked l on l.id = i.id
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
  ), audited as (
    insert into public.moderation_audit_log (operator_id, action, target_type, target_id, from_state, to_state, reason, details, batch_id)
    select p_operator, p_action || '_context', 'context', j.id,
           case when j.is_approved then 'approved' else 'unapproved' end,
           case when p_action = 'approve' then 'approved' else 'rejected' end,
           p_reason, pg_catalog.jsonb_build_object('reports', coalesce(s.ids, '[]'::jsonb), 'row', pg_catalog.to_jsonb(j.note)), v_batch
      from judged j left join settled_per_note s on s.context_id = j.id
     where j.verdict = 'ok'
     order by j.id_text
    returning id, target_id
  )
  select coalesce(pg_catalog.jsonb_agg(
           case j.verdict
             when 'ok' then pg_catalog.jsonb_build_object('id', j.id, 'outcome', 'done', 'audit_id', a.id)
             when 'conflict' then pg_catalog.jsonb_build_object('id', j.id, 'outcome', 'conflict', 'message', j.message,
               'last_change', private.moderation_last_change('context', j.id))
             else pg_catalog.jsonb_build_object('id', coalesce(j.id::text, j.id_text), 'outcome', 'invalid', 'message', j.message)
           end order by j.id_text), '[]'::jsonb),
         count(a.id)::integer
    into v_results, v_done
    from judged j
    left join audited a on a.target_id = j.id;

  return pg_catalog.jsonb_build_object('batch_id', v_batch, 'done', v_done, 'results', v_results);
end;
$$;
comment on function public.admin_moderate_contexts(uuid, text, jsonb, text) is 'Admin: approve or reject (reason required; the note is deleted and kept in the audit log) context notes, with per-item outcomes.';
revoke execute on function public.admin_moderate_contexts(uuid, text, jsonb, text) from public, anon, authenticated;
grant execute on function public.admin_moderate_contexts(uuid, text, jsonb, text) to service_role;
