-- Internal helper: the activity-log domains an operator may read, from their staff roles.
create or replace function private.activity_domains(p_operator uuid)
returns text[]
language sql
stable
set search_path = ''
as $$
  -- admin: every log; moderator: moderation; curator: taxonomy and the graph. Staff changes,
  -- embedding backfills and applied migrations are admin business, as is the work that writes them.
  select coalesce(pg_catalog.array_agg(distinct d.domain order by d.domain), '{}')
    from private.staff_members() s
    cross join lateral pg_catalog.unnest(case s.role
      when 'admin' then array['embeddings', 'graph', 'migrations', 'moderation', 'staff', 'taxonomy']
      when 'moderator' then array['moderation']
      when 'curator' then array['graph', 'taxonomy']
    end) as d(domain)
   where s.user_id = p_operator
$$;
comment on function private.activity_domains(uuid) is 'Internal: the activity-log domains (embeddings, graph, migrations, moderation, staff, taxonomy) the operator''s staff roles let them read; empty for a non-staff user.';
revoke execute on function private.activity_domains(uuid) from public, anon, authenticated;
grant execute on function private.activity_domains(uuid) to service_role;
