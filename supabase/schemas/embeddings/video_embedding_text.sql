-- Internal helper: the text a video is embedded from (title, a newline, description).
create or replace function private.video_embedding_text(p_title text, p_description text)
returns text
language sql
immutable
set search_path = ''
as $$
  select pg_catalog.btrim(coalesce(p_title, '') || pg_catalog.chr(10) || coalesce(p_description, ''))
$$;
comment on function private.video_embedding_text(text, text) is 'The text a video is embedded from (recipe title_description): title, a newline, description.';
revoke execute on function private.video_embedding_text(text, text) from public, anon, authenticated;
grant execute on function private.video_embedding_text(text, text) to service_role;
