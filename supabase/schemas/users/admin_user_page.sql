-- Admin API: a page of users searched by name, username, e-mail or id, by username; keyset pagination.
create or replace function public.admin_user_page(p_operator uuid, p_search text default null, p_limit integer default 100, p_cursor jsonb default null)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_q text := nullif(pg_catalog.btrim(p_search), '');
  v_id uuid := private.parse_uuid(pg_catalog.btrim(p_search));
  v_pattern text;
  v_after text := p_cursor->>'username';
  v_rows jsonb;
begin
  perform private.require_staff(p_operator, 'moderator');
  perform private.check_page_size(p_limit, 500);
  if char_length(v_q) > 200 then
    raise exception 'The search is % characters long; the limit is 200.', char_length(v_q) using errcode = '22001';
  end if;
  if p_cursor is not null and (pg_catalog.jsonb_typeof(p_cursor) <> 'object' or v_after is null) then
    raise exception 'The cursor must be the next_cursor of the previous page ({"username": ...}).' using errcode = '22023';
  end if;
  -- LIKE's wildcards in the search are literal characters.
  v_pattern := '%' || pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.lower(v_q), '\', '\\'), '%', '\%'), '_', '\_') || '%';
  -- Usernames are unique: the username alone is the keyset. The search text is spelled exactly as
  -- idx_users_search_trgm's expression, so a rare match is a trigram index scan; a common one
  -- walks the username index, and the expression is cheap to test on each row (no function call).
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.username), '[]'::jsonb)
    into v_rows
    from (
      select u.id, u.username, u.display_name, u.email, coalesce(u.is_active, false) as is_active, u.created_at, u.last_login_at,
             coalesce((select pg_catalog.jsonb_agg(s.role order by s.role) from private.staff_members() s where s.user_id = u.id), '[]'::jsonb) as roles
        from public.users u
       where (v_q is null or (v_id is not null and u.id = v_id)
              or (v_id is null and pg_catalog.lower(u.username || ' ' || coalesce(u.display_name, '') || ' ' || u.email) like v_pattern))
         and (v_after is null or u.username > v_after)
       order by u.username
       limit p_limit + 1
    ) x;
  return private.keyset_page(v_rows, p_limit, array['username']);
end;
$$;
comment on function public.admin_user_page(uuid, text, integer, jsonb) is 'Admin (moderator): a page of users ({rows: [{id, username, display_name, email, is_active, created_at, last_login_at, roles}], next_cursor}) searched by username, display name, e-mail (substring) or exact id, by username; keyset pagination.';
revoke execute on function public.admin_user_page(uuid, text, integer, jsonb) from public, anon, authenticated;
grant execute on function public.admin_user_page(uuid, text, integer, jsonb) to service_role;
