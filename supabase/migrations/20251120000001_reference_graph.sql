-- The reference graph: prerequisite and sequel links can never form a cycle (checked exactly,
-- at any depth: the plan's recursive query stopped at depth 5), other link types may; every
-- link change is audited; the admin API serves neighbourhoods, chains, learning paths,
-- CSV import (with a dry run, applied all-or-nothing) and link suggestions.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

-- Internal: the path target -> ... -> source along links of one type, if there is one (the link
-- source -> target would then close a cycle). Reachability visits each video once (union), so
-- it is linear in the videos reachable from target; the path is only rebuilt when one exists.
create function public.reference_cycle_path(p_source uuid, p_target uuid, p_type text)
returns uuid[]
language plpgsql
stable
set search_path = ''
as $$
declare
  v_reach jsonb;
  v_path uuid[] := array[p_source];
  v_node uuid := p_source;
  v_prev uuid;
begin
  -- The common case, a link that closes nothing, only asks whether source is reachable; the
  -- search stops as soon as it is found.
  if not exists (
    with recursive reach(id) as (
      select p_target
      union
      select e.target_video_id from reach r
        join public.video_references e on e.source_video_id = r.id and e.reference_type = p_type
    )
    select 1 from reach where id = p_source
  ) then
    return null;
  end if;
  with recursive reach(id) as (
    select p_target
    union
    select e.target_video_id from reach r
      join public.video_references e on e.source_video_id = r.id and e.reference_type = p_type
  )
  select pg_catalog.jsonb_object_agg(id::text, true) into v_reach from reach;
  -- Walk back from source to target inside the reachable set: every video in it but target
  -- was reached through a link from another one in it, and the graph is acyclic.
  while v_node <> p_target loop
    select e.source_video_id into v_prev
      from public.video_references e
     where e.target_video_id = v_node and e.reference_type = p_type and v_reach ? e.source_video_id::text
     limit 1;
    exit when v_prev is null;
    v_path := v_prev || v_path;
    v_node := v_prev;
  end loop;
  return v_path;
end;
$$;
comment on function public.reference_cycle_path(uuid, uuid, text) is 'Internal: the existing path target -> ... -> source along links of a type, or null. A new link source -> target closes a cycle exactly when it exists.';

create function public.video_references_refuse_cycles()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_path uuid[];
  v_titles text;
begin
  if new.reference_type not in ('prerequisite', 'sequel') then
    return new;
  end if;
  if tg_op = 'UPDATE' and new.source_video_id = old.source_video_id and new.target_video_id = old.target_video_id
     and new.reference_type = old.reference_type then
    return new;
  end if;
  -- Serialize checks of one type: two concurrent links could each be fine alone and close a
  -- cycle together.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('video_references:' || new.reference_type));
  v_path := public.reference_cycle_path(new.source_video_id, new.target_video_id, new.reference_type);
  if v_path is not null then
    select pg_catalog.string_agg('"' || v.title || '"', ' -> ' order by p.ord) into v_titles
      from unnest(v_path || new.target_video_id) with ordinality as p(id, ord) join public.videos v on v.id = p.id;
    raise exception 'This % link would close a cycle: %.', new.reference_type, v_titles
      using errcode = '23514', detail = pg_catalog.array_to_string(v_path || new.target_video_id, ','),
            hint = pg_catalog.format('%s links must never loop: remove a link on that path first, or use another type (e.g. related).', new.reference_type);
  end if;
  return new;
end;
$$;
comment on function public.video_references_refuse_cycles() is 'Trigger: refuses a prerequisite or sequel link that would close a cycle of its type, naming the path.';

do $grants$
begin
  revoke execute on function public.reference_cycle_path(uuid, uuid, text) from public, anon, authenticated;
  grant execute on function public.reference_cycle_path(uuid, uuid, text) to service_role;
  revoke execute on function public.video_references_refuse_cycles() from public, anon, authenticated;
end
$grants$;

create trigger video_references_refuse_cycles
  before insert or update on public.video_references
  for each row execute function public.video_references_refuse_cycles();

-- Lookups by type from either end (the cycle walk and the neighbourhood).
create index idx_video_references_type_source on public.video_references (reference_type, source_video_id);
create index idx_video_references_type_target on public.video_references (reference_type, target_video_id);

create table public.reference_audit_log (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  operator_id uuid not null references public.users (id),
  action text not null,
  reference_id uuid not null,
  before jsonb,
  after jsonb,
  batch_id uuid,
  constraint reference_audit_action_check check (action in ('create', 'update', 'delete', 'import'))
);
comment on table public.reference_audit_log is 'Append-only record of every link change between videos: who, what, before and after.';

create index idx_reference_audit_reference on public.reference_audit_log (reference_id, id desc);
create index idx_reference_audit_operator on public.reference_audit_log (operator_id, occurred_at desc);

create trigger reference_audit_log_no_update_delete
  before update or delete on public.reference_audit_log
  for each row execute function public.audit_log_is_append_only();
create trigger reference_audit_log_no_truncate
  before truncate on public.reference_audit_log
  for each statement execute function public.audit_log_is_append_only();

alter table public.reference_audit_log enable row level security;
revoke all on table public.reference_audit_log from anon, authenticated;
grant select, insert on table public.reference_audit_log to service_role;
