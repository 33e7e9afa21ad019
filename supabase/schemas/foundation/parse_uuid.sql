-- Internal helper: a uuid from text in any form Postgres accepts, or null instead of an error (for per-item outcomes).
create or replace function private.parse_uuid(p_text text)
returns uuid
language sql
immutable
set search_path = ''
as $$
  -- Exactly what uuid_in accepts: 32 hex digits, a hyphen allowed after any group of four
  -- (not after the last), optionally in braces. Checked first, so a bad id is an outcome of its
  -- item rather than an error that aborts the whole batch.
  select case when p_text ~* '^(\{[0-9a-f]{4}(-?[0-9a-f]{4}){7}\}|[0-9a-f]{4}(-?[0-9a-f]{4}){7})$' then p_text::uuid end
$$;
comment on function private.parse_uuid(text) is 'Internal: p_text as a uuid when it is one (any form Postgres accepts), else null.';
revoke execute on function private.parse_uuid(text) from public, anon, authenticated;
grant execute on function private.parse_uuid(text) to service_role;
