-- Admin API: one keyset-paged feed over every audit log (moderation, taxonomy, graph, staff, embedding backfills, applied migrations), newest first, as json.
create or replace function public.admin_activity(p_operator uuid, p_filters jsonb default '{}'::jsonb, p_limit integer default 100, p_cursor jsonb default null)
returns json
language plpgsql
stable
set search_path = ''
-- The unfiltered feed on its generic plan from a session's first call (planning the branches costs more than running them).
set plan_cache_mode = force_generic_plan
as $$
declare
  v_domains text[];
  v_domain text := nullif(p_filters ->> 'domain', '');
  v_action text := nullif(p_filters ->> 'action', '');
  v_q text := pg_catalog.lower(nullif(pg_catalog.btrim(p_filters ->> 'q'), ''));
  v_operator_filter uuid;
  v_from timestamptz; v_to timestamptz; v_at timestamptz; v_dom text; v_seq bigint;
  v_page json;
begin
  perform private.moderation_require_operator(p_operator);
  v_domains := private.activity_domains(p_operator);
  if pg_catalog.cardinality(v_domains) = 0 then
    raise exception '% is not staff: the activity log needs the moderator, curator or admin role.', (select u.username from public.users u where u.id = p_operator)
      using errcode = '42501', hint = 'Act as a staff member (Settings, Operator), or ask an admin to grant a role.';
  end if;
  perform private.check_page_size(p_limit, 1000);

  p_filters := coalesce(p_filters, '{}'::jsonb);
  if p_filters <> '{}'::jsonb then
    perform private.activity_check_filters(p_filters, v_domains);
  end if;
  if v_domain is not null then
    v_domains := array[v_domain];
  end if;
  v_operator_filter := private.parse_uuid(nullif(p_filters ->> 'operator_id', ''));
  v_from := nullif(p_filters ->> 'from', '')::timestamptz; -- checked above
  v_to := nullif(p_filters ->> 'to', '')::timestamptz;

  -- A filtered call is planned for its own values (the operator's index, only the logs asked for) until it returns.
  if p_filters <> '{}'::jsonb then
    perform pg_catalog.set_config('plan_cache_mode', 'force_custom_plan', true);
  end if;

  -- The cursor: the sort keys (at desc, domain asc, key desc: the log's id, zero-padded) of the last row before.
  select c.at, c.domain, c.seq into v_at, v_dom, v_seq from private.activity_cursor(p_cursor) c;

  -- One keyset index scan per log on (occurred_at desc, id desc), each stopping after p_limit + 1 rows; the merge keeps p_limit + 1.
  with feed as (
    (select a.occurred_at as at, 'moderation'::text as domain, pg_catalog.lpad(a.id::text, 19, '0') as key, a.action, a.operator_id,
            a.target_type, a.target_id::text as target_id, coalesce(a.reason, a.note) as summary, null::jsonb as detail, a.target_id as target_uuid
       from public.moderation_audit_log a
      where 'moderation' = any (v_domains)
        and a.occurred_at <= coalesce(v_at, 'infinity') and a.occurred_at >= coalesce(v_from, '-infinity') and a.occurred_at < coalesce(v_to, 'infinity')
        and (v_at is null or a.occurred_at < v_at or 'moderation' > v_dom or ('moderation' = v_dom and a.id < v_seq))
        and (v_operator_filter is null or a.operator_id = v_operator_filter)
        and (v_action is null or a.action = v_action)
        and (v_q is null
             or pg_catalog.strpos(pg_catalog.lower(pg_catalog.concat_ws(' ', a.action, a.target_type, a.target_id, a.reason, a.note)), v_q) > 0
             or exists (select 1 from public.users o where o.id = a.operator_id and pg_catalog.strpos(pg_catalog.lower(o.username), v_q) > 0)
             or (a.target_type = 'video' and exists (select 1 from public.videos v where v.id = a.target_id and pg_catalog.strpos(pg_catalog.lower(v.title), v_q) > 0)))
      order by a.occurred_at desc, a.id desc
      limit p_limit + 1)
    union all
    (select a.occurred_at, 'taxonomy', pg_catalog.lpad(a.id::text, 19, '0'), a.action, a.operator_id,
            a.target_type, a.target_id::text, null, coalesce(a.after, a.before), null::uuid
       from public.taxonomy_audit_log a
      where 'taxonomy' = any (v_domains)
        and a.occurred_at <= coalesce(v_at, 'infinity') and a.occurred_at >= coalesce(v_from, '-infinity') and a.occurred_at < coalesce(v_to, 'infinity')
        and (v_at is null or a.occurred_at < v_at or 'taxonomy' > v_dom or ('taxonomy' = v_dom and a.id < v_seq))
        and (v_operator_filter is null or a.operator_id = v_operator_filter)
        and (v_action is null or a.action = v_action)
        and (v_q is null
             or pg_catalog.strpos(pg_catalog.lower(pg_catalog.concat_ws(' ', a.action, a.target_type, a.target_id, a.before ->> 'name', a.after ->> 'name', a.details::text)), v_q) > 0
             or exists (select 1 from public.users o where o.id = a.operator_id and pg_catalog.strpos(pg_catalog.lower(o.username), v_q) > 0))
      order by a.occurred_at desc, a.id desc
      limit p_limit + 1)
    union all
    (select a.occurred_at, 'graph', pg_catalog.lpad(a.id::text, 19, '0'), a.action, a.operator_id,
            'reference', a.reference_id::text, coalesce(a.after, a.before) ->> 'note', coalesce(a.after, a.before), null::uuid
       from public.reference_audit_log a
      where 'graph' = any (v_domains)
        and a.occurred_at <= coalesce(v_at, 'infinity') and a.occurred_at >= coalesce(v_from, '-infinity') and a.occurred_at < coalesce(v_to, 'infinity')
        and (v_at is null or a.occurred_at < v_at or 'graph' > v_dom or ('graph' = v_dom and a.id < v_seq))
        and (v_operator_filter is null or a.operator_id = v_operator_filter)
        and (v_action is null or a.action = v_action)
        and (v_q is null
             or pg_catalog.strpos(pg_catalog.lower(pg_catalog.concat_ws(' ', a.action, a.reference_id, a.before::text, a.after::text)), v_q) > 0
             or exists (select 1 from public.users o where o.id = a.operator_id and pg_catalog.strpos(pg_catalog.lower(o.username), v_q) > 0))
      order by a.occurred_at desc, a.id desc
      limit p_limit + 1)
    union all
    (select a.occurred_at, 'staff', pg_catalog.lpad(a.id::text, 19, '0'), a.action, a.operator_id,
            'user', a.user_id::text, a.reason, pg_catalog.jsonb_build_object('role', a.role), a.user_id
       from public.staff_audit_log a
      where 'staff' = any (v_domains)
        and a.occurred_at <= coalesce(v_at, 'infinity') and a.occurred_at >= coalesce(v_from, '-infinity') and a.occurred_at < coalesce(v_to, 'infinity')
        and (v_at is null or a.occurred_at < v_at or 'staff' > v_dom or ('staff' = v_dom and a.id < v_seq))
        and (v_operator_filter is null or a.operator_id = v_operator_filter)
        and (v_action is null or a.action = v_action)
        and (v_q is null
             or pg_catalog.strpos(pg_catalog.lower(pg_catalog.concat_ws(' ', a.action, a.role, a.reason, a.user_id)), v_q) > 0
             or exists (select 1 from public.users o where o.id in (a.operator_id, a.user_id) and pg_catalog.strpos(pg_catalog.lower(o.username), v_q) > 0))
      order by a.occurred_at desc, a.id desc
      limit p_limit + 1)
    union all
    (select a.occurred_at, 'embeddings', pg_catalog.lpad(a.id::text, 19, '0'), a.action, a.operator_id,
            'job', a.job_id::text, null, a.details, a.job_id
       from public.embedding_audit_log a
      where 'embeddings' = any (v_domains)
        and a.occurred_at <= coalesce(v_at, 'infinity') and a.occurred_at >= coalesce(v_from, '-infinity') and a.occurred_at < coalesce(v_to, 'infinity')
        and (v_at is null or a.occurred_at < v_at or 'embeddings' > v_dom or ('embeddings' = v_dom and a.id < v_seq))
        and (v_operator_filter is null or a.operator_id = v_operator_filter)
        and (v_action is null or a.action = v_action)
        and (v_q is null
             or pg_catalog.strpos(pg_catalog.lower(pg_catalog.concat_ws(' ', a.action, a.job_id, a.details::text)), v_q) > 0
             or exists (select 1 from public.users o where o.id = a.operator_id and pg_catalog.strpos(pg_catalog.lower(o.username), v_q) > 0))
      order by a.occurred_at desc, a.id desc
      limit p_limit + 1)
    union all
    -- Migrations the console applied (supabase_migrations.console_applied): by an OS or console user, no operator id.
    (select c.applied_at, 'migrations', pg_catalog.lpad(c.version, 19, '0'), 'apply', null::uuid,
            'migration', c.version, null, pg_catalog.jsonb_build_object('applied_by', c.applied_by, 'name', h.name), null::uuid
       from supabase_migrations.console_applied c left join supabase_migrations.schema_migrations h on h.version = c.version
      where 'migrations' = any (v_domains) and v_operator_filter is null and (v_action is null or v_action = 'apply')
        and c.applied_at <= coalesce(v_at, 'infinity') and c.applied_at >= coalesce(v_from, '-infinity') and c.applied_at < coalesce(v_to, 'infinity')
        and (v_at is null or c.applied_at < v_at or 'migrations' > v_dom or ('migrations' = v_dom and c.version::bigint < v_seq))
        and (v_q is null or pg_catalog.strpos(pg_catalog.lower(pg_catalog.concat_ws(' ', 'apply', c.version, h.name, c.applied_by)), v_q) > 0)
      order by c.applied_at desc, c.version::bigint desc
      limit p_limit + 1)
  ), page as (
    -- A graph row's ends, as its log wrote them (a uuid's text form; anything else is no link).
    select f.*,
           case when f.domain = 'graph' and f.detail ->> 'source_video_id' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                then (f.detail ->> 'source_video_id')::uuid end as source_uuid,
           case when f.domain = 'graph' and f.detail ->> 'target_video_id' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                then (f.detail ->> 'target_video_id')::uuid end as dest_uuid
      from (select f.*, pg_catalog.row_number() over (order by f.at desc, f.domain, f.key desc) as n
              from (select f.* from feed f order by f.at desc, f.domain, f.key desc limit p_limit + 1) f) f
  ), named as materialized (
    -- What each row was on: one primary-key lookup per row whose log points to that table (a scalar subquery in
    -- its own case arm, never a join the planner could turn into a scan), run once per row (materialized).
    select p.*,
           -- ISO 8601 in the session's time zone, as json would write it (microseconds always).
           pg_catalog.to_char(p.at, 'YYYY-MM-DD"T"HH24:MI:SS.USTZH:TZM') as at_text,
           coalesce((select o.username from public.users o where o.id = p.operator_id), p.detail ->> 'applied_by') as operator,
           case when p.domain = 'moderation' and p.target_type = 'video'
                then (select v.title from public.videos v where v.id = p.target_uuid) end as video_title,
           case when p.domain = 'moderation' and p.target_type = 'comment'
                then (select pg_catalog.jsonb_build_object('video_id', c.video_id, 'content', pg_catalog.left(c.content, 80))
                        from public.comments c where c.id = p.target_uuid) end as comment,
           case when p.domain = 'moderation' and p.target_type = 'context'
                then (select pg_catalog.jsonb_build_object('video_id', vc.video_id, 'content', pg_catalog.left(vc.content, 80))
                        from public.video_contexts vc where vc.id = p.target_uuid) end as context,
           case when p.target_type = 'user' then (select tu.username from public.users tu where tu.id = p.target_uuid) end as target_user,
           case when p.domain = 'embeddings'
                then (select pg_catalog.concat_ws(' · ', ej.model, ej.scope, ej.status, ej.done || '/' || ej.total)
                        from public.embedding_jobs ej where ej.id = p.target_uuid) end as job,
           case when p.domain = 'graph' then (select gs.title from public.videos gs where gs.id = p.source_uuid) end as source_title,
           case when p.domain = 'graph' then (select gt.title from public.videos gt where gt.id = p.dest_uuid) end as dest_title
      from page p
  )
  -- The page in one pass: its first p_limit rows and, when one more came, its last row's cursor. json_object of two
  -- text arrays: json_build_object's type lookup for each of its 22 arguments on every row cost 2-3 times as much.
  select pg_catalog.json_build_object(
           'rows', coalesce(pg_catalog.json_agg(pg_catalog.json_object(
           array['at', 'domain', 'key', 'action', 'operator_id', 'operator', 'target_type', 'target_id', 'target', 'href', 'summary'],
           array[p.at_text, p.domain, p.key, p.action, p.operator_id::text, p.operator, p.target_type, p.target_id,
           case
             when p.domain = 'moderation' and p.target_type = 'video' then p.video_title
             when p.domain = 'moderation' and p.target_type = 'comment' then 'Comment: ' || (p.comment ->> 'content')
             when p.domain = 'moderation' and p.target_type = 'context' then 'Context note: ' || (p.context ->> 'content')
             when p.domain = 'moderation' and p.target_type = 'user' then 'User ' || p.target_user
             when p.domain = 'taxonomy' then pg_catalog.initcap(p.target_type) || ' ' || coalesce(p.detail ->> 'name', '#' || p.target_id)
             when p.domain = 'graph' then coalesce(p.source_title, 'deleted video') || ' → ' || coalesce(p.detail ->> 'reference_type', 'link') || ' → '
                                          || coalesce(p.dest_title, 'deleted video')
             when p.domain = 'staff' then p.target_user || ' · ' || (p.detail ->> 'role')
             when p.domain = 'embeddings' then p.job
             when p.domain = 'migrations' then p.target_id || ' ' || coalesce(p.detail ->> 'name', '')
           end,
           case
             when p.domain = 'moderation' and p.target_type = 'video' and p.video_title is not null then '#/video/' || p.target_uuid
             when p.domain = 'moderation' and p.target_type = 'comment' then '#/video/' || (p.comment ->> 'video_id')
             when p.domain = 'moderation' and p.target_type = 'context' then '#/video/' || (p.context ->> 'video_id')
             when p.domain = 'taxonomy' then '#/taxonomy'
             when p.domain = 'graph' then '#/graph/' || p.source_uuid
             when p.domain = 'embeddings' then '#/job/' || p.target_id
             when p.domain = 'migrations' then '#/migrations'
           end,
           p.summary])
         order by p.n) filter (where p.n <= p_limit), '[]'::json),
           'next_cursor', case when pg_catalog.max(p.n) > p_limit then pg_catalog.json_build_object(
             'at', pg_catalog.max(p.at_text) filter (where p.n = p_limit), 'domain', pg_catalog.max(p.domain) filter (where p.n = p_limit),
             'key', pg_catalog.max(p.key) filter (where p.n = p_limit)) end)
    into v_page
    from named p;
  return v_page;
end;
$$;
comment on function public.admin_activity(uuid, jsonb, integer, jsonb) is 'Admin: every audit log in one feed, newest first, keyset-paged ({rows, next_cursor}); filters {domain, action, operator_id, from, to, q}. Admins read every log (applied migrations too), moderators the moderation log, curators taxonomy and graph.';
revoke execute on function public.admin_activity(uuid, jsonb, integer, jsonb) from public, anon, authenticated;
grant execute on function public.admin_activity(uuid, jsonb, integer, jsonb) to service_role;
