-- Admin API: everything needed to decide on a video (details, submitter history, audit timeline, reports, possible duplicates, claim).
create or replace function public.admin_video_review(p_operator uuid, p_video_id uuid)
returns jsonb
language plpgsql
stable
set search_path = ''
set pg_trgm.similarity_threshold = '0.5'
as $$
declare
  v public.videos;
  v_embedding extensions.vector;
begin
  perform private.require_staff(p_operator, 'moderator');
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
comment on function public.admin_video_review(uuid, uuid) is 'Admin: everything needed to decide on a video: details, tags, submitter history, audit timeline, open reports, possible duplicates (same platform id, similar titles, nearest approved embeddings) and any claim.';
revoke execute on function public.admin_video_review(uuid, uuid) from public, anon, authenticated;
grant execute on function public.admin_video_review(uuid, uuid) to service_role;
