-- Admin API: one keyset-paged feed over every audit log (moderation, taxonomy, graph, staff, embedding backfills), newest first.
create or replace function public.admin_activity(p_operator uuid, p_filters jsonb default '{}'::jsonb, p_limit integer default 100, p_cursor jsonb default null)
returns jsonb
language plpgsql
stable
set search_path = ''
-- The unfiltered feed keeps its cached plan (planning the five branches costs more than running
-- them); a filtered call is planned for its own filters (below).
set plan_cache_mode = auto
as $$
declare
  v_domains text[];
  v_domain text := nullif(p_filters ->> 'domain', '');
  v_action text := nullif(p_filters ->> 'action', '');
  v_q text := pg_catalog.lower(nullif(pg_catalog.btrim(p_filters ->> 'q'), ''));
  v_operator_filter uuid;
  v_from timestamptz;
  v_to timestamptz;
  v_at timestamptz;
  v_dom text;
  v_seq bigint;
  v_rows jsonb;
begin
  perform private.moderation_require_operator(p_operator);
  v_domains := private.activity_domains(p_operator);
  if pg_catalog.cardinality(v_domains) = 0 then
    raise exception '% is not staff: the activity log needs the moderator, curator or admin role.', (select u.username from public.users u where u.id = p_operator)
      using errcode = '42501', hint = 'Act as a staff member (Settings, Operator), or ask an admin to grant a role.';
  end if;
  perform private.check_page_size(p_limit, 1000);

  p_filters := coalesce(p_filters, '{}'::jsonb);
  perform private.activity_check_filters(p_filters, v_domains);
  if v_domain is not null then
    v_domains := array[v_domain];
  end if;
  v_operator_filter := private.parse_uuid(nullif(p_filters ->> 'operator_id', ''));
  v_from := nullif(p_filters ->> 'from', '')::timestamptz;
  v_to := nullif(p_filters ->> 'to', '')::timestamptz;

  -- A plan cached for every filter cannot use the operator's index when one is given, nor drop
  -- the branches of the logs left out: a filtered call is planned for its own values (until the
  -- function returns, which restores the setting above).
  if p_filters <> '{}'::jsonb then
    perform pg_catalog.set_config('plan_cache_mode', 'force_custom_plan', true);
  end if;

  -- The cursor: the sort keys (at desc, domain asc, key desc) of the last row of the page before.
  -- key is the log's id, zero-padded (text order = numeric order); parsed here, once.
  if p_cursor is not null then
    begin
      v_at := (p_cursor ->> 'at')::timestamptz;
      v_dom := p_cursor ->> 'domain';
      v_seq := (p_cursor ->> 'key')::bigint;
    exception when others then
      v_at := null;
    end;
    if v_at is null or v_dom is null or v_seq is null then
      raise exception 'The page cursor is not one this function gave.' using errcode = '22023', hint = 'Reload the list from its first page.';
    end if;
  end if;

  -- One keyset index scan per log, each on (occurred_at desc, id desc), each stopping after
  -- p_limit + 1 rows; the merge keeps the first p_limit + 1 of them.
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
  ), page as (
    select f.*,
           case when f.domain = 'graph' then private.parse_uuid(f.detail ->> 'source_video_id') end as source_uuid,
           case when f.domain = 'graph' then private.parse_uuid(f.detail ->> 'target_video_id') end as dest_uuid
      from (select f.* from feed f order by f.at desc, f.domain, f.key desc limit p_limit + 1) f
  )
  -- What each row was on, as a person reads it, and the console route that opens it: one
  -- primary-key lookup per row in the table its log points to.
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'at', p.at, 'domain', p.domain, 'key', p.key, 'action', p.action, 'operator_id', p.operator_id, 'operator', o.username,
           'target_type', p.target_type, 'target_id', p.target_id,
           'target', case
             when p.domain = 'moderation' and p.target_type = 'video' then v.title
             when p.domain = 'moderation' and p.target_type = 'comment' then 'Comment: ' || pg_catalog.left(c.content, 80)
             when p.domain = 'moderation' and p.target_type = 'context' then 'Context note: ' || pg_catalog.left(vc.content, 80)
             when p.domain = 'moderation' and p.target_type = 'user' then 'User ' || tu.username
             when p.domain = 'taxonomy' then pg_catalog.initcap(p.target_type) || ' ' || coalesce(p.detail ->> 'name', '#' || p.target_id)
             when p.domain = 'graph' then coalesce(gs.title, 'deleted video') || ' → ' || coalesce(p.detail ->> 'reference_type', 'link') || ' → '
                                          || coalesce(gt.title, 'deleted video')
             when p.domain = 'staff' then tu.username || ' · ' || (p.detail ->> 'role')
             when p.domain = 'embeddings' then pg_catalog.concat_ws(' · ', ej.model, ej.scope, ej.status, ej.done || '/' || ej.total)
           end,
           'href', case
             when p.domain = 'moderation' and p.target_type = 'video' then '#/video/' || v.id
             when p.domain = 'moderation' and p.target_type = 'comment' then '#/video/' || c.video_id
             when p.domain = 'moderation' and p.target_type = 'context' then '#/video/' || vc.video_id
             when p.domain = 'taxonomy' then '#/taxonomy'
             when p.domain = 'graph' then '#/graph/' || p.source_uuid
             when p.domain = 'embeddings' then '#/job/' || p.target_id
           end,
           'summary', p.summary)
         order by p.at desc, p.domain, p.key desc), '[]'::jsonb)
    into v_rows
    from page p
    join public.users o on o.id = p.operator_id
    left join public.videos v on p.domain = 'moderation' and p.target_type = 'video' and v.id = p.target_uuid
    left join public.comments c on p.domain = 'moderation' and p.target_type = 'comment' and c.id = p.target_uuid
    left join public.video_contexts vc on p.domain = 'moderation' and p.target_type = 'context' and vc.id = p.target_uuid
    left join public.users tu on p.target_type = 'user' and tu.id = p.target_uuid
    left join public.embedding_jobs ej on p.domain = 'embeddings' and ej.id = p.target_uuid
    left join public.videos gs on gs.id = p.source_uuid
    left join public.videos gt on gt.id = p.dest_uuid;

  return private.keyset_page(v_rows, p_limit, array['at', 'domain', 'key']);
end;
$$;
comment on function public.admin_activity(uuid, jsonb, integer, jsonb) is 'Admin: every audit log in one feed, newest first, keyset-paged ({rows, next_cursor}); filters {domain, action, operator_id, from, to, q}. Admins read every log, moderators the moderation log, curators taxonomy and graph.';
revoke execute on function public.admin_activity(uuid, jsonb, integer, jsonb) from public, anon, authenticated;
grant execute on function public.admin_activity(uuid, jsonb, integer, jsonb) to service_role;
