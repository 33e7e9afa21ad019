-- Admin API: remove (soft delete, reports resolved) or keep (reports dismissed) reported comments, with an outcome per item.
create or replace function public.admin_moderate_comments(p_operator uuid, p_action text, p_items jsonb, p_note text default null)
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
  if p_action is null or p_action not in ('remove', 'keep') then
    raise exception 'Unknown action "%": use remove or keep.', p_action using errcode = '22023';
  end if;
  perform private.moderation_check_text(null, p_note);
  perform private.moderation_check_items(p_items);

  -- One set-based statement for the whole batch, as for videos: judge every item against the
  -- comment it names (locked, in id order, so concurrent batches cannot deadlock), remove or keep
  -- the ones that pass, settle their reports and drop their claims. An id listed twice, in any
  -- letter case or form, is judged once. A decision states what it was made on
  -- (expected_is_deleted): no blind writes. A comment a moderator kept, with nothing reported
  -- since, is a conflict for both actions (a remove that knows says expected_kept: true).
  -- Nobody decides on a comment they wrote or reported.
  with listed as (
    select x.value->>'id' as id_text, private.parse_uuid(x.value->>'id') as id, x.value as item, x.ord
      from pg_catalog.jsonb_array_elements(p_items) with ordinality as x(value, ord)
  ), items as (
    select distinct on (coalesce(l.id::text, l.id_text)) l.* from listed l order by coalesce(l.id::text, l.id_text), l.ord
  ), locked as (
    select c.id, c.is_deleted, c.deleted_at, c.kept_at
      from public.comments c
     where c.id in (select i.id from items i where i.id is not null)
     order by c.id
       for update
  ), open_reports as (
    -- Locked as well (after the comments, as every decision on comments does): a report another
    -- moderator settled while this call waited is seen as settled, not as this statement's
    -- snapshot had it.
    select r.comment_id from public.reports r
     where r.status = 'open' and r.comment_id in (select l.id from locked l)
     order by r.id
       for update
  ), judged as (
    select i.id_text, i.id, l.is_deleted, l.deleted_at, k.o[1] as verdict, k.o[2] as message
      from items i
      left join locked l on l.id = i.id
      cross join lateral (select private.moderation_own_item(p_operator, 'comment', l.id) as own,
                                 l.kept_at is not null and not exists (select 1 from open_reports o where o.comment_id = l.id) as kept) s
      cross join lateral (select case
        when i.id is null and i.id_text is not null then array['invalid', 'Not a comment id.']
        when l.id is null then array['invalid', 'No such comment.']
        when i.item ? 'expected_is_deleted' and l.is_deleted is distinct from (i.item->>'expected_is_deleted')::boolean
          then array['conflict', case when l.is_deleted then 'Already removed.' else 'Restored since you loaded it.' end]
        when p_action = 'remove' and l.is_deleted then array['invalid', 'Already removed.']
        when not (i.item ? 'expected_is_deleted') then array['invalid', 'State what you decided on: give the item its expected_is_deleted.']
        when s.own is not null then array['invalid', s.own]
        when s.kept and p_action = 'keep' then array['conflict', 'Already kept, and nothing was reported since.']
        when s.kept and not coalesce((i.item->>'expected_kept')::boolean, false)
          then array['conflict', 'A moderator kept it since you loaded it, and nothing was reported since.']
        else array['ok', null]
      end as o) k
  ), removed as (
    update public.comments c
       set is_deleted = true, deleted_at = pg_catalog.now()
      from judged j
     where p_action = 'remove' and j.verdict = 'ok' and c.id = j.id
  ), kept as (
    -- A kept comment can no longer be rewritten by its author (see the comments policies).
    update public.comments c
       set kept_at = pg_catalog.now()
      from judged j
     where p_action = 'keep' and j.verdict = 'ok' and c.id = j.id
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
  )
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', j.id, 'id_text', j.id_text, 'verdict', j.verdict, 'message', j.message, 'is_deleted', j.is_deleted,
           'deleted_at', j.deleted_at, 'reports', coalesce(s.ids, '[]'::jsonb), 'reports_closed', coalesce(s.n, 0)) order by j.id_text), '[]'::jsonb)
    into v_outcomes
    from judged j
    left join settled_per_comment s on s.comment_id = j.id;

  -- One audit row per decision, in id order, through the log's helper (no API role may write the log itself).
  select coalesce(pg_catalog.jsonb_object_agg(a.target_id::text, a.id), '{}'::jsonb) into v_audit_ids
    from private.record_moderation_audits(p_operator, v_batch, (
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'action', p_action || '_comment', 'target_type', 'comment', 'target_id', o->>'id',
               'from_state', case when (o->>'is_deleted')::boolean then 'removed' else 'visible' end,
               'to_state', case when p_action = 'remove' or (o->>'is_deleted')::boolean then 'removed' else 'visible' end,
               'note', p_note, 'details', pg_catalog.jsonb_build_object('reports', o->'reports', 'from_deleted_at', o->'deleted_at'))
             order by o->>'id_text')
        from pg_catalog.jsonb_array_elements(v_outcomes) o where o->>'verdict' = 'ok')) a;

  -- A separate statement, so a conflict lost to a concurrent decision names who made it.
  select coalesce(pg_catalog.jsonb_agg(
           case o->>'verdict'
             when 'ok' then pg_catalog.jsonb_build_object('id', o->'id', 'outcome', 'done', 'audit_id', v_audit_ids->(o->>'id'),
               'reports_closed', o->'reports_closed')
             when 'conflict' then pg_catalog.jsonb_build_object('id', o->'id', 'outcome', 'conflict', 'message', o->'message',
               'last_change', private.moderation_last_change('comment', (o->>'id')::uuid))
             else pg_catalog.jsonb_build_object('id', case when o->>'id' is null then o->'id_text' else o->'id' end, 'outcome', 'invalid', 'message', o->'message')
           end order by o->>'id_text'), '[]'::jsonb),
         count(*) filter (where o->>'verdict' = 'ok')::integer
    into v_results, v_done
    from pg_catalog.jsonb_array_elements(v_outcomes) o;

  return pg_catalog.jsonb_build_object('batch_id', v_batch, 'done', v_done, 'results', v_results);
end;
$$;
comment on function public.admin_moderate_comments(uuid, text, jsonb, text) is 'Admin (moderator): remove (soft delete, reports resolved) or keep (reports dismissed; the author can no longer edit it) one or many reported comments, with per-item outcomes. Each item {id, expected_is_deleted[, expected_kept]}; an item without its expected state, or on the operator''s own or reported comment, is invalid; keeping an already kept comment with nothing reported since is a conflict naming who kept it.';
revoke execute on function public.admin_moderate_comments(uuid, text, jsonb, text) from public, anon, authenticated;
grant execute on function public.admin_moderate_comments(uuid, text, jsonb, text) to service_role;
