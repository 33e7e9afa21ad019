-- Internal helper: refuses an empty, over-long or multi-line name and a slug outside [a-z0-9-].
create or replace function private.taxonomy_check_name_slug(p_kind text, p_name text, p_slug text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if coalesce(pg_catalog.btrim(p_name), '') = '' then
    raise exception 'Give the % a name.', p_kind using errcode = '22023';
  end if;
  if char_length(pg_catalog.btrim(p_name)) > 80 then
    raise exception 'Keep the % name under 80 characters.', p_kind using errcode = '22023';
  end if;
  -- One line: a line break or control character in a name breaks every list, log and export it appears in.
  if p_name ~ '[[:cntrl:]]' then
    raise exception 'A % name is one line of text: no line breaks, tabs or control characters.', p_kind using errcode = '22023';
  end if;
  if coalesce(p_slug, '') = '' then
    raise exception 'The name "%" gives no slug (it has no letters a–z or digits).', p_name
      using errcode = '22023', hint = 'Type a slug: lower-case letters, digits and hyphens.';
  end if;
  if p_slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$' then
    raise exception 'The slug "%" is not valid.', p_slug
      using errcode = '22023', hint = 'Use lower-case letters a–z, digits and single hyphens; no spaces or accents.';
  end if;
  if char_length(p_slug) > 80 then
    raise exception 'Keep the slug under 80 characters.' using errcode = '22023';
  end if;
end;
$$;
comment on function private.taxonomy_check_name_slug(text, text, text) is 'Internal: refuses an empty, over-long or multi-line name (control characters) and a slug outside [a-z0-9-].';
revoke execute on function private.taxonomy_check_name_slug(text, text, text) from public, anon, authenticated;
grant execute on function private.taxonomy_check_name_slug(text, text, text) to service_role;
