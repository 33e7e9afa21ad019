-- Admin API: creates or edits a rejection-reason template (deactivate instead of deleting, so past audit entries keep their meaning).
create or replace function public.admin_save_rejection_reason(
  p_operator uuid,
  p_label text, p_body text, p_id integer default null, p_display_order integer default 0, p_is_active boolean default true
)
returns public.rejection_reasons
language plpgsql
set search_path = ''
as $$
declare
  r public.rejection_reasons;
begin
  perform private.require_staff(p_operator, 'moderator');
  if coalesce(pg_catalog.btrim(p_label), '') = '' or char_length(p_label) > 80 then
    raise exception 'A template needs a label of 1 to 80 characters.' using errcode = '22023';
  end if;
  if coalesce(pg_catalog.btrim(p_body), '') = '' or char_length(p_body) > 2000 then
    raise exception 'A template needs a text of 1 to 2,000 characters.' using errcode = '22023';
  end if;
  if p_id is null then
    insert into public.rejection_reasons (label, body, display_order, is_active)
    values (pg_catalog.btrim(p_label), p_body, coalesce(p_display_order, 0), coalesce(p_is_active, true)) returning * into r;
  else
    update public.rejection_reasons
       set label = pg_catalog.btrim(p_label), body = p_body, display_order = coalesce(p_display_order, 0), is_active = coalesce(p_is_active, true)
     where id = p_id returning * into r;
    if not found then
      raise exception 'No template with id %.', p_id using errcode = 'P0002';
    end if;
  end if;
  return r;
exception when unique_violation then
  raise exception 'A template labelled "%" already exists.', pg_catalog.btrim(p_label) using errcode = '23505';
end;
$$;
comment on function public.admin_save_rejection_reason(uuid, text, text, integer, integer, boolean) is 'Admin: creates or edits a rejection-reason template (deactivate instead of deleting, so past audit entries keep their meaning).';
revoke execute on function public.admin_save_rejection_reason(uuid, text, text, integer, integer, boolean) from public, anon, authenticated;
grant execute on function public.admin_save_rejection_reason(uuid, text, text, integer, integer, boolean) to service_role;
