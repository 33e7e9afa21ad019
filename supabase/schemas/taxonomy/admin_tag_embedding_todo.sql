-- Admin API: the tags (in id order, after p_after_id) whose names still need embedding with the videos' model (none yet, another model, or renamed since), and that model's provider.
create or replace function public.admin_tag_embedding_todo(p_operator uuid, p_limit integer default 500, p_after_id integer default 0)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_model text := private.tag_embedding_model();
begin
  perform private.require_staff(p_operator, 'curator');
  perform private.check_page_size(p_limit, 5000);
  if v_model is null then
    return pg_catalog.jsonb_build_object('model', null, 'provider', null, 'tags', '[]'::jsonb, 'remaining', 0, 'embedded', 0);
  end if;
  return pg_catalog.jsonb_build_object(
    'model', v_model,
    -- The provider settings of the latest backfill with that model (never a key: keys stay in the console).
    'provider', (select j.options->'provider' from public.embedding_jobs j where j.model = v_model order by j.created_at desc limit 1),
    'tags', (select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', x.id, 'name', x.name) order by x.id), '[]'::jsonb)
               from (select t.id, t.name from public.tags t left join public.tag_embeddings e on e.tag_id = t.id
                      where t.id > coalesce(p_after_id, 0)
                        and (e.tag_id is null or e.model <> v_model or e.name_hash <> pg_catalog.md5(t.name))
                      order by t.id limit p_limit) x),
    'remaining', (select count(*) from public.tags t left join public.tag_embeddings e on e.tag_id = t.id
                   where e.tag_id is null or e.model <> v_model or e.name_hash <> pg_catalog.md5(t.name)),
    'embedded', (select count(*) from public.tag_embeddings e join public.tags t on t.id = e.tag_id
                  where e.model = v_model and e.name_hash = pg_catalog.md5(t.name)));
end;
$$;
comment on function public.admin_tag_embedding_todo(uuid, integer, integer) is 'Admin: up to p_limit tags (after p_after_id, in id order) whose names need embedding with the videos'' model (none yet, another model, renamed since), the model, its provider settings (latest backfill), how many remain and how many are current.';
revoke execute on function public.admin_tag_embedding_todo(uuid, integer, integer) from public, anon, authenticated;
grant execute on function public.admin_tag_embedding_todo(uuid, integer, integer) to service_role;
