-- The taxonomy admin API (service_role only): the category tree with usage counts, create /
-- edit / move / delete-with-reassignment of categories, the tag table, rename, delete, merge,
-- clean-up, bulk tagging, duplicate suggestions and the audit trail. Every change is one
-- transaction with its audit rows; edits state the version they were made on.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

-- Internal: a URL slug from a name ("Arts & Humanities" -> "arts-humanities").
create function public.taxonomy_slugify(p_name text)
returns text
language sql
immutable
set search_path = ''
as $$
  select pg_catalog.btrim(pg_catalog.regexp_replace(pg_catalog.lower(coalesce(p_name, '')), '[^a-z0-9]+', '-', 'g'), '-')
$$;
comment on function public.taxonomy_slugify(text) is 'Internal: lower-case letters and digits joined by hyphens, from a name.';

-- Internal: checks a name and a slug the way the form does, with messages that say how to fix them.
create function public.taxonomy_check_name_slug(p_kind text, p_name text, p_slug text)
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
comment on function public.taxonomy_check_name_slug(text, text, text) is 'Internal: refuses an empty or over-long name and a slug outside [a-z0-9-].';

-- Internal: who last changed a category or tag, for conflict messages.
create function public.taxonomy_last_change(p_target_type text, p_target_id integer)
returns text
language sql
stable
set search_path = ''
as $$
  select pg_catalog.format('%s did %s at %s', u.username, a.action, a.occurred_at)
    from public.taxonomy_audit_log a join public.users u on u.id = a.operator_id
   where a.target_type = p_target_type and a.target_id = p_target_id
   order by a.id desc limit 1
$$;
comment on function public.taxonomy_last_change(text, integer) is 'Internal: "who did what when" of the latest change to a category or tag.';

-- Internal: the ids of a category and all its descendants.
create function public.category_subtree(p_id integer)
returns setof integer
language sql
stable
set search_path = ''
as $$
  with recursive sub(id) as (
    select p_id
    union
    select c.id from public.categories c join sub on c.parent_id = sub.id
  )
  select id from sub
$$;
comment on function public.category_subtree(integer) is 'Internal: a category and every category below it.';

do $grants$
declare
  f text;
begin
  foreach f in array array[
    'public.taxonomy_slugify(text)', 'public.taxonomy_check_name_slug(text, text, text)',
    'public.taxonomy_last_change(text, integer)', 'public.category_subtree(integer)']
  loop
    execute pg_catalog.format('revoke execute on function %s from public, anon, authenticated', f);
    execute pg_catalog.format('grant execute on function %s to service_role', f);
  end loop;
end
$grants$;

------------------------------------------------------------------------------------------
-- Categories
------------------------------------------------------------------------------------------

create function public.admin_category_tree()
returns jsonb
language sql
stable
set search_path = ''
as $$
  with recursive own as (
    select v.category_id,
           count(*) filter (where v.moderation_status = 'approved') as approved,
           count(*) filter (where v.moderation_status = 'pending') as pending
      from public.videos v where v.category_id is not null group by v.category_id
  ), closure(ancestor, descendant) as (
    select c.id, c.id from public.categories c
    union all
    select cl.ancestor, c.id from closure cl join public.categories c on c.parent_id = cl.descendant
  ), total as (
    select cl.ancestor as id, sum(o.approved)::bigint as approved, sum(o.pending)::bigint as pending
      from closure cl join own o on o.category_id = cl.descendant group by cl.ancestor
  )
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', c.id, 'name', c.name, 'slug', c.slug, 'description', c.description, 'icon', c.icon, 'color', c.color,
           'parent_id', c.parent_id, 'display_order', c.display_order, 'updated_at', c.updated_at,
           'approved', coalesce(o.approved, 0), 'pending', coalesce(o.pending, 0),
           'approved_total', coalesce(t.approved, 0), 'pending_total', coalesce(t.pending, 0))
         order by c.parent_id nulls first, c.display_order, c.name), '[]'::jsonb)
    from public.categories c
    left join own o on o.category_id = c.id
    left join total t on t.id = c.id
$$;
comment on function public.admin_category_tree() is 'Admin: every category with its parent, order and usage (approved / pending videos, own and including descendants).';

create function public.admin_save_category(
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
  v_slug text := coalesce(nullif(pg_catalog.btrim(p_slug), ''), public.taxonomy_slugify(p_name));
  v_name text := pg_catalog.btrim(p_name);
begin
  perform public.moderation_require_operator(p_operator);
  perform public.taxonomy_check_name_slug('category', p_name, v_slug);
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
    insert into public.taxonomy_audit_log (operator_id, action, target_type, target_id, after)
    values (p_operator, 'create', 'category', c.id, pg_catalog.to_jsonb(c));
  else
    select * into c from public.categories where id = p_id for update;
    if not found then
      raise exception 'No category with id %.', p_id using errcode = 'P0002';
    end if;
    if p_expected_updated_at is not null and c.updated_at is distinct from p_expected_updated_at then
      raise exception 'The category "%" changed since you opened it.', c.name using errcode = 'PT409',
        detail = coalesce(public.taxonomy_last_change('category', c.id), 'changed outside the console'), hint = 'Reload it and make your change again.';
    end if;
    v_before := pg_catalog.to_jsonb(c);
    update public.categories
       set name = v_name, slug = v_slug, description = p_description, icon = p_icon, color = p_color,
           parent_id = p_parent_id,
           display_order = case when parent_id is distinct from p_parent_id
             then coalesce((select max(display_order) + 1 from public.categories where parent_id is not distinct from p_parent_id), 0)
             else display_order end
     where id = p_id returning * into c;
    insert into public.taxonomy_audit_log (operator_id, action, target_type, target_id, before, after)
    values (p_operator, 'update', 'category', c.id, v_before, pg_catalog.to_jsonb(c));
  end if;
  return pg_catalog.to_jsonb(c);
end;
$$;
comment on function public.admin_save_category(uuid, text, text, text, text, text, integer, integer, timestamptz) is 'Admin: creates or edits a category (slug derived from the name unless given; name unique regardless of case; colour #rrggbb; a parent inside its own subtree is refused). Edits state the version they were made on (PT409 when stale).';

create function public.admin_move_category(p_operator uuid, p_id integer, p_parent_id integer, p_position integer, p_expected_updated_at timestamptz default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  c public.categories;
  v_before jsonb;
  v_old_parent integer;
begin
  perform public.moderation_require_operator(p_operator);
  select * into c from public.categories where id = p_id for update;
  if not found then
    raise exception 'No category with id %.', p_id using errcode = 'P0002';
  end if;
  if p_expected_updated_at is not null and c.updated_at is distinct from p_expected_updated_at then
    raise exception 'The category "%" changed since you opened it.', c.name using errcode = 'PT409',
      detail = coalesce(public.taxonomy_last_change('category', c.id), 'changed outside the console');
  end if;
  if p_parent_id is not null and not exists (select 1 from public.categories where id = p_parent_id) then
    raise exception 'No parent category with id %.', p_parent_id using errcode = '22023';
  end if;
  v_before := pg_catalog.to_jsonb(c);
  v_old_parent := c.parent_id;
  -- The cycle trigger judges the new parent.
  update public.categories set parent_id = p_parent_id where id = p_id;
  -- Renumber the new siblings with the moved one at its position, then the old siblings.
  with ordered as (
    select s.id, pg_catalog.row_number() over (order by s.display_order, s.name) - 1 as pos
      from public.categories s where s.parent_id is not distinct from p_parent_id and s.id <> p_id
  )
  update public.categories s
     set display_order = case when o.pos < greatest(coalesce(p_position, 2147483647), 0) then o.pos else o.pos + 1 end
    from ordered o where s.id = o.id
     and s.display_order is distinct from case when o.pos < greatest(coalesce(p_position, 2147483647), 0) then o.pos else o.pos + 1 end;
  update public.categories set display_order = least(greatest(coalesce(p_position, 2147483647), 0),
         (select count(*) from public.categories s where s.parent_id is not distinct from p_parent_id and s.id <> p_id))
   where id = p_id
  returning * into c;
  if v_old_parent is distinct from p_parent_id then
    with ordered as (
      select s.id, pg_catalog.row_number() over (order by s.display_order, s.name) - 1 as pos
        from public.categories s where s.parent_id is not distinct from v_old_parent
    )
    update public.categories s set display_order = o.pos from ordered o where s.id = o.id and s.display_order <> o.pos;
  end if;
  insert into public.taxonomy_audit_log (operator_id, action, target_type, target_id, before, after)
  values (p_operator, 'move', 'category', c.id, v_before, pg_catalog.to_jsonb(c));
  return pg_catalog.to_jsonb(c);
end;
$$;
comment on function public.admin_move_category(uuid, integer, integer, integer, timestamptz) is 'Admin: moves a category under a new parent (or to the top) at a position among its siblings, renumbering both sibling lists; a move into its own subtree is refused with the path it would close.';

create function public.admin_delete_category(
  p_operator uuid, p_id integer, p_videos_to integer default null, p_children_to integer default null,
  p_expected_updated_at timestamptz default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  c public.categories;
  v_videos integer;
  v_children integer;
  v_children_to integer;
begin
  perform public.moderation_require_operator(p_operator);
  select * into c from public.categories where id = p_id for update;
  if not found then
    raise exception 'No category with id %.', p_id using errcode = 'P0002';
  end if;
  if c.slug = 'all' then
    raise exception 'The "All" category is built in and cannot be deleted.' using errcode = '23514';
  end if;
  if p_expected_updated_at is not null and c.updated_at is distinct from p_expected_updated_at then
    raise exception 'The category "%" changed since you opened it.', c.name using errcode = 'PT409',
      detail = coalesce(public.taxonomy_last_change('category', c.id), 'changed outside the console');
  end if;
  v_children_to := coalesce(p_children_to, c.parent_id);
  if p_videos_to is not null and (p_videos_to in (select public.category_subtree(p_id)) or not exists (select 1 from public.categories where id = p_videos_to)) then
    raise exception 'Move the videos to a category outside the one being deleted.' using errcode = '22023';
  end if;
  if p_children_to is not null and (p_children_to in (select public.category_subtree(p_id)) or not exists (select 1 from public.categories where id = p_children_to)) then
    raise exception 'Move the subcategories to a category outside the one being deleted.' using errcode = '22023';
  end if;
  update public.videos set category_id = p_videos_to where category_id = p_id;
  get diagnostics v_videos = row_count;
  update public.categories set parent_id = v_children_to,
         display_order = display_order + coalesce((select max(display_order) + 1 from public.categories where parent_id is not distinct from v_children_to), 0)
   where parent_id = p_id;
  get diagnostics v_children = row_count;
  delete from public.categories where id = p_id;
  insert into public.taxonomy_audit_log (operator_id, action, target_type, target_id, before, details)
  values (p_operator, 'delete', 'category', p_id, pg_catalog.to_jsonb(c),
          pg_catalog.jsonb_build_object('videos_moved', v_videos, 'videos_to', p_videos_to, 'children_moved', v_children, 'children_to', v_children_to));
  return pg_catalog.jsonb_build_object('deleted', p_id, 'videos_moved', v_videos, 'children_moved', v_children);
end;
$$;
comment on function public.admin_delete_category(uuid, integer, integer, integer, timestamptz) is 'Admin: deletes a category, moving its videos (to p_videos_to or no category) and its subcategories (to p_children_to or its parent) in the same transaction; the built-in "all" is refused.';

------------------------------------------------------------------------------------------
-- Tags
------------------------------------------------------------------------------------------

create function public.admin_tag_page(
  p_search text default null, p_sort text default 'name', p_limit integer default 100, p_cursor jsonb default null
)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_rows jsonb;
  v_count integer;
  v_last jsonb;
  v_total integer;
  v_q text := nullif(pg_catalog.btrim(p_search), '');
begin
  if p_limit is null or p_limit < 1 or p_limit > 1000 then
    raise exception 'The page size must be between 1 and 1,000.' using errcode = '22023';
  end if;
  if coalesce(p_sort, 'name') not in ('name', 'usage', 'newest') then
    raise exception 'Unknown sort "%": use name, usage or newest.', p_sort using errcode = '22023';
  end if;
  -- Ordered and limited first, then aggregated in the same order (no window over all tags).
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by
           case when p_sort = 'usage' then -x.video_count end, case when p_sort = 'newest' then x.created_at end desc,
           case when coalesce(p_sort, 'name') = 'name' then lower(x.name) end, x.id), '[]'::jsonb), count(*)::integer
    into v_rows, v_count
    from (
      select t.id, t.name, t.slug, t.description, t.video_count, t.created_at, t.updated_at
        from public.tags t
       where (v_q is null or t.name ilike ('%' || v_q || '%') or t.slug like ('%' || v_q || '%'))
         and (p_cursor is null
              or (coalesce(p_sort, 'name') = 'name' and (lower(t.name), t.id) > (p_cursor->>'key', (p_cursor->>'id')::integer))
              or (p_sort = 'usage' and (t.video_count < (p_cursor->>'key')::integer
                   or (t.video_count = (p_cursor->>'key')::integer and t.id > (p_cursor->>'id')::integer)))
              or (p_sort = 'newest' and (t.created_at < (p_cursor->>'key')::timestamptz
                   or (t.created_at = (p_cursor->>'key')::timestamptz and t.id > (p_cursor->>'id')::integer))))
       order by case when p_sort = 'usage' then -t.video_count end, case when p_sort = 'newest' then t.created_at end desc,
                case when coalesce(p_sort, 'name') = 'name' then lower(t.name) end, t.id
       limit p_limit + 1
    ) x;
  select count(*)::integer into v_total from public.tags t
   where v_q is null or t.name ilike ('%' || v_q || '%') or t.slug like ('%' || v_q || '%');
  v_last := case when v_count > p_limit then v_rows -> (p_limit - 1) end;
  if v_count > p_limit then v_rows := v_rows - p_limit; end if;
  return pg_catalog.jsonb_build_object('rows', v_rows, 'total', v_total, 'next_cursor', case when v_last is null then null else
    pg_catalog.jsonb_build_object('id', v_last->'id', 'key',
      case coalesce(p_sort, 'name') when 'usage' then v_last->'video_count' when 'newest' then v_last->'created_at' else to_jsonb(lower(v_last->>'name')) end) end);
end;
$$;
comment on function public.admin_tag_page(text, text, integer, jsonb) is 'Admin: a page of tags with their usage, searched by name or slug, sorted by name, usage or newest; keyset pagination.';

create function public.admin_save_tag(
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
  v_slug text := coalesce(nullif(pg_catalog.btrim(p_slug), ''), public.taxonomy_slugify(p_name));
  v_name text := pg_catalog.btrim(p_name);
begin
  perform public.moderation_require_operator(p_operator);
  perform public.taxonomy_check_name_slug('tag', p_name, v_slug);
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
    insert into public.taxonomy_audit_log (operator_id, action, target_type, target_id, after)
    values (p_operator, 'create', 'tag', t.id, pg_catalog.to_jsonb(t));
  else
    select * into t from public.tags where id = p_id for update;
    if not found then
      raise exception 'No tag with id %.', p_id using errcode = 'P0002';
    end if;
    if p_expected_updated_at is not null and t.updated_at is distinct from p_expected_updated_at then
      raise exception 'The tag "%" changed since you opened it.', t.name using errcode = 'PT409',
        detail = coalesce(public.taxonomy_last_change('tag', t.id), 'changed outside the console'), hint = 'Reload it and rename again.';
    end if;
    v_before := pg_catalog.to_jsonb(t);
    update public.tags set name = v_name, slug = v_slug, description = p_description where id = p_id returning * into t;
    insert into public.taxonomy_audit_log (operator_id, action, target_type, target_id, before, after)
    values (p_operator, 'update', 'tag', t.id, v_before, pg_catalog.to_jsonb(t));
  end if;
  return pg_catalog.to_jsonb(t);
end;
$$;
comment on function public.admin_save_tag(uuid, text, text, text, integer, timestamptz) is 'Admin: creates or renames a tag (the slug follows the name unless given; names unique regardless of case; clashes name the other tag). Renames state the version they were made on (PT409 when stale).';

create function public.admin_delete_tag(p_operator uuid, p_id integer, p_expected_updated_at timestamptz default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  t public.tags;
begin
  perform public.moderation_require_operator(p_operator);
  select * into t from public.tags where id = p_id for update;
  if not found then
    raise exception 'No tag with id %.', p_id using errcode = 'P0002';
  end if;
  if p_expected_updated_at is not null and t.updated_at is distinct from p_expected_updated_at then
    raise exception 'The tag "%" changed since you opened it.', t.name using errcode = 'PT409',
      detail = coalesce(public.taxonomy_last_change('tag', t.id), 'changed outside the console');
  end if;
  delete from public.tags where id = p_id;
  insert into public.taxonomy_audit_log (operator_id, action, target_type, target_id, before, details)
  values (p_operator, 'delete', 'tag', p_id, pg_catalog.to_jsonb(t), pg_catalog.jsonb_build_object('videos', t.video_count));
  return pg_catalog.jsonb_build_object('deleted', p_id, 'videos', t.video_count);
end;
$$;
comment on function public.admin_delete_tag(uuid, integer, timestamptz) is 'Admin: deletes a tag and removes it from its videos (their other tags stay).';

create function public.admin_merge_tags(p_operator uuid, p_source_ids integer[], p_target_id integer)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_target public.tags;
  v_sources jsonb;
  v_added integer;
  v_missing integer[];
begin
  perform public.moderation_require_operator(p_operator);
  if p_source_ids is null or pg_catalog.cardinality(p_source_ids) = 0 then
    raise exception 'Pick the tags to merge.' using errcode = '22023';
  end if;
  if p_target_id = any (p_source_ids) then
    raise exception 'A tag cannot be merged into itself.' using errcode = '22023', hint = 'Take the target out of the tags to merge.';
  end if;
  select * into v_target from public.tags where id = p_target_id for update;
  if not found then
    raise exception 'No target tag with id %.', p_target_id using errcode = 'P0002';
  end if;
  -- Lock the sources in id order; report any that are gone (merged or deleted meanwhile).
  perform 1 from public.tags where id = any (p_source_ids) order by id for update;
  v_missing := array(select s from unnest(p_source_ids) s where not exists (select 1 from public.tags where id = s));
  if pg_catalog.cardinality(v_missing) > 0 then
    raise exception 'Some tags to merge no longer exist (%).', pg_catalog.array_to_string(v_missing, ', ')
      using errcode = 'PT409', hint = 'Another curator may have merged or deleted them: reload the tags.';
  end if;
  select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', t.id, 'name', t.name, 'slug', t.slug, 'video_count', t.video_count) order by t.id)
    into v_sources from public.tags t where t.id = any (p_source_ids);

  -- Re-point every tagging to the target without duplicates, then drop the sources.
  insert into public.video_tags (video_id, tag_id)
  select distinct vt.video_id, p_target_id from public.video_tags vt where vt.tag_id = any (p_source_ids)
  on conflict do nothing;
  get diagnostics v_added = row_count;
  delete from public.tags where id = any (p_source_ids);

  insert into public.taxonomy_audit_log (operator_id, action, target_type, target_id, before, after, details)
  select p_operator, 'merge', 'tag', (s->>'id')::integer, s, pg_catalog.jsonb_build_object('merged_into', p_target_id, 'name', v_target.name), '{}'::jsonb
    from pg_catalog.jsonb_array_elements(v_sources) s;
  insert into public.taxonomy_audit_log (operator_id, action, target_type, target_id, before, after, details)
  select p_operator, 'merge', 'tag', p_target_id, pg_catalog.to_jsonb(v_target), pg_catalog.to_jsonb(t),
         pg_catalog.jsonb_build_object('merged', v_sources, 'videos_added', v_added)
    from public.tags t where t.id = p_target_id;
  return pg_catalog.jsonb_build_object('target', p_target_id, 'merged', pg_catalog.cardinality(p_source_ids), 'videos_added', v_added,
    'video_count', (select video_count from public.tags where id = p_target_id));
end;
$$;
comment on function public.admin_merge_tags(uuid, integer[], integer) is 'Admin: merges tags into a target in one transaction: every video of a source gets the target (no duplicates, its other tags untouched), then the sources are removed.';

create function public.admin_delete_unused_tags(p_operator uuid)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_deleted jsonb;
begin
  perform public.moderation_require_operator(p_operator);
  with gone as (
    delete from public.tags t where t.video_count = 0 and not exists (select 1 from public.video_tags vt where vt.tag_id = t.id)
    returning t.*
  ), audited as (
    insert into public.taxonomy_audit_log (operator_id, action, target_type, target_id, before)
    select p_operator, 'delete_unused', 'tag', g.id, pg_catalog.to_jsonb(g) from gone g
  )
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', g.id, 'name', g.name) order by g.name), '[]'::jsonb) into v_deleted from gone g;
  return pg_catalog.jsonb_build_object('deleted', v_deleted);
end;
$$;
comment on function public.admin_delete_unused_tags(uuid) is 'Admin: deletes every tag no video carries, and lists them.';

create function public.admin_tag_suggestions(p_limit integer default 50)
returns jsonb
language sql
stable
set search_path = ''
set pg_trgm.similarity_threshold = '0.5'
as $$
  with pairs as (
    -- Same slug once hyphens and a plural s are ignored ("machine-learning" ~ "machinelearnings").
    select a.id as a_id, b.id as b_id, 'same slug' as reason, 1.0::real as score
      from public.tags a join public.tags b
        on a.id < b.id
       and pg_catalog.regexp_replace(pg_catalog.regexp_replace(a.slug, '-', '', 'g'), 's$', '') = pg_catalog.regexp_replace(pg_catalog.regexp_replace(b.slug, '-', '', 'g'), 's$', '')
    union
    select a.id, b.id, 'similar name', extensions.similarity(a.name, b.name)
      from public.tags a join public.tags b on a.id < b.id and a.name operator(extensions.%) b.name
  ), best as (
    select distinct on (a_id, b_id) * from pairs order by a_id, b_id, score desc
  )
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'a', pg_catalog.jsonb_build_object('id', a.id, 'name', a.name, 'video_count', a.video_count),
           'b', pg_catalog.jsonb_build_object('id', b.id, 'name', b.name, 'video_count', b.video_count),
           'reason', p.reason, 'score', round(p.score::numeric, 2)) order by p.score desc, a.name), '[]'::jsonb)
    from (select * from best order by score desc limit least(greatest(coalesce(p_limit, 50), 1), 500)) p
    join public.tags a on a.id = p.a_id join public.tags b on b.id = p.b_id
$$;
comment on function public.admin_tag_suggestions(integer) is 'Admin: pairs of tags that look like duplicates (same slug ignoring hyphens and a plural s, or trigram-similar names), best first.';

------------------------------------------------------------------------------------------
-- Bulk tagging
------------------------------------------------------------------------------------------

create function public.admin_video_picker(
  p_search text default null, p_category_id integer default null, p_tag_id integer default null,
  p_status text default null, p_limit integer default 100, p_cursor jsonb default null
)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_rows jsonb;
  v_count integer;
  v_last jsonb;
begin
  if p_limit is null or p_limit < 1 or p_limit > 500 then
    raise exception 'The page size must be between 1 and 500.' using errcode = '22023';
  end if;
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.created_at desc, x.id desc), '[]'::jsonb), count(*)::integer into v_rows, v_count
    from (
      select v.id, v.title, v.moderation_status, v.category_id, c.name as category_name, v.created_at,
             coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', t.id, 'name', t.name) order by t.name)
                         from public.video_tags vt join public.tags t on t.id = vt.tag_id where vt.video_id = v.id), '[]'::jsonb) as tags
        from public.videos v left join public.categories c on c.id = v.category_id
       where (p_status is null or v.moderation_status = p_status)
         and (p_category_id is null or v.category_id = p_category_id)
         and (p_tag_id is null or exists (select 1 from public.video_tags vt where vt.video_id = v.id and vt.tag_id = p_tag_id))
         and (coalesce(pg_catalog.btrim(p_search), '') = ''
              or to_tsvector('english'::regconfig, v.title || ' ' || coalesce(v.description, '')) @@ plainto_tsquery('english'::regconfig, p_search))
         and (p_cursor is null or (v.created_at, v.id) < ((p_cursor->>'created_at')::timestamptz, (p_cursor->>'id')::uuid))
       order by v.created_at desc, v.id desc
       limit p_limit + 1
    ) x;
  v_last := case when v_count > p_limit then v_rows -> (p_limit - 1) end;
  if v_count > p_limit then v_rows := v_rows - p_limit; end if;
  return pg_catalog.jsonb_build_object('rows', v_rows, 'next_cursor', case when v_last is null then null
    else pg_catalog.jsonb_build_object('created_at', v_last->'created_at', 'id', v_last->'id') end);
end;
$$;
comment on function public.admin_video_picker(text, integer, integer, text, integer, jsonb) is 'Admin: videos filtered by text, category, tag and status (newest first, keyset pages), with their tags, for bulk tagging.';

create function public.admin_bulk_tag_videos(
  p_operator uuid, p_video_ids uuid[], p_add_tag_ids integer[] default '{}', p_remove_tag_ids integer[] default '{}',
  p_set_category boolean default false, p_category_id integer default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_found uuid[];
  v_added integer;
  v_removed integer;
  v_recategorised integer := 0;
  v_add integer[] := coalesce(p_add_tag_ids, '{}');
  v_remove integer[] := coalesce(p_remove_tag_ids, '{}');
begin
  perform public.moderation_require_operator(p_operator);
  if p_video_ids is null or pg_catalog.cardinality(p_video_ids) = 0 or pg_catalog.cardinality(p_video_ids) > 5000 then
    raise exception 'Pick between 1 and 5,000 videos.' using errcode = '22023';
  end if;
  if pg_catalog.cardinality(v_add) + pg_catalog.cardinality(v_remove) = 0 and not coalesce(p_set_category, false) then
    raise exception 'Nothing to do: pick tags to add or remove, or a category to set.' using errcode = '22023';
  end if;
  if v_add && v_remove then
    raise exception 'A tag cannot be added and removed at once.' using errcode = '22023';
  end if;
  if exists (select 1 from unnest(v_add || v_remove) t where not exists (select 1 from public.tags where id = t)) then
    raise exception 'Unknown tag in the selection: another curator may have merged or deleted it.' using errcode = 'PT409', hint = 'Reload the tags.';
  end if;
  if p_set_category and p_category_id is not null and not exists (select 1 from public.categories where id = p_category_id) then
    raise exception 'No category with id %.', p_category_id using errcode = '22023';
  end if;
  v_found := array(select v.id from public.videos v where v.id = any (p_video_ids) order by v.id for update);

  insert into public.video_tags (video_id, tag_id)
  select v, t from unnest(v_found) v cross join unnest(v_add) t
  on conflict do nothing;
  get diagnostics v_added = row_count;
  delete from public.video_tags where video_id = any (v_found) and tag_id = any (v_remove);
  get diagnostics v_removed = row_count;
  if p_set_category then
    update public.videos set category_id = p_category_id where id = any (v_found) and category_id is distinct from p_category_id;
    get diagnostics v_recategorised = row_count;
  end if;

  insert into public.taxonomy_audit_log (operator_id, action, target_type, target_id, details)
  select p_operator, 'bulk_tag', 'tag', t, pg_catalog.jsonb_build_object('op', 'add', 'videos', pg_catalog.cardinality(v_found)) from unnest(v_add) t
  union all
  select p_operator, 'bulk_tag', 'tag', t, pg_catalog.jsonb_build_object('op', 'remove', 'videos', pg_catalog.cardinality(v_found)) from unnest(v_remove) t
  union all
  select p_operator, 'bulk_tag', 'category', p_category_id, pg_catalog.jsonb_build_object('op', 'set_category', 'videos', v_recategorised)
   where p_set_category and p_category_id is not null;

  return pg_catalog.jsonb_build_object(
    'tags_added', v_added, 'tags_removed', v_removed, 'recategorised', v_recategorised,
    'results', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', i,
        'outcome', case when i = any (v_found) then 'done' else 'invalid' end,
        'message', case when i = any (v_found) then null else 'No such video (deleted meanwhile?).' end))
      from unnest(p_video_ids) i), '[]'::jsonb));
end;
$$;
comment on function public.admin_bulk_tag_videos(uuid, uuid[], integer[], integer[], boolean, integer) is 'Admin: adds and removes tags and optionally sets the category on many videos in one transaction, with an outcome per video.';

create function public.admin_taxonomy_audit(p_target_type text, p_target_id integer, p_limit integer default 50)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', a.id, 'at', a.occurred_at, 'operator', u.username, 'action', a.action, 'before', a.before, 'after', a.after, 'details', a.details)
         order by a.id desc), '[]'::jsonb)
    from (select * from public.taxonomy_audit_log where target_type = p_target_type and target_id = p_target_id
           order by id desc limit least(greatest(coalesce(p_limit, 50), 1), 500)) a
    join public.users u on u.id = a.operator_id
$$;
comment on function public.admin_taxonomy_audit(text, integer, integer) is 'Admin: the change history of one category or tag (who, what, before and after).';

do $grants$
declare
  f text;
begin
  foreach f in array array[
    'public.admin_category_tree()',
    'public.admin_save_category(uuid, text, text, text, text, text, integer, integer, timestamptz)',
    'public.admin_move_category(uuid, integer, integer, integer, timestamptz)',
    'public.admin_delete_category(uuid, integer, integer, integer, timestamptz)',
    'public.admin_tag_page(text, text, integer, jsonb)',
    'public.admin_save_tag(uuid, text, text, text, integer, timestamptz)',
    'public.admin_delete_tag(uuid, integer, timestamptz)',
    'public.admin_merge_tags(uuid, integer[], integer)',
    'public.admin_delete_unused_tags(uuid)',
    'public.admin_tag_suggestions(integer)',
    'public.admin_video_picker(text, integer, integer, text, integer, jsonb)',
    'public.admin_bulk_tag_videos(uuid, uuid[], integer[], integer[], boolean, integer)',
    'public.admin_taxonomy_audit(text, integer, integer)']
  loop
    execute pg_catalog.format('revoke execute on function %s from public, anon, authenticated', f);
    execute pg_catalog.format('grant execute on function %s to service_role', f);
  end loop;
end
$grants$;
