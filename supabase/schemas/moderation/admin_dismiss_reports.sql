-- Admin API: keeps a reported item and dismisses its open reports.
create or replace function public.admin_dismiss_reports(p_operator uuid, p_target_type text, p_target_id uuid, p_note text default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_reports uuid[];
  v_audit bigint;
  v_own text;
begin
  perform private.require_staff(p_operator, 'moderator');
  perform private.moderation_check_text(null, p_note);
  if p_target_type is null or p_target_type not in ('video', 'comment', 'context') then
    raise exception 'Unknown target type "%".', p_target_type using errcode = '22023';
  end if;
  v_own := private.moderation_own_item(p_operator, p_target_type, p_target_id);
  if v_own is not null then
    raise exception '%', v_own using errcode = '42501', hint = 'Act as another moderator, or leave it to them.';
  end if;
  v_reports := private.moderation_close_reports(p_target_type, p_target_id, 'dismissed', p_operator);
  if pg_catalog.cardinality(v_reports) = 0 then
    -- Read in its own statement, after the reports' row locks: a dismissal that won a race is named.
    raise exception 'No open reports on this item: another moderator may have handled them.' using errcode = 'PT409',
      detail = coalesce(private.moderation_last_change(p_target_type, p_target_id)::text, '');
  end if;
  -- A kept comment can no longer be rewritten by its author (see the comments policies).
  if p_target_type = 'comment' then
    update public.comments set kept_at = pg_catalog.now() where id = p_target_id;
  end if;
  v_audit := private.record_moderation_audit(p_operator, 'dismiss_reports', p_target_type, p_target_id, 'reported', 'kept', p_note => p_note,
    p_details => pg_catalog.jsonb_build_object('reports', v_reports));
  return pg_catalog.jsonb_build_object('dismissed', pg_catalog.cardinality(v_reports), 'audit_id', v_audit);
end;
$$;
comment on function public.admin_dismiss_reports(uuid, text, uuid, text) is 'Admin (moderator): keeps a reported item and dismisses its open reports (a kept comment can no longer be edited by its author); refused for the operator''s own or reported item, and as a conflict naming who acted when no report is open any more.';
revoke execute on function public.admin_dismiss_reports(uuid, text, uuid, text) from public, anon, authenticated;
grant execute on function public.admin_dismiss_reports(uuid, text, uuid, text) to service_role;
