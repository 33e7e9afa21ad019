-- Admin API: creates or renames a tag (slug follows the name, case-insensitive unique name), against the version it was loaded at.
create or replace function public.admin_save_tag(
  p_operator uuid, p_name text, p_slug text default null, p_description text default null,
  p_id integer default null, p_expected_updated_at timestamptz default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  t public.tags;
  v_before jsonb;
  v_slug text := coalesce(nullif(pg_catalog.btrim(p_slug), ''), private.taxonomy_slugify(p_name));
  v_name text := pg_catalog.btrim(p_name);
begin
  perform private.require_staff(p_operator, 'curator');
  perform private.taxonomy_check_name_slug('tag', p_name, v_slug);
  if char_length(p_description) > 500 then
    raise exception 'Keep the description under 500 characters.' using errcode = '22023';
  end if;
  if exists (select 1 from public.tags where lower(name) = lower(v_name) and id is distinct from p_id) then
    raise exception 'A tag named "%" already exists.', (select name from public.tags where lower(name) = lower(v_name) and id is distinct from p_id limit 1)
      using errcode = '23505', hint = 'Names are unique regardless of case: merge the two instead.';
  end if;
  if exists (select 1 from public.tags where slug = v_slug and id is distinct from p_id) then
    raise exception 'The slug "%" is taken by the tag "%".', v_slug, (select name from public.tags where slug = v_slug limit 1)
      using errcode = '23505', hint = 'Rename differently, or merge the two tags.';
  end if;
  if p_id is null then
    insert into public.tags (name, slug, description) values (v_name, v_slug, p_description) returning * into t;
    perform private.record_taxonomy_audit(p_operator, 'create', 'tag', t.id, p_after => pg_catalog.to_jsonb(t));
  else
    select * into t from public.tags where id = p_id for update;
    if not found then
      raise exception 'No tag with id %.', p_id using errcode = 'P0002';
    end if;
    if p_expected_updated_at is not null then
      perform private.require_version('tag', t.id::text, t.updated_at, p_expected_updated_at,
        pg_catalog.format('The tag "%s" changed since you opened it.', t.name), 'Reload it and rename again.');
    end if;
    v_before := pg_catalog.to_jsonb(t);
    update public.tags set name = v_name, slug = v_slug, description = p_description where id = p_id returning * into t;
    perform private.record_taxonomy_audit(p_operator, 'update', 'tag', t.id, v_before, pg_catalog.to_jsonb(t));
  end if;
  return pg_catalog.to_jsonb(t);
end;
$$;
comment on function public.admin_save_tag(uuid, text, text, text, integer, timestamptz) is 'Admin: creates or renames a tag (the slug follows the name unless given; names unique regardless of case; clashes name the other tag). Renames state the version they were made on (PT409 when stale).';
revoke execute on function public.admin_save_tag(uuid, text, text, text, integer, timestamptz) from public, anon, authenticated;
grant execute on function public.admin_save_tag(uuid, text, text, text, integer, timestamptz) to service_role;
