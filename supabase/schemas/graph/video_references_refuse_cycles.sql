-- Trigger function: refuses a prerequisite or sequel link that would close a cycle of its type, naming the path.
create or replace function private.video_references_refuse_cycles()
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
  v_path := private.reference_cycle_path(new.source_video_id, new.target_video_id, new.reference_type);
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
comment on function private.video_references_refuse_cycles() is 'Trigger: refuses a prerequisite or sequel link that would close a cycle of its type, naming the path.';
revoke execute on function private.video_references_refuse_cycles() from public, anon, authenticated, service_role;
