-- Admin API: remove (soft delete, reports resolved) or keep (reports dismissed) reported comments, with an outcome per item.
create or replace function public.admin_moderate_comments(p_operator uuid, p_action text, p_items jsonb, p_note text default null)
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
  if p_action is null or p_action not in ('remove', 'keep') then
    raise exception 'Unknown action "%": use remove or keep.', p_action using errcode = '22023';
  end if;
  perform private.moderation_check_text(null, p_note);
  perform private.moderation_check_items(p_items);

  -- One set-based statement for the whole batch, as for videos: judge every item against the
  -- comment it names (locked, in id order, so concurrent batches cannot deadlock), remove the
  -- ones that pass, settle their reports, drop their claims and write one audit row each.
  -- An id listed twice is judged once.
  with listed as (
    select x.value->>'id' as id_text, private.parse_uuid(x.value->>'id') as id, x.value as item, x.ord
      from pg_catalog.jsonb_array_elements(p_items) with ordinality as x(value, ord)
  ), items as (
    select distinct on (coalesce(l.id::text, l.id_text)) l.* from listed l order by coalesce(l.id::text, l.id_text), l.ord
  ), locked as (
    select c.id, c.is_deleted, c.deleted_at
      from public.comments c
     where c.id in (select i.id from items i where i.id is not null)
     order by c.id
       for update
  ), judged as (
    select i.id_text, i.id, l.is_deleted, l.deleted_at,
           case
             when i.id is null and i.id_text is not null then 'invalid'
             when l.id is null then 'invalid'
             when i.item ? 'expected_is_deleted' and l.is_deleted is distinct from (i.item->>'expected_is_deleted')::boolean then 'conflict'
             when p_action = 'remove' and l.is_deleted then 'invalid'
             else 'ok'
           end as verdict,
           case
             when i.id is null and i.id_text is not null then 'Not a comment id.'
             when l.id is null then 'No such comment.'
             when i.item ? 'expected_is_deleted' and l.is_deleted is distinct from (i.item->>'expected_is_deleted')::boolean
               then case when l.is_deleted then 'Already removed.' else 'Restored since you loaded it.' end
             when p_action = 'remove' and l.is_deleted then 'Already removed.'
           end as message
      from items i left join locked l on l.id = i.id
  ), removed as (
    update public.comments c
       set is_deleted = true, deleted_at = pg_catalog.now()
      from judged j
     where p_action = 'remove' and j.verdict = 'ok' and c.id = j.id
  ), settled as (
    -- Removing a comment resolves its reports (acted on); keeping it dismisses them.
    update public.reports r
       set status = case when p_action = 'remove' then 'resolved' else 'dismissed' end,
           resolved_by = p_operator, resolved_at = pg_catalog.now()
     where r.status = 'open' and r.comment_id in (select j.id from judged j where j.verdict = 'ok')
    returning r.comment_id, r.id
  ), settled_per_comment as (
    select s.comment_id, pg_catalog.jsonb_agg(s.id) as ids, count(*)::integer as n from settled s group by s.comment_id
  ), unclaimed as (
    delete from public.moderation_claims cl
     where cl.target_type = 'comment' and cl.target_id in (select j.id from judged j where j.verdict = 'ok')
  ), audited as (
    insert into public.moderation_audit_log (operator_id, action, target_type, target_id, from_state, to_state, note, details, batch_id)
    select p_operator, p_action || '_comment', 'comment', j.id,
           case when j.is_deleted then 'removed' else 'visible' end,
           case when p_action = 'remove' or j.is_deleted then 'removed' else 'visible' end,
           p_note, pg_catalog.jsonb_build_object('reports', coalesce(s.ids, '[]'::jsonb), 'from_deleted_at', j.deleted_at), v_batch
      from judged j left join settled_per_comment s on s.comment_id = j.id
     where j.verdict = 'ok'
     order by j.id_text
    returning id, target_id
  )
  select coalesce(pg_catalog.jsonb_agg(
           case j.verdict
             when 'ok' then pg_catalog.jsonb_build_object('id', j.id, 'outcome', 'done', 'audit_id', a.id, 'reports_closed', coalesce(s.n, 0))
             when 'conflict' then pg_catalog.jsonb_build_object('id', j.id, 'outcome', 'conflict', 'message', j.message,
               'last_change', private.moderation_last_change('comment', j.id))
             else pg_catalog.jsonb_build_object('id', coalesce(j.id::text, j.id_text), 'outcome', 'invalid', 'message', j.message)
           end order by j.id_text), '[]'::jsonb),
         count(a.id)::integer
    into v_results, v_done
    from judged j
    left join audited a on a.target_id = j.id
    left join settled_per_comment s on s.comment_id = j.id;

  return pg_catalog.jsonb_build_object('batch_id', v_batch, 'done', v_done, 'results', v_results);
end;
$$;
comment on function public.admin_moderate_comments(uuid, text, jsonb, text) is 'Admin: remove (soft delete, reports resolved) or keep (reports dismissed) one or many reported comments, with per-item outcomes.';
revoke execute on function public.admin_moderate_comments(uuid, text, jsonb, text) from public, anon, authenticated;
grant execute on function public.admin_moderate_comments(uuid, text, jsonb, text) to service_role;
