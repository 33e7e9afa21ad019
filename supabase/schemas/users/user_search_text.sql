-- Internal helper: the text a user search matches (username, display name, e-mail), lower-cased; the trigram index idx_users_search_trgm is built on this very expression.
create or replace function private.user_search_text(p_username text, p_display_name text, p_email text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select pg_catalog.lower(p_username || ' ' || coalesce(p_display_name, '') || ' ' || p_email)
$$;
comment on function private.user_search_text(text, text, text) is 'Internal: lower(username || display name || e-mail), the expression idx_users_search_trgm indexes and admin_user_page searches.';
revoke execute on function private.user_search_text(text, text, text) from public, anon, authenticated;
grant execute on function private.user_search_text(text, text, text) to service_role;
