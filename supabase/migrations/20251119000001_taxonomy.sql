-- Taxonomy: categories form a tree that can never loop, names unique regardless of case,
-- colours as hex, tags carry their usage count, versions for optimistic concurrency, and an
-- append-only audit of every taxonomy change. The admin API is in the next file.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

-- One append-only guard for every audit table (the moderation log used its own until now).
create function public.audit_log_is_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'The % table is append-only.', tg_table_name using errcode = '42501';
end;
$$;
comment on function public.audit_log_is_append_only() is 'Trigger: refuses every update, delete and truncate of an audit table.';
revoke execute on function public.audit_log_is_append_only() from public, anon, authenticated;

drop trigger moderation_audit_log_no_update_delete on public.moderation_audit_log;
drop trigger moderation_audit_log_no_truncate on public.moderation_audit_log;
create trigger moderation_audit_log_no_update_delete
  before update or delete on public.moderation_audit_log
  for each row execute function public.audit_log_is_append_only();
create trigger moderation_audit_log_no_truncate
  before truncate on public.moderation_audit_log
  for each statement execute function public.audit_log_is_append_only();
drop function public.moderation_audit_log_is_append_only();

-- Versions for optimistic concurrency: a rename states the version it was made on.
alter table public.categories add column updated_at timestamptz not null default now();
alter table public.tags add column updated_at timestamptz not null default now();
create trigger update_categories_updated_at before update on public.categories
  for each row execute function public.update_updated_at_column();
create trigger update_tags_updated_at before update on public.tags
  for each row execute function public.update_updated_at_column();

-- Names unique regardless of case ("Physics" and "physics" are one category).
create unique index idx_categories_name_lower on public.categories (lower(name));
create unique index idx_tags_name_lower on public.tags (lower(name));

-- Colours are #rrggbb (the plan said "hex color" without a rule). Categories are a small table:
-- validating at once is instant.
alter table public.categories add constraint color_hex check (color is null or color ~ '^#[0-9a-fA-F]{6}$') not valid;
-- squawk-ignore constraint-missing-not-valid
alter table public.categories validate constraint color_hex;

-- A category never becomes its own ancestor: checked exactly, at any depth.
create function public.categories_refuse_cycles()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_path text;
begin
  if new.parent_id is null then
    return new;
  end if;
  if new.parent_id = new.id then
    raise exception 'A category cannot be its own parent.' using errcode = '23514';
  end if;
  -- Walk up from the new parent; the existing tree is acyclic, so the walk ends.
  with recursive up(id, parent_id, path) as (
    select c.id, c.parent_id, c.name from public.categories c where c.id = new.parent_id
    union all
    select c.id, c.parent_id, c.name || ' > ' || up.path from up join public.categories c on c.id = up.parent_id
     where up.id <> new.id
  )
  select path into v_path from up where id = new.id limit 1;
  if found then
    raise exception 'Moving "%" under "%" would make it its own ancestor (% > %).',
      new.name, (select name from public.categories where id = new.parent_id), v_path, new.name
      using errcode = '23514', hint = 'Pick a parent outside this category''s subtree.';
  end if;
  return new;
end;
$$;
comment on function public.categories_refuse_cycles() is 'Trigger: refuses a parent that is the category itself or one of its descendants, naming the path.';
revoke execute on function public.categories_refuse_cycles() from public, anon, authenticated;

create trigger categories_refuse_cycles
  before insert or update of parent_id on public.categories
  for each row execute function public.categories_refuse_cycles();

-- The plan's "all" category is the catalogue's root filter: it stays.
create function public.categories_protect_all()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.slug = 'all' and (tg_op = 'DELETE' or new.slug <> 'all' or new.parent_id is not null) then
    raise exception 'The "All" category is built in: it cannot be deleted, re-slugged or moved.' using errcode = '23514';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
comment on function public.categories_protect_all() is 'Trigger: keeps the built-in "all" category (no delete, slug change or parent).';
revoke execute on function public.categories_protect_all() from public, anon, authenticated;

create trigger categories_protect_all
  before update or delete on public.categories
  for each row execute function public.categories_protect_all();

-- Tag usage, kept by statement-level triggers, so the tag table sorts by usage at any size.
alter table public.tags add column video_count integer not null default 0;
update public.tags t set video_count = s.n from (select tag_id, count(*)::integer as n from public.video_tags group by tag_id) s where s.tag_id = t.id;

create function public.maintain_tag_video_count()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('DELETE', 'UPDATE') then
    update public.tags t set video_count = t.video_count - d.k
      from (select o.tag_id, count(*)::integer as k from old_rows o group by 1) d where t.id = d.tag_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    update public.tags t set video_count = t.video_count + d.k
      from (select w.tag_id, count(*)::integer as k from new_rows w group by 1) d where t.id = d.tag_id;
  end if;
  return null;
end;
$$;
comment on function public.maintain_tag_video_count() is 'Trigger: keeps tags.video_count equal to the videos carrying each tag.';
revoke execute on function public.maintain_tag_video_count() from public, anon, authenticated;

create trigger tag_video_count_insert after insert on public.video_tags
  referencing new table as new_rows for each statement execute function public.maintain_tag_video_count();
create trigger tag_video_count_update after update on public.video_tags
  referencing old table as old_rows new table as new_rows for each statement execute function public.maintain_tag_video_count();
create trigger tag_video_count_delete after delete on public.video_tags
  referencing old table as old_rows for each statement execute function public.maintain_tag_video_count();

create index idx_tags_video_count on public.tags (video_count desc, id);
create index idx_tags_name_trgm on public.tags using gin (name extensions.gin_trgm_ops);
create index idx_categories_parent_order on public.categories (parent_id, display_order, id);

create table public.taxonomy_audit_log (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  operator_id uuid not null references public.users (id),
  action text not null,
  target_type text not null,
  target_id integer not null,
  before jsonb,
  after jsonb,
  details jsonb not null default '{}'::jsonb,

  constraint taxonomy_action_check check (action in (
    'create', 'update', 'move', 'delete', 'merge', 'delete_unused', 'bulk_tag')),
  constraint taxonomy_target_type_check check (target_type in ('category', 'tag'))
);
comment on table public.taxonomy_audit_log is 'Append-only record of every category and tag change: who, what, before and after.';

create index idx_taxonomy_audit_target on public.taxonomy_audit_log (target_type, target_id, id desc);
create index idx_taxonomy_audit_operator on public.taxonomy_audit_log (operator_id, occurred_at desc);

create trigger taxonomy_audit_log_no_update_delete
  before update or delete on public.taxonomy_audit_log
  for each row execute function public.audit_log_is_append_only();
create trigger taxonomy_audit_log_no_truncate
  before truncate on public.taxonomy_audit_log
  for each statement execute function public.audit_log_is_append_only();

alter table public.taxonomy_audit_log enable row level security;
revoke all on table public.taxonomy_audit_log from anon, authenticated;
grant select, insert on table public.taxonomy_audit_log to service_role;
