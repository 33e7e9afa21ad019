-- Admin API: keeps a reported item and dismisses its open reports.
create or replace function public.admin_dismiss_reports(p_operator uuid, p_target_type text, p_target_id uuid, p_note text default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_reports uuid[];
  v_audit bigint;
begin
  perform private.moderation_require_operator(p_operator);
  perform private.moderation_check_text(null, p_note);
  if p_target_type is null or p_target_type not in ('video', 'comment', 'context') then
    raise exception 'Unknown target type "%".', p_target_type using errcode = '22023';
  end if;
  v_reports := private.moderation_close_reports(p_target_type, p_target_id, 'dismissed', p_operator);
  if pg_catalog.cardinality(v_reports) = 0 then
    raise exception 'No open reports on this item: another moderator may have handled them.' using errcode = 'PT409',
      detail = coalesce(private.moderation_last_change(p_target_type, p_target_id)::text, '');
  end if;
  v_audit := private.record_moderation_audit(p_operator, 'dismiss_reports', p_target_type, p_target_id, 'reported', 'kept', p_note => p_note,
    p_details => pg_catalog.jsonb_build_object('reports', v_reports));
  return pg_catalog.jsonb_build_object('dismissed', pg_catalog.cardinality(v_reports), 'audit_id', v_audit);
end;
$$;
comment on function public.admin_dismiss_reports(uuid, text, uuid, text) is 'Admin: keeps a reported item and dismisses its open reports.';
revoke execute on function public.admin_dismiss_reports(uuid, text, uuid, text) from public, anon, authenticated;
grant execute on function public.admin_dismiss_reports(uuid, text, uuid, text) to service_role;
