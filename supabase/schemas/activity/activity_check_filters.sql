-- Internal helper: refuses activity-log filters that are not an object of known keys with valid values, or a log the operator's roles do not cover.
create or replace function private.activity_check_filters(p_filters jsonb, p_domains text[])
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  v_unknown text;
  v_domain text := nullif(p_filters ->> 'domain', '');
  v_from timestamptz;
  v_to timestamptz;
begin
  if pg_catalog.jsonb_typeof(p_filters) <> 'object' then
    raise exception 'The filters must be an object.' using errcode = '22023';
  end if;
  select k into v_unknown from pg_catalog.jsonb_object_keys(p_filters) k where k not in ('domain', 'action', 'operator_id', 'from', 'to', 'q') limit 1;
  if v_unknown is not null then
    raise exception 'Unknown filter "%".', v_unknown using errcode = '22023', hint = 'Filters: domain, action, operator_id, from, to, q.';
  end if;
  if v_domain is not null and v_domain not in ('moderation', 'taxonomy', 'graph', 'staff', 'embeddings', 'migrations') then
    raise exception 'Unknown domain "%".', v_domain using errcode = '22023', hint = 'Domains: moderation, taxonomy, graph, staff, embeddings, migrations.';
  end if;
  if v_domain is not null and not v_domain = any (p_domains) then
    raise exception 'Your staff roles do not cover the % log: you can read %.', v_domain, pg_catalog.array_to_string(p_domains, ', ')
      using errcode = '42501', hint = 'The moderation log needs the moderator role, taxonomy and graph the curator role, staff, embeddings and migrations admin.';
  end if;
  if nullif(p_filters ->> 'operator_id', '') is not null and private.parse_uuid(p_filters ->> 'operator_id') is null then
    raise exception 'The operator filter "%" is not a user id.', p_filters ->> 'operator_id' using errcode = '22023';
  end if;
  if pg_catalog.char_length(pg_catalog.btrim(p_filters ->> 'q')) > 200 then
    raise exception 'The search text is longer than 200 characters.' using errcode = '22023';
  end if;
  begin
    v_from := nullif(p_filters ->> 'from', '')::timestamptz;
    v_to := nullif(p_filters ->> 'to', '')::timestamptz;
  exception when others then
    raise exception 'The date range "%" to "%" is not two dates.', p_filters ->> 'from', p_filters ->> 'to'
      using errcode = '22023', hint = 'Give ISO dates, e.g. 2026-11-01 or 2026-11-01T12:00:00Z.';
  end;
  if v_from is not null and v_to is not null and v_to <= v_from then
    raise exception 'The date range ends (%) before it starts (%).', v_to, v_from using errcode = '22023';
  end if;
end;
$$;
comment on function private.activity_check_filters(jsonb, text[]) is 'Internal: refuses activity-log filters that are not an object of known keys (domain, action, operator_id, from, to, q) with valid values, or a domain the operator''s roles do not cover.';
revoke execute on function private.activity_check_filters(jsonb, text[]) from public, anon, authenticated;
grant execute on function private.activity_check_filters(jsonb, text[]) to service_role;
