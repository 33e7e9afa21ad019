-- Admin API: pairs of tags that look like duplicates (same slug ignoring hyphens and a plural s, or trigram-similar names), best first.
create or replace function public.admin_tag_suggestions(p_operator uuid, p_limit integer default 50)
returns jsonb
language sql
stable
set search_path = ''
set pg_trgm.similarity_threshold = '0.5'
as $$
  select private.require_staff(p_operator, 'curator');
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
comment on function public.admin_tag_suggestions(uuid, integer) is 'Admin: pairs of tags that look like duplicates (same slug ignoring hyphens and a plural s, or trigram-similar names), best first.';
revoke execute on function public.admin_tag_suggestions(uuid, integer) from public, anon, authenticated;
grant execute on function public.admin_tag_suggestions(uuid, integer) to service_role;
