-- Internal helper: refuses reasons over 2,000 and notes over 5,000 characters.
create or replace function private.moderation_check_text(p_reason text, p_note text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if char_length(p_reason) > 2000 then
    raise exception 'The reason is % characters long; the limit is 2,000.', char_length(p_reason) using errcode = '22001';
  end if;
  if char_length(p_note) > 5000 then
    raise exception 'The note is % characters long; the limit is 5,000.', char_length(p_note) using errcode = '22001';
  end if;
end;
$$;
comment on function private.moderation_check_text(text, text) is 'Internal: refuses reasons over 2,000 and notes over 5,000 characters.';
revoke execute on function private.moderation_check_text(text, text) from public, anon, authenticated;
grant execute on function private.moderation_check_text(text, text) to service_role;
