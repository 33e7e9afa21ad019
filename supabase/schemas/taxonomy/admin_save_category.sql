-- Admin API: creates or edits a category (slug from the name, case-insensitive unique name, #rrggbb colour), against the version it was loaded at.
create or replace function public.admin_save_category(
  p_operator uuid,
  p_name text,
  p_slug text default null,
  p_description text default null,
  p_icon text default null,
  p_color text default null,
  p_parent_id integer default null,
  p_id integer default null,
  p_expected_updated_at timestamptz default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  c public.categories;
  v_before jsonb;
  v_slug text := coalesce(nullif(pg_catalog.btrim(p_slug), ''), private.taxonomy_slugify(p_name));
  v_name text := pg_catalog.btrim(p_name);
begin
  perform private.require_staff(p_operator, 'curator');
  perform private.lock_category_tree();
  perform private.taxonomy_check_name_slug('category', p_name, v_slug);
  if p_color is not null and p_color !~ '^#[0-9a-fA-F]{6}$' then
    raise exception 'The colour "%" is not a hex colour.', p_color using errcode = '22023', hint = 'Use #rrggbb, e.g. #3450d6.';
  end if;
  if char_length(p_description) > 500 then
    raise exception 'Keep the description under 500 characters.' using errcode = '22023';
  end if;
  if char_length(p_icon) > 16 then
    raise exception 'The icon is an emoji or a short icon name (16 characters at most).' using errcode = '22023';
  end if;
  if p_parent_id is not null and not exists (select 1 from public.categories where id = p_parent_id) then
    raise exception 'No parent category with id %.', p_parent_id using errcode = '22023';
  end if;
  if exists (select 1 from public.categories where lower(name) = lower(v_name) and id is distinct from p_id) then
    raise exception 'A category named "%" already exists.', (select name from public.categories where lower(name) = lower(v_name) and id is distinct from p_id limit 1)
      using errcode = '23505', hint = 'Names are unique regardless of case.';
  end if;
  if exists (select 1 from public.categories where slug = v_slug and id is distinct from p_id) then
    raise exception 'The slug "%" is taken by another category.', v_slug using errcode = '23505', hint = 'Type another slug.';
  end if;

  if p_id is null then
    insert into public.categories (name, slug, description, icon, color, parent_id, display_order)
    values (v_name, v_slug, p_description, p_icon, p_color, p_parent_id,
            coalesce((select max(display_order) + 1 from public.categories where parent_id is not distinct from p_parent_id), 0))
    returning * into c;
    perform private.record_taxonomy_audit(p_operator, 'create', 'category', c.id, p_after => pg_catalog.to_jsonb(c));
  else
    select * into c from public.categories where id = p_id for update;
    if not found then
      raise exception 'No category with id %.', p_id using errcode = 'P0002';
    end if;
    if p_expected_updated_at is not null then
      perform private.require_version('category', c.id::text, c.updated_at, p_expected_updated_at,
        pg_catalog.format('The category "%s" changed since you opened it.', c.name), 'Reload it and make your change again.');
    end if;
    v_before := pg_catalog.to_jsonb(c);
    update public.categories
       set name = v_name, slug = v_slug, description = p_description, icon = p_icon, color = p_color,
           parent_id = p_parent_id,
           display_order = case when parent_id is distinct from p_parent_id
             then coalesce((select max(display_order) + 1 from public.categories where parent_id is not distinct from p_parent_id), 0)
             else display_order end
     where id = p_id returning * into c;
    perform private.record_taxonomy_audit(p_operator, 'update', 'category', c.id, v_before, pg_catalog.to_jsonb(c));
  end if;
  return pg_catalog.to_jsonb(c);
end;
$$;
comment on function public.admin_save_category(uuid, text, text, text, text, text, integer, integer, timestamptz) is 'Admin: creates or edits a category (slug derived from the name unless given; name unique regardless of case; colour #rrggbb; a parent inside its own subtree is refused). Edits state the version they were made on (PT409 when stale).';
revoke execute on function public.admin_save_category(uuid, text, text, text, text, text, integer, integer, timestamptz) from public, anon, authenticated;
grant execute on function public.admin_save_category(uuid, text, text, text, text, text, integer, integer, timestamptz) to service_role;
