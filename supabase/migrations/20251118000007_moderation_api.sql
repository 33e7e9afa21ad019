-- The moderation admin API (service_role only): queues, the review pane, actions with
-- optimistic concurrency and per-item outcomes, undo through the audit log, reports, claims,
-- rejection-reason templates and operators. Every action is one transaction with its audit rows.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

-- Internal: the acting operator must be an active user.
create function public.moderation_require_operator(p_operator uuid)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_operator is null then
    raise exception 'No operator: every moderation action records who took it.'
      using errcode = '22023', hint = 'Pick the operator for this connection profile in Settings.';
  end if;
  if not exists (select 1 from public.users u where u.id = p_operator and u.is_active) then
    raise exception 'The operator % is not an active user.', p_operator
      using errcode = '22023', hint = 'Pick an active user as the operator in Settings.';
  end if;
end;
$$;
comment on function public.moderation_require_operator(uuid) is 'Internal: raises unless the operator is an active user.';

-- Internal: checks the free-text fields of an action.
create function public.moderation_check_text(p_reason text, p_note text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if char_length(p_reason) > 2000 then
    raise exception 'The reason is % characters long; the limit is 2,000.', char_length(p_reason) using errcode = '22001';
  end if;
  if char_length(p_note) > 5000 then
    raise exception 'The note is % characters long; the limit is 5,000.', char_length(p_note) using errcode = '22001';
  end if;
end;
$$;
comment on function public.moderation_check_text(text, text) is 'Internal: refuses reasons over 2,000 and notes over 5,000 characters.';

-- Internal: the item list of a bulk call, validated.
create function public.moderation_check_items(p_items jsonb)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_items is null or pg_catalog.jsonb_typeof(p_items) <> 'array' or pg_catalog.jsonb_array_length(p_items) = 0 then
    raise exception 'No items: pass a non-empty array of {id, expected_…}.' using errcode = '22023';
  end if;
  if pg_catalog.jsonb_array_length(p_items) > 1000 then
    raise exception 'At most 1,000 items per call (got %).', pg_catalog.jsonb_array_length(p_items) using errcode = '22023';
  end if;
end;
$$;
comment on function public.moderation_check_items(jsonb) is 'Internal: refuses an empty or over-long item list.';

-- Internal: who last changed a target, for conflict messages.
create function public.moderation_last_change(p_target_type text, p_target_id uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select pg_catalog.jsonb_build_object(
    'audit_id', a.id, 'action', a.action, 'operator_id', a.operator_id, 'operator', u.username,
    'from_state', a.from_state, 'to_state', a.to_state, 'at', a.occurred_at)
    from public.moderation_audit_log a
    join public.users u on u.id = a.operator_id
   where a.target_type = p_target_type and a.target_id = p_target_id
   order by a.id desc
   limit 1
$$;
comment on function public.moderation_last_change(text, uuid) is 'Internal: the latest audit entry of a target (who changed it, when, how).';

-- Internal: closes the open reports on a target; returns the ids closed (kept for undo).
create function public.moderation_close_reports(p_target_type text, p_target_id uuid, p_status text, p_operator uuid)
returns uuid[]
language sql
set search_path = ''
as $$
  -- One predicate per target column, so each uses its index.
  with closed as (
    update public.reports r
       set status = p_status, resolved_by = p_operator, resolved_at = pg_catalog.now()
     where r.status = 'open'
       and ((p_target_type = 'video' and r.video_id = p_target_id)
         or (p_target_type = 'comment' and r.comment_id = p_target_id)
         or (p_target_type = 'context' and r.context_id = p_target_id))
    returning r.id)
  select coalesce(pg_catalog.array_agg(id), '{}') from closed
$$;
comment on function public.moderation_close_reports(text, uuid, text, uuid) is 'Internal: resolves or dismisses every open report on a target and returns their ids.';

-- Internal: reopens reports an action closed (used by undo).
create function public.moderation_reopen_reports(p_ids uuid[])
returns void
language sql
set search_path = ''
as $$
  update public.reports set status = 'open', resolved_by = null, resolved_at = null
   where id = any (p_ids) and status <> 'open'
$$;
comment on function public.moderation_reopen_reports(uuid[]) is 'Internal: reopens the given reports (undo of the action that closed them).';

do $grants$
declare
  f text;
begin
  foreach f in array array[
    'public.moderation_require_operator(uuid)', 'public.moderation_check_text(text, text)',
    'public.moderation_check_items(jsonb)', 'public.moderation_last_change(text, uuid)',
    'public.moderation_close_reports(text, uuid, text, uuid)', 'public.moderation_reopen_reports(uuid[])']
  loop
    execute pg_catalog.format('revoke execute on function %s from public, anon, authenticated', f);
    execute pg_catalog.format('grant execute on function %s to service_role', f);
  end loop;
end
$grants$;

------------------------------------------------------------------------------------------
-- Queues
------------------------------------------------------------------------------------------

create function public.admin_moderation_queue(
  p_queue text,
  p_sort text default 'oldest',
  p_limit integer default 50,
  p_cursor jsonb default null,
  p_filters jsonb default '{}'::jsonb
)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  f jsonb := coalesce(p_filters, '{}'::jsonb);
  v_where text := 'v.moderation_status = $1';
  v_keyset text := '';
  v_order text;
  v_rows jsonb;
  v_count integer;
  v_last jsonb;
begin
  if p_queue is null or p_queue not in ('pending', 'flagged') then
    raise exception 'Unknown queue "%": use pending or flagged.', p_queue using errcode = '22023';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 500 then
    raise exception 'The page size must be between 1 and 500.' using errcode = '22023';
  end if;

  if f ? 'category_id' then v_where := v_where || ' and v.category_id = ($2->>''category_id'')::integer'; end if;
  if f ? 'platform' then v_where := v_where || ' and v.platform = $2->>''platform'''; end if;
  if f ? 'submitter' then v_where := v_where || ' and v.submitted_by = ($2->>''submitter'')::uuid'; end if;
  if f ? 'min_age_days' then v_where := v_where || ' and v.created_at <= pg_catalog.now() - pg_catalog.make_interval(days => ($2->>''min_age_days'')::integer)'; end if;
  if f ? 'max_age_days' then v_where := v_where || ' and v.created_at >= pg_catalog.now() - pg_catalog.make_interval(days => ($2->>''max_age_days'')::integer)'; end if;
  if coalesce(f->>'q', '') <> '' then
    -- The plan's full-text expression, so idx_videos_search serves it.
    v_where := v_where || ' and to_tsvector(''english''::regconfig, v.title || '' '' || coalesce(v.description, '''')) @@ plainto_tsquery(''english''::regconfig, $2->>''q'')';
  end if;
  if coalesce((f->>'has_duplicates')::boolean, false) then
    v_where := v_where || ' and (exists (select 1 from public.videos d where d.platform_id = v.platform_id and d.id <> v.id)'
                        || ' or exists (select 1 from public.videos d where lower(d.title) = lower(v.title) and d.id <> v.id))';
  end if;

  case coalesce(p_sort, 'oldest')
    when 'oldest' then
      v_order := 'v.created_at asc, v.id asc';
      if p_cursor is not null then v_keyset := ' and (v.created_at, v.id) > (($3->>''created_at'')::timestamptz, ($3->>''id'')::uuid)'; end if;
    when 'newest' then
      v_order := 'v.created_at desc, v.id desc';
      if p_cursor is not null then v_keyset := ' and (v.created_at, v.id) < (($3->>''created_at'')::timestamptz, ($3->>''id'')::uuid)'; end if;
    when 'most_reported' then
      v_order := 'v.open_report_count desc, v.created_at asc, v.id asc';
      if p_cursor is not null then
        v_keyset := ' and (v.open_report_count < ($3->>''open_report_count'')::integer'
                 || ' or (v.open_report_count = ($3->>''open_report_count'')::integer'
                 || ' and (v.created_at, v.id) > (($3->>''created_at'')::timestamptz, ($3->>''id'')::uuid)))';
      end if;
    else
      raise exception 'Unknown sort "%": use oldest, newest or most_reported.', p_sort using errcode = '22023';
  end case;

  execute pg_catalog.format($q$
    select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r) order by %4$s), '[]'::jsonb), count(*)::integer
      from (
        select v.id, v.title, v.platform, v.platform_id, v.url, v.thumbnail_url, v.channel_name, v.duration_seconds,
               v.category_id, c.name as category_name, v.submitted_by, u.username as submitter_username,
               v.created_at, v.updated_at, v.moderation_status, v.is_featured, v.open_report_count,
               (select pg_catalog.jsonb_build_object('operator_id', cl.operator_id, 'operator', cu.username, 'expires_at', cl.expires_at)
                  from public.moderation_claims cl join public.users cu on cu.id = cl.operator_id
                 where cl.target_type = 'video' and cl.target_id = v.id and cl.expires_at > pg_catalog.now()) as claim,
               (exists (select 1 from public.videos d where d.platform_id = v.platform_id and d.id <> v.id)
                or exists (select 1 from public.videos d where lower(d.title) = lower(v.title) and d.id <> v.id)) as possible_duplicates
          from (select v.* from public.videos v where %1$s %2$s order by %3$s limit $4) v
          left join public.categories c on c.id = v.category_id
          left join public.users u on u.id = v.submitted_by
      ) r $q$, v_where, v_keyset, v_order, pg_catalog.replace(v_order, 'v.', 'r.'))
    into v_rows, v_count
    using p_queue, f, p_cursor, p_limit + 1;

  v_last := case when v_count > p_limit then v_rows -> (p_limit - 1) end;
  if v_count > p_limit then v_rows := v_rows - p_limit; end if;
  return pg_catalog.jsonb_build_object(
    'rows', v_rows,
    'next_cursor', case when v_last is null then null
      else pg_catalog.jsonb_build_object('created_at', v_last->'created_at', 'id', v_last->'id', 'open_report_count', v_last->'open_report_count') end);
end;
$$;
comment on function public.admin_moderation_queue(text, text, integer, jsonb, jsonb) is 'Admin: a page of the pending or flagged queue. Sorts: oldest (default), newest, most_reported. Filters: category_id, platform, submitter, min_age_days, max_age_days, q (full text), has_duplicates (same platform id or same title). Rows flag possible_duplicates the same way. Keyset pagination: pass next_cursor back as p_cursor.';

create function public.admin_moderation_counts(p_since timestamptz default null)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select pg_catalog.jsonb_build_object(
    'pending', (select n from public.video_status_counts where moderation_status = 'pending'),
    'flagged', (select n from public.video_status_counts where moderation_status = 'flagged'),
    'reports', (select count(distinct (target_type, coalesce(video_id, comment_id, context_id))) from public.reports where status = 'open'),
    'contexts', (select count(*) from public.video_contexts where not coalesce(is_approved, false)),
    'new_pending', case when p_since is null then 0 else
      (select count(*) from public.videos where moderation_status = 'pending' and created_at > p_since) end,
    'new_flagged', case when p_since is null then 0 else
      (select count(*) from public.videos where moderation_status = 'flagged' and updated_at > p_since) end,
    'at', pg_catalog.now())
$$;
comment on function public.admin_moderation_counts(timestamptz) is 'Admin: sizes of the four moderation queues, and how many items arrived since p_since.';

create function public.admin_report_queue(p_limit integer default 50, p_cursor jsonb default null)
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
  with grouped as (
    select r.target_type, coalesce(r.video_id, r.comment_id, r.context_id) as target_id,
           count(*)::integer as report_count,
           pg_catalog.array_agg(distinct r.reason) as reasons,
           min(r.created_at) as first_reported_at, max(r.created_at) as last_reported_at,
           pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('reason', r.reason, 'details', r.details, 'reporter', ru.username, 'at', r.created_at) order by r.created_at) as reports
      from public.reports r join public.users ru on ru.id = r.reporter_id
     where r.status = 'open'
     group by 1, 2
  ), page as (
    select g.* from grouped g
     where p_cursor is null
        or (g.report_count < (p_cursor->>'report_count')::integer)
        or (g.report_count = (p_cursor->>'report_count')::integer
            and (g.first_reported_at, g.target_id) > ((p_cursor->>'first_reported_at')::timestamptz, (p_cursor->>'target_id')::uuid))
     order by g.report_count desc, g.first_reported_at, g.target_id
     limit p_limit + 1
  )
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.report_count desc, x.first_reported_at, x.target_id), '[]'::jsonb), count(*)::integer
    into v_rows, v_count
    from (
      select p.*,
             case p.target_type
               when 'video' then (select pg_catalog.jsonb_build_object('title', v.title, 'status', v.moderation_status, 'url', v.url) from public.videos v where v.id = p.target_id)
               when 'comment' then (select pg_catalog.jsonb_build_object('content', c.content, 'is_deleted', c.is_deleted, 'author', u.username, 'video_title', v.title, 'video_id', v.id)
                                      from public.comments c join public.users u on u.id = c.user_id join public.videos v on v.id = c.video_id where c.id = p.target_id)
               else (select pg_catalog.jsonb_build_object('content', vc.content, 'context_type', vc.context_type, 'is_approved', vc.is_approved, 'video_title', v.title, 'video_id', v.id)
                       from public.video_contexts vc join public.videos v on v.id = vc.video_id where vc.id = p.target_id)
             end as target
        from page p
    ) x;
  v_last := case when v_count > p_limit then v_rows -> (p_limit - 1) end;
  if v_count > p_limit then v_rows := v_rows - p_limit; end if;
  return pg_catalog.jsonb_build_object('rows', v_rows, 'next_cursor', case when v_last is null then null
    else pg_catalog.jsonb_build_object('report_count', v_last->'report_count', 'first_reported_at', v_last->'first_reported_at', 'target_id', v_last->'target_id') end);
end;
$$;
comment on function public.admin_report_queue(integer, jsonb) is 'Admin: open reports grouped per target (video, comment, context note), most reported first, with their reasons.';

create function public.admin_context_queue(p_limit integer default 50, p_cursor jsonb default null)
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
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(x) order by x.created_at, x.id), '[]'::jsonb), count(*)::integer
    into v_rows, v_count
    from (
      select vc.id, vc.video_id, v.title as video_title, vc.context_type, vc.title, vc.content, vc.timestamp_seconds,
             vc.end_timestamp_seconds, vc.source_url, vc.is_ai_generated, vc.is_approved, vc.author_id, u.username as author,
             vc.created_at, vc.updated_at
        from public.video_contexts vc
        join public.videos v on v.id = vc.video_id
        left join public.users u on u.id = vc.author_id
       where not coalesce(vc.is_approved, false)
         and (p_cursor is null or (vc.created_at, vc.id) > ((p_cursor->>'created_at')::timestamptz, (p_cursor->>'id')::uuid))
       order by vc.created_at, vc.id
       limit p_limit + 1
    ) x;
  v_last := case when v_count > p_limit then v_rows -> (p_limit - 1) end;
  if v_count > p_limit then v_rows := v_rows - p_limit; end if;
  return pg_catalog.jsonb_build_object('rows', v_rows, 'next_cursor', case when v_last is null then null
    else pg_catalog.jsonb_build_object('created_at', v_last->'created_at', 'id', v_last->'id') end);
end;
$$;
comment on function public.admin_context_queue(integer, jsonb) is 'Admin: context notes waiting for approval, oldest first.';

------------------------------------------------------------------------------------------
-- Review pane
------------------------------------------------------------------------------------------

create function public.admin_video_review(p_video_id uuid)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v public.videos;
  v_embedding extensions.vector;
begin
  select * into v from public.videos where id = p_video_id;
  if not found then
    raise exception 'No video with id %.', p_video_id using errcode = 'P0002';
  end if;
  select e.embedding into v_embedding from public.video_embeddings e where e.video_id = v.id;

  return pg_catalog.jsonb_build_object(
    'video', pg_catalog.to_jsonb(v) || pg_catalog.jsonb_build_object(
      'category_name', (select c.name from public.categories c where c.id = v.category_id),
      'tags', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', t.id, 'name', t.name) order by t.name)
                          from public.video_tags vt join public.tags t on t.id = vt.tag_id where vt.video_id = v.id), '[]'::jsonb)),
    'submitter', (
      select pg_catalog.jsonb_build_object(
        'id', u.id, 'username', u.username, 'display_name', u.display_name, 'created_at', u.created_at, 'is_active', u.is_active,
        'approved', count(*) filter (where s.moderation_status = 'approved'),
        'rejected', count(*) filter (where s.moderation_status = 'rejected'),
        'pending', count(*) filter (where s.moderation_status = 'pending'),
        'flagged', count(*) filter (where s.moderation_status = 'flagged'))
        from public.users u left join public.videos s on s.submitted_by = u.id
       where u.id = v.submitted_by
       group by u.id),
    'timeline', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'id', a.id, 'action', a.action, 'operator', u.username, 'from_state', a.from_state, 'to_state', a.to_state,
               'reason', a.reason, 'note', a.note, 'at', a.occurred_at, 'undo_of', a.undo_of) order by a.id desc)
        from (select * from public.moderation_audit_log where target_type = 'video' and target_id = v.id order by id desc limit 50) a
        join public.users u on u.id = a.operator_id), '[]'::jsonb),
    'reports', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('reason', r.reason, 'details', r.details, 'reporter', u.username, 'at', r.created_at) order by r.created_at)
        from public.reports r join public.users u on u.id = r.reporter_id
       where r.video_id = v.id and r.status = 'open'), '[]'::jsonb),
    'duplicates', pg_catalog.jsonb_build_object(
      'same_platform_id', coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', d.id, 'title', d.title, 'url', d.url, 'platform', d.platform, 'status', d.moderation_status))
          from public.videos d where d.platform_id = v.platform_id and d.id <> v.id), '[]'::jsonb),
      'similar_titles', coalesce((
        select pg_catalog.jsonb_agg(x order by (x->>'similarity')::real desc)
          from (select pg_catalog.jsonb_build_object('id', d.id, 'title', d.title, 'url', d.url, 'status', d.moderation_status,
                                                     'similarity', round(extensions.similarity(d.title, v.title)::numeric, 3)) as x
                  from public.videos d
                 where d.title operator(extensions.%) v.title and d.id <> v.id
                 order by extensions.similarity(d.title, v.title) desc
                 limit 5) s), '[]'::jsonb),
      'nearest', case when v_embedding is null then null else coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', n.id, 'title', n.title, 'url', n.url, 'similarity', n.similarity) order by n.similarity desc)
          from (select d.id, d.title, d.url, round((1 - (e.embedding operator(extensions.<=>) v_embedding))::numeric, 3) as similarity
                  from public.video_embeddings e join public.videos d on d.id = e.video_id
                 where d.moderation_status = 'approved' and d.id <> v.id
                 order by e.embedding operator(extensions.<=>) v_embedding
                 limit 5) n), '[]'::jsonb) end),
    'claim', (
      select pg_catalog.jsonb_build_object('operator_id', cl.operator_id, 'operator', u.username, 'expires_at', cl.expires_at)
        from public.moderation_claims cl join public.users u on u.id = cl.operator_id
       where cl.target_type = 'video' and cl.target_id = v.id and cl.expires_at > pg_catalog.now()));
end;
$$;
alter function public.admin_video_review(uuid) set pg_trgm.similarity_threshold = '0.5';
comment on function public.admin_video_review(uuid) is 'Admin: everything needed to decide on a video: details, tags, submitter history, audit timeline, open reports, possible duplicates (same platform id, similar titles, nearest approved embeddings) and any claim.';

------------------------------------------------------------------------------------------
-- Actions
------------------------------------------------------------------------------------------

create function public.admin_moderate_videos(
  p_operator uuid,
  p_action text,
  p_items jsonb,
  p_reason text default null,
  p_note text default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_to text := case p_action when 'approve' then 'approved' when 'reject' then 'rejected' when 'flag' then 'flagged' when 'reopen' then 'pending' end;
  v_batch uuid := pg_catalog.gen_random_uuid();
  v_results jsonb;
  v_done integer;
begin
  perform public.moderation_require_operator(p_operator);
  if p_action is null or p_action not in ('approve', 'reject', 'flag', 'reopen', 'feature', 'unfeature') then
    raise exception 'Unknown action "%": use approve, reject, flag, reopen, feature or unfeature.', p_action using errcode = '22023';
  end if;
  if p_action = 'reject' and coalesce(pg_catalog.btrim(p_reason), '') = '' then
    raise exception 'A rejection needs a reason.' using errcode = '22023', hint = 'Pick a template or write the reason the submitter will see.';
  end if;
  perform public.moderation_check_text(p_reason, p_note);
  perform public.moderation_check_items(p_items);

  -- One set-based statement for the whole batch: judge every item against the row it names
  -- (locked, in id order, so concurrent batches cannot deadlock), change the ones that pass,
  -- settle their reports, drop their claims and write one audit row each.
  with items as (
    select distinct on (x.value->>'id') x.value->>'id' as id_text, x.ord,
           x.value ? 'expected_status' as has_status, x.value->>'expected_status' as expected_status,
           x.value ? 'expected_updated_at' as has_updated, x.value->>'expected_updated_at' as expected_updated_at
      from pg_catalog.jsonb_array_elements(p_items) with ordinality as x(value, ord)
     order by x.value->>'id', x.ord
  ), parsed as (
    select i.*, case when i.id_text ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then i.id_text::uuid end as id
      from items i
  ), locked as (
    select v.id, v.moderation_status, v.updated_at, v.is_featured, v.moderation_notes
      from public.videos v
     where v.id in (select p.id from parsed p where p.id is not null)
     order by v.id
       for update
  ), judged as (
    select p.ord, p.id_text, p.id, l.moderation_status, l.updated_at, l.is_featured, l.moderation_notes,
           case
             when p.id is null then 'invalid'
             when l.id is null then 'invalid'
             when (p.has_status and l.moderation_status is distinct from p.expected_status)
               or (p.has_updated and l.updated_at is distinct from p.expected_updated_at::timestamptz) then 'conflict'
             when p_action = 'feature' and l.moderation_status <> 'approved' then 'invalid'
             when p_action = 'feature' and l.is_featured then 'invalid'
             when p_action = 'unfeature' and not coalesce(l.is_featured, false) then 'invalid'
             when v_to is not null and not public.video_transition_allowed(l.moderation_status, v_to) then 'invalid'
             else 'ok'
           end as verdict,
           case
             when p.id is null then 'Not a video id.'
             when l.id is null then 'No such video.'
             when (p.has_status and l.moderation_status is distinct from p.expected_status)
               or (p.has_updated and l.updated_at is distinct from p.expected_updated_at::timestamptz)
               then pg_catalog.format('Changed since you loaded it: it is now %s.', l.moderation_status)
             when p_action = 'feature' and l.moderation_status <> 'approved' then 'Only approved videos can be featured.'
             when p_action = 'feature' and l.is_featured then 'Already featured.'
             when p_action = 'unfeature' and not coalesce(l.is_featured, false) then 'Not featured.'
             when v_to is not null and not public.video_transition_allowed(l.moderation_status, v_to)
               then pg_catalog.format('A %s video cannot be %s.', l.moderation_status,
                      case p_action when 'approve' then 'approved' when 'reject' then 'rejected' when 'flag' then 'flagged' else 'reopened' end)
           end as message
      from parsed p left join locked l on l.id = p.id
  ), changed as (
    update public.videos v
       set moderation_status = coalesce(v_to, v.moderation_status),
           is_featured = case p_action when 'feature' then true when 'unfeature' then false
                                       else coalesce(v.is_featured, false) and coalesce(v_to, v.moderation_status) = 'approved' end,
           moderation_notes = case when p_action = 'reject' then p_reason else v.moderation_notes end
      from judged j
     where j.verdict = 'ok' and v.id = j.id
    returning v.id, v.moderation_status, v.is_featured, v.updated_at
  ), settled as (
    -- Deciding on a video settles its reports: acted on when rejected, kept when approved.
    update public.reports r
       set status = case when p_action = 'reject' then 'resolved' else 'dismissed' end,
           resolved_by = p_operator, resolved_at = pg_catalog.now()
     where p_action in ('approve', 'reject') and r.status = 'open' and r.video_id in (select c.id from changed c)
    returning r.video_id, r.id
  ), unclaimed as (
    delete from public.moderation_claims cl
     where cl.target_type = 'video' and cl.target_id in (select c.id from changed c)
  ), audited as (
    insert into public.moderation_audit_log (operator_id, action, target_type, target_id, from_state, to_state, reason, note, details, batch_id)
    select p_operator, p_action, 'video', j.id, j.moderation_status, c.moderation_status, p_reason, p_note,
           pg_catalog.jsonb_build_object('from_featured', j.is_featured, 'to_featured', c.is_featured, 'from_notes', j.moderation_notes,
             'reports', coalesce((select pg_catalog.jsonb_agg(s.id) from settled s where s.video_id = j.id), '[]'::jsonb)),
           v_batch
      from judged j join changed c on c.id = j.id
    returning id, target_id
  )
  select coalesce(pg_catalog.jsonb_agg(
           case
             when c.id is not null then pg_catalog.jsonb_build_object('id', j.id, 'outcome', 'done', 'status', c.moderation_status,
               'is_featured', c.is_featured, 'updated_at', c.updated_at, 'audit_id', a.id)
             when j.verdict = 'conflict' then pg_catalog.jsonb_build_object('id', j.id, 'outcome', 'conflict', 'status', j.moderation_status,
               'updated_at', j.updated_at, 'message', j.message, 'last_change', public.moderation_last_change('video', j.id))
             else pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('id', coalesce(j.id::text, j.id_text), 'outcome', 'invalid',
               'status', j.moderation_status, 'message', j.message))
           end order by j.ord), '[]'::jsonb),
         count(c.id)::integer
    into v_results, v_done
    from judged j
    left join changed c on c.id = j.id
    left join audited a on a.target_id = j.id;

  return pg_catalog.jsonb_build_object('batch_id', v_batch, 'done', v_done, 'results', v_results);
end;
$$;
comment on function public.admin_moderate_videos(uuid, text, jsonb, text, text) is 'Admin: approve, reject (reason required), flag, reopen, feature or unfeature one or many videos in one transaction. Each item {id, expected_status | expected_updated_at} gets an outcome: done, conflict (changed since, with who and when) or invalid.';

create function public.admin_update_video_metadata(
  p_operator uuid,
  p_video_id uuid,
  p_expected_updated_at timestamptz,
  p_category_id integer,
  p_tag_ids integer[],
  p_note text default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v public.videos;
  v_from_tags integer[];
  v_to_tags integer[] := coalesce((select pg_catalog.array_agg(distinct t order by t) from unnest(p_tag_ids) t), '{}');
  v_updated timestamptz;
  v_audit bigint;
begin
  perform public.moderation_require_operator(p_operator);
  perform public.moderation_check_text(null, p_note);
  select * into v from public.videos where id = p_video_id for update;
  if not found then
    raise exception 'No video with id %.', p_video_id using errcode = 'P0002';
  end if;
  if v.updated_at is distinct from p_expected_updated_at then
    raise exception 'The video changed since you loaded it.' using errcode = 'PT409',
      detail = coalesce(public.moderation_last_change('video', v.id)::text, ''), hint = 'Reload it and make your edit again.';
  end if;
  if p_category_id is not null and not exists (select 1 from public.categories where id = p_category_id) then
    raise exception 'No category with id %.', p_category_id using errcode = '22023';
  end if;
  if exists (select 1 from unnest(v_to_tags) t where not exists (select 1 from public.tags where id = t)) then
    raise exception 'Unknown tag id in %.', v_to_tags using errcode = '22023';
  end if;
  v_from_tags := coalesce((select pg_catalog.array_agg(tag_id order by tag_id) from public.video_tags where video_id = v.id), '{}');

  delete from public.video_tags where video_id = v.id and tag_id <> all (v_to_tags);
  insert into public.video_tags (video_id, tag_id) select v.id, t from unnest(v_to_tags) t on conflict do nothing;
  -- The update stamps a new version (updated_at) even when only the tags changed.
  update public.videos set category_id = p_category_id where id = v.id returning updated_at into v_updated;

  insert into public.moderation_audit_log (operator_id, action, target_type, target_id, from_state, to_state, note, details)
  values (p_operator, 'edit', 'video', v.id, v.moderation_status, v.moderation_status, p_note,
          pg_catalog.jsonb_build_object('from', pg_catalog.jsonb_build_object('category_id', v.category_id, 'tag_ids', v_from_tags),
                                        'to', pg_catalog.jsonb_build_object('category_id', p_category_id, 'tag_ids', v_to_tags)))
  returning id into v_audit;
  return pg_catalog.jsonb_build_object('id', v.id, 'updated_at', v_updated, 'audit_id', v_audit);
end;
$$;
comment on function public.admin_update_video_metadata(uuid, uuid, timestamptz, integer, integer[], text) is 'Admin: sets a video''s category and tags before deciding on it; refused (PT409) when the video changed since p_expected_updated_at.';

create function public.admin_moderate_comments(p_operator uuid, p_action text, p_items jsonb, p_note text default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_item jsonb;
  v_id uuid;
  c public.comments;
  v_reports uuid[];
  v_audit bigint;
  v_batch uuid := pg_catalog.gen_random_uuid();
  v_results jsonb := '[]'::jsonb;
  v_done integer := 0;
begin
  perform public.moderation_require_operator(p_operator);
  if p_action is null or p_action not in ('remove', 'keep') then
    raise exception 'Unknown action "%": use remove or keep.', p_action using errcode = '22023';
  end if;
  perform public.moderation_check_text(null, p_note);
  perform public.moderation_check_items(p_items);
  for v_item in select value from pg_catalog.jsonb_array_elements(p_items) order by value->>'id' loop
    begin
      v_id := (v_item->>'id')::uuid;
    exception when invalid_text_representation then
      v_results := v_results || pg_catalog.jsonb_build_object('id', v_item->>'id', 'outcome', 'invalid', 'message', 'Not a comment id.');
      continue;
    end;
    select * into c from public.comments where id = v_id for update;
    if not found then
      v_results := v_results || pg_catalog.jsonb_build_object('id', v_id, 'outcome', 'invalid', 'message', 'No such comment.');
      continue;
    end if;
    if v_item ? 'expected_is_deleted' and c.is_deleted is distinct from (v_item->>'expected_is_deleted')::boolean then
      v_results := v_results || pg_catalog.jsonb_build_object('id', v_id, 'outcome', 'conflict',
        'message', case when c.is_deleted then 'Already removed.' else 'Restored since you loaded it.' end,
        'last_change', public.moderation_last_change('comment', v_id));
      continue;
    end if;
    if p_action = 'remove' then
      if c.is_deleted then
        v_results := v_results || pg_catalog.jsonb_build_object('id', v_id, 'outcome', 'invalid', 'message', 'Already removed.');
        continue;
      end if;
      update public.comments set is_deleted = true, deleted_at = pg_catalog.now() where id = v_id;
      v_reports := public.moderation_close_reports('comment', v_id, 'resolved', p_operator);
    else
      v_reports := public.moderation_close_reports('comment', v_id, 'dismissed', p_operator);
    end if;
    delete from public.moderation_claims where target_type = 'comment' and target_id = v_id;
    insert into public.moderation_audit_log (operator_id, action, target_type, target_id, from_state, to_state, note, details, batch_id)
    values (p_operator, p_action || '_comment', 'comment', v_id,
            case when c.is_deleted then 'removed' else 'visible' end,
            case when p_action = 'remove' or c.is_deleted then 'removed' else 'visible' end,
            p_note, pg_catalog.jsonb_build_object('reports', v_reports, 'from_deleted_at', c.deleted_at), v_batch)
    returning id into v_audit;
    v_done := v_done + 1;
    v_results := v_results || pg_catalog.jsonb_build_object('id', v_id, 'outcome', 'done', 'audit_id', v_audit, 'reports_closed', pg_catalog.cardinality(v_reports));
  end loop;
  return pg_catalog.jsonb_build_object('batch_id', v_batch, 'done', v_done, 'results', v_results);
end;
$$;
comment on function public.admin_moderate_comments(uuid, text, jsonb, text) is 'Admin: remove (soft delete, reports resolved) or keep (reports dismissed) one or many reported comments, with per-item outcomes.';

create function public.admin_moderate_contexts(p_operator uuid, p_action text, p_items jsonb, p_reason text default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_item jsonb;
  v_id uuid;
  vc public.video_contexts;
  v_reports uuid[];
  v_audit bigint;
  v_batch uuid := pg_catalog.gen_random_uuid();
  v_results jsonb := '[]'::jsonb;
  v_done integer := 0;
begin
  perform public.moderation_require_operator(p_operator);
  if p_action is null or p_action not in ('approve', 'reject') then
    raise exception 'Unknown action "%": use approve or reject.', p_action using errcode = '22023';
  end if;
  if p_action = 'reject' and coalesce(pg_catalog.btrim(p_reason), '') = '' then
    raise exception 'A rejection needs a reason.' using errcode = '22023';
  end if;
  perform public.moderation_check_text(p_reason, null);
  perform public.moderation_check_items(p_items);
  for v_item in select value from pg_catalog.jsonb_array_elements(p_items) order by value->>'id' loop
    begin
      v_id := (v_item->>'id')::uuid;
    exception when invalid_text_representation then
      v_results := v_results || pg_catalog.jsonb_build_object('id', v_item->>'id', 'outcome', 'invalid', 'message', 'Not a context note id.');
      continue;
    end;
    select * into vc from public.video_contexts where id = v_id for update;
    if not found then
      v_results := v_results || pg_catalog.jsonb_build_object('id', v_id, 'outcome', 'conflict', 'message', 'No such note: it may have been rejected already.',
        'last_change', public.moderation_last_change('context', v_id));
      continue;
    end if;
    if (v_item ? 'expected_is_approved' and vc.is_approved is distinct from (v_item->>'expected_is_approved')::boolean)
       or (v_item ? 'expected_updated_at' and vc.updated_at is distinct from (v_item->>'expected_updated_at')::timestamptz) then
      v_results := v_results || pg_catalog.jsonb_build_object('id', v_id, 'outcome', 'conflict', 'message', 'Changed since you loaded it.',
        'last_change', public.moderation_last_change('context', v_id));
      continue;
    end if;
    if p_action = 'approve' then
      if vc.is_approved then
        v_results := v_results || pg_catalog.jsonb_build_object('id', v_id, 'outcome', 'invalid', 'message', 'Already approved.');
        continue;
      end if;
      update public.video_contexts set is_approved = true where id = v_id;
      v_reports := public.moderation_close_reports('context', v_id, 'dismissed', p_operator);
    else
      v_reports := public.moderation_close_reports('context', v_id, 'resolved', p_operator);
      -- The whole row is kept in the audit entry, so an undo can put it back.
      delete from public.video_contexts where id = v_id;
    end if;
    insert into public.moderation_audit_log (operator_id, action, target_type, target_id, from_state, to_state, reason, details, batch_id)
    values (p_operator, p_action || '_context', 'context', v_id,
            case when vc.is_approved then 'approved' else 'unapproved' end,
            case when p_action = 'approve' then 'approved' else 'rejected' end,
            p_reason, pg_catalog.jsonb_build_object('reports', v_reports, 'row', pg_catalog.to_jsonb(vc)), v_batch)
    returning id into v_audit;
    v_done := v_done + 1;
    v_results := v_results || pg_catalog.jsonb_build_object('id', v_id, 'outcome', 'done', 'audit_id', v_audit);
  end loop;
  return pg_catalog.jsonb_build_object('batch_id', v_batch, 'done', v_done, 'results', v_results);
end;
$$;
comment on function public.admin_moderate_contexts(uuid, text, jsonb, text) is 'Admin: approve or reject (reason required; the note is deleted and kept in the audit log) context notes, with per-item outcomes.';

create function public.admin_dismiss_reports(p_operator uuid, p_target_type text, p_target_id uuid, p_note text default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_reports uuid[];
  v_audit bigint;
begin
  perform public.moderation_require_operator(p_operator);
  perform public.moderation_check_text(null, p_note);
  if p_target_type is null or p_target_type not in ('video', 'comment', 'context') then
    raise exception 'Unknown target type "%".', p_target_type using errcode = '22023';
  end if;
  v_reports := public.moderation_close_reports(p_target_type, p_target_id, 'dismissed', p_operator);
  if pg_catalog.cardinality(v_reports) = 0 then
    raise exception 'No open reports on this item: another moderator may have handled them.' using errcode = 'PT409',
      detail = coalesce(public.moderation_last_change(p_target_type, p_target_id)::text, '');
  end if;
  insert into public.moderation_audit_log (operator_id, action, target_type, target_id, from_state, to_state, note, details)
  values (p_operator, 'dismiss_reports', p_target_type, p_target_id, 'reported', 'kept', p_note, pg_catalog.jsonb_build_object('reports', v_reports))
  returning id into v_audit;
  return pg_catalog.jsonb_build_object('dismissed', pg_catalog.cardinality(v_reports), 'audit_id', v_audit);
end;
$$;
comment on function public.admin_dismiss_reports(uuid, text, uuid, text) is 'Admin: keeps a reported item and dismisses its open reports.';

create function public.admin_set_user_active(p_operator uuid, p_user_id uuid, p_active boolean, p_expected_active boolean, p_reason text default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  u public.users;
  v_audit bigint;
begin
  perform public.moderation_require_operator(p_operator);
  perform public.moderation_check_text(p_reason, null);
  if p_active is null then
    raise exception 'Say whether the user is to be active.' using errcode = '22023';
  end if;
  if not p_active and coalesce(pg_catalog.btrim(p_reason), '') = '' then
    raise exception 'A suspension needs a reason.' using errcode = '22023';
  end if;
  if p_user_id = p_operator and not p_active then
    raise exception 'You cannot suspend yourself.' using errcode = '22023';
  end if;
  select * into u from public.users where id = p_user_id for update;
  if not found then
    raise exception 'No user with id %.', p_user_id using errcode = 'P0002';
  end if;
  if u.is_active is distinct from p_expected_active then
    raise exception 'The user is already %.', case when u.is_active then 'active' else 'suspended' end using errcode = 'PT409',
      detail = coalesce(public.moderation_last_change('user', p_user_id)::text, '');
  end if;
  update public.users set is_active = p_active where id = p_user_id;
  insert into public.moderation_audit_log (operator_id, action, target_type, target_id, from_state, to_state, reason)
  values (p_operator, case when p_active then 'reinstate_user' else 'suspend_user' end, 'user', p_user_id,
          case when u.is_active then 'active' else 'suspended' end, case when p_active then 'active' else 'suspended' end, p_reason)
  returning id into v_audit;
  return pg_catalog.jsonb_build_object('id', p_user_id, 'is_active', p_active, 'audit_id', v_audit);
end;
$$;
comment on function public.admin_set_user_active(uuid, uuid, boolean, boolean, text) is 'Admin: suspends (reason required) or reinstates a user; refused as a conflict when the user is not in the expected state.';

------------------------------------------------------------------------------------------
-- Undo
------------------------------------------------------------------------------------------

create function public.admin_undo_moderation(p_operator uuid, p_audit_ids bigint[])
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  a public.moderation_audit_log;
  v_later public.moderation_audit_log;
  v public.videos;
  v_restore jsonb;
  v_results jsonb := '[]'::jsonb;
  v_audit bigint;
  v_done integer := 0;
  v_ok boolean;
begin
  perform public.moderation_require_operator(p_operator);
  if p_audit_ids is null or pg_catalog.cardinality(p_audit_ids) = 0 or pg_catalog.cardinality(p_audit_ids) > 1000 then
    raise exception 'Pass between 1 and 1,000 audit ids to undo.' using errcode = '22023';
  end if;
  -- Later actions first, so a batch unwinds in reverse.
  for a in select * from public.moderation_audit_log where id = any (p_audit_ids) order by id desc loop
    if a.operator_id <> p_operator then
      v_results := v_results || pg_catalog.jsonb_build_object('audit_id', a.id, 'outcome', 'invalid', 'message', 'Only the moderator who acted can undo it.');
      continue;
    end if;
    if a.action = 'undo' or exists (select 1 from public.moderation_audit_log u where u.undo_of = a.id) then
      v_results := v_results || pg_catalog.jsonb_build_object('audit_id', a.id, 'outcome', 'invalid', 'message', 'Already undone.');
      continue;
    end if;
    select * into v_later from public.moderation_audit_log l
     where l.target_type = a.target_type and l.target_id = a.target_id and l.id > a.id order by l.id desc limit 1;
    if found then
      v_results := v_results || pg_catalog.jsonb_build_object('audit_id', a.id, 'id', a.target_id, 'outcome', 'conflict',
        'message', 'Changed since: the undo would overwrite a later action.', 'last_change', public.moderation_last_change(a.target_type, a.target_id));
      continue;
    end if;

    v_ok := true;
    if a.target_type = 'video' then
      select * into v from public.videos where id = a.target_id for update;
      if not found or v.moderation_status is distinct from a.to_state
         or (a.action <> 'edit' and v.is_featured is distinct from coalesce((a.details->>'to_featured')::boolean, v.is_featured)) then
        v_ok := false;
      elsif a.action = 'edit' then
        delete from public.video_tags where video_id = a.target_id;
        insert into public.video_tags (video_id, tag_id)
          select a.target_id, t::integer from pg_catalog.jsonb_array_elements_text(a.details->'from'->'tag_ids') t
          where exists (select 1 from public.tags where id = t::integer);
        update public.videos set category_id = (a.details->'from'->>'category_id')::integer where id = a.target_id;
      else
        perform pg_catalog.set_config('magna.moderation_undo', 'on', true);
        update public.videos
           set moderation_status = a.from_state,
               is_featured = coalesce((a.details->>'from_featured')::boolean, false),
               moderation_notes = a.details->>'from_notes'
         where id = a.target_id;
        perform pg_catalog.set_config('magna.moderation_undo', 'off', true);
      end if;
    elsif a.target_type = 'comment' then
      if a.action = 'remove_comment' then
        update public.comments set is_deleted = false, deleted_at = (a.details->>'from_deleted_at')::timestamptz
         where id = a.target_id and is_deleted;
        v_ok := found;
      end if;
    elsif a.target_type = 'context' then
      if a.action = 'approve_context' then
        update public.video_contexts set is_approved = false where id = a.target_id and is_approved;
        v_ok := found;
      elsif a.action = 'reject_context' then
        v_restore := a.details->'row';
        if exists (select 1 from public.video_contexts where id = a.target_id)
           or not exists (select 1 from public.videos where id = (v_restore->>'video_id')::uuid) then
          v_ok := false;
        else
          insert into public.video_contexts select * from pg_catalog.jsonb_populate_record(null::public.video_contexts, v_restore);
        end if;
      end if;
    elsif a.target_type = 'user' then
      update public.users set is_active = (a.from_state = 'active') where id = a.target_id and is_active = (a.to_state = 'active');
      v_ok := found;
    end if;

    if not v_ok then
      v_results := v_results || pg_catalog.jsonb_build_object('audit_id', a.id, 'id', a.target_id, 'outcome', 'conflict',
        'message', 'The item is no longer in the state that action left it in.');
      continue;
    end if;
    if a.details ? 'reports' then
      perform public.moderation_reopen_reports(array(select pg_catalog.jsonb_array_elements_text(a.details->'reports')::uuid));
    end if;
    insert into public.moderation_audit_log (operator_id, action, target_type, target_id, from_state, to_state, note, undo_of, details)
    values (p_operator, 'undo', a.target_type, a.target_id, a.to_state, a.from_state, 'Undo of ' || a.action, a.id,
            pg_catalog.jsonb_build_object('undone_action', a.action))
    returning id into v_audit;
    v_done := v_done + 1;
    v_results := v_results || pg_catalog.jsonb_build_object('audit_id', a.id, 'id', a.target_id, 'outcome', 'done', 'undo_audit_id', v_audit, 'status', a.from_state);
  end loop;
  if pg_catalog.jsonb_array_length(v_results) = 0 then
    raise exception 'No such audit entries.' using errcode = 'P0002';
  end if;
  return pg_catalog.jsonb_build_object('done', v_done, 'results', v_results);
end;
$$;
comment on function public.admin_undo_moderation(uuid, bigint[]) is 'Admin: reverts actions through the audit log, only where nothing changed since (else conflict) and only for the moderator who acted; records an undo entry for each.';

------------------------------------------------------------------------------------------
-- Claims, templates, operators
------------------------------------------------------------------------------------------

create function public.admin_claim_item(p_operator uuid, p_target_type text, p_target_id uuid, p_ttl_seconds integer default 300)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  cl public.moderation_claims;
begin
  perform public.moderation_require_operator(p_operator);
  if p_target_type is null or p_target_type not in ('video', 'comment', 'context') then
    raise exception 'Unknown target type "%".', p_target_type using errcode = '22023';
  end if;
  if p_ttl_seconds is null or p_ttl_seconds < 10 or p_ttl_seconds > 3600 then
    raise exception 'A claim lasts between 10 seconds and an hour.' using errcode = '22023';
  end if;
  insert into public.moderation_claims as c (target_type, target_id, operator_id, claimed_at, expires_at)
  values (p_target_type, p_target_id, p_operator, pg_catalog.now(), pg_catalog.now() + pg_catalog.make_interval(secs => p_ttl_seconds))
  on conflict (target_type, target_id) do update
     set operator_id = excluded.operator_id, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
   where c.operator_id = excluded.operator_id or c.expires_at <= pg_catalog.now()
  returning * into cl;
  if found then
    return pg_catalog.jsonb_build_object('claimed', true, 'operator_id', cl.operator_id, 'expires_at', cl.expires_at);
  end if;
  select * into cl from public.moderation_claims where target_type = p_target_type and target_id = p_target_id;
  return pg_catalog.jsonb_build_object('claimed', false, 'operator_id', cl.operator_id,
    'operator', (select username from public.users where id = cl.operator_id), 'expires_at', cl.expires_at);
end;
$$;
comment on function public.admin_claim_item(uuid, text, uuid, integer) is 'Admin: claims an item for review (or renews one''s own claim); refused while another moderator holds an unexpired claim.';

create function public.admin_release_claim(p_operator uuid, p_target_type text, p_target_id uuid)
returns void
language sql
set search_path = ''
as $$
  delete from public.moderation_claims where target_type = p_target_type and target_id = p_target_id and operator_id = p_operator
$$;
comment on function public.admin_release_claim(uuid, text, uuid) is 'Admin: releases one''s own claim on an item.';

create function public.admin_list_rejection_reasons(p_include_inactive boolean default false)
returns setof public.rejection_reasons
language sql
stable
set search_path = ''
as $$
  select * from public.rejection_reasons where is_active or p_include_inactive order by display_order, label
$$;
comment on function public.admin_list_rejection_reasons(boolean) is 'Admin: the rejection-reason templates, in display order.';

create function public.admin_save_rejection_reason(
  p_label text, p_body text, p_id integer default null, p_display_order integer default 0, p_is_active boolean default true
)
returns public.rejection_reasons
language plpgsql
set search_path = ''
as $$
declare
  r public.rejection_reasons;
begin
  if coalesce(pg_catalog.btrim(p_label), '') = '' or char_length(p_label) > 80 then
    raise exception 'A template needs a label of 1 to 80 characters.' using errcode = '22023';
  end if;
  if coalesce(pg_catalog.btrim(p_body), '') = '' or char_length(p_body) > 2000 then
    raise exception 'A template needs a text of 1 to 2,000 characters.' using errcode = '22023';
  end if;
  if p_id is null then
    insert into public.rejection_reasons (label, body, display_order, is_active)
    values (pg_catalog.btrim(p_label), p_body, coalesce(p_display_order, 0), coalesce(p_is_active, true)) returning * into r;
  else
    update public.rejection_reasons
       set label = pg_catalog.btrim(p_label), body = p_body, display_order = coalesce(p_display_order, 0), is_active = coalesce(p_is_active, true)
     where id = p_id returning * into r;
    if not found then
      raise exception 'No template with id %.', p_id using errcode = 'P0002';
    end if;
  end if;
  return r;
exception when unique_violation then
  raise exception 'A template labelled "%" already exists.', pg_catalog.btrim(p_label) using errcode = '23505';
end;
$$;
comment on function public.admin_save_rejection_reason(text, text, integer, integer, boolean) is 'Admin: creates or edits a rejection-reason template (deactivate instead of deleting, so past audit entries keep their meaning).';

create function public.admin_list_operators(p_search text default null, p_limit integer default 20)
returns table (id uuid, username text, display_name text)
language sql
stable
set search_path = ''
as $$
  select u.id, u.username, u.display_name
    from public.users u
   where u.is_active
     and (coalesce(p_search, '') = '' or u.username ilike '%' || p_search || '%' or u.display_name ilike '%' || p_search || '%')
   order by u.username
   limit least(greatest(coalesce(p_limit, 20), 1), 100)
$$;
comment on function public.admin_list_operators(text, integer) is 'Admin: active users a connection profile can act as (the operator recorded in the audit log).';

create function public.admin_taxonomy_options()
returns jsonb
language sql
stable
set search_path = ''
as $$
  select pg_catalog.jsonb_build_object(
    'categories', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', c.id, 'name', c.name, 'parent_id', c.parent_id) order by c.parent_id nulls first, c.display_order, c.name)
                              from public.categories c where c.slug <> 'all'), '[]'::jsonb),
    'tags', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', t.id, 'name', t.name) order by t.name)
                        from (select id, name from public.tags order by name limit 5000) t), '[]'::jsonb))
$$;
comment on function public.admin_taxonomy_options() is 'Admin: categories and (up to 5,000) tags to choose from when editing a video before approving it.';

do $grants$
declare
  f text;
begin
  foreach f in array array[
    'public.admin_taxonomy_options()',
    'public.admin_moderation_queue(text, text, integer, jsonb, jsonb)', 'public.admin_moderation_counts(timestamptz)',
    'public.admin_report_queue(integer, jsonb)', 'public.admin_context_queue(integer, jsonb)', 'public.admin_video_review(uuid)',
    'public.admin_moderate_videos(uuid, text, jsonb, text, text)', 'public.admin_update_video_metadata(uuid, uuid, timestamptz, integer, integer[], text)',
    'public.admin_moderate_comments(uuid, text, jsonb, text)', 'public.admin_moderate_contexts(uuid, text, jsonb, text)',
    'public.admin_dismiss_reports(uuid, text, uuid, text)', 'public.admin_set_user_active(uuid, uuid, boolean, boolean, text)',
    'public.admin_undo_moderation(uuid, bigint[])', 'public.admin_claim_item(uuid, text, uuid, integer)',
    'public.admin_release_claim(uuid, text, uuid)', 'public.admin_list_rejection_reasons(boolean)',
    'public.admin_save_rejection_reason(text, text, integer, integer, boolean)', 'public.admin_list_operators(text, integer)']
  loop
    execute pg_catalog.format('revoke execute on function %s from public, anon, authenticated', f);
    execute pg_catalog.format('grant execute on function %s to service_role', f);
  end loop;
end
$grants$;
