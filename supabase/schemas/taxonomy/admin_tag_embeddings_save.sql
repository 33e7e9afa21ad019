-- Admin API: stores tag-name embeddings ([{id, name, embedding}]) made with a model, in one transaction; a tag renamed or gone meanwhile is skipped.
create or replace function public.admin_tag_embeddings_save(p_operator uuid, p_model text, p_rows jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_saved integer;
  v_total integer;
begin
  perform private.require_staff(p_operator, 'curator');
  if nullif(pg_catalog.btrim(p_model), '') is null then
    raise exception 'Name the model the embeddings were made with.' using errcode = '22023';
  end if;
  if p_rows is null or pg_catalog.jsonb_typeof(p_rows) <> 'array' then
    raise exception 'Pass the embeddings as an array of {id, name, embedding}.' using errcode = '22023';
  end if;
  v_total := pg_catalog.jsonb_array_length(p_rows);
  if v_total > 5000 then
    raise exception 'At most 5,000 embeddings per call (got %).', v_total using errcode = '22023', hint = 'Save them in batches.';
  end if;
  -- The vector cast checks the dimensions (1536) and refuses the whole batch otherwise.
  insert into public.tag_embeddings as e (tag_id, embedding, model, name_hash, updated_at)
  select t.id, (r->>'embedding')::extensions.vector(1536), p_model, pg_catalog.md5(t.name), pg_catalog.now()
    from pg_catalog.jsonb_array_elements(p_rows) r
    join public.tags t on t.id = (r->>'id')::integer and t.name = r->>'name'
   order by t.id
  on conflict (tag_id) do update set embedding = excluded.embedding, model = excluded.model, name_hash = excluded.name_hash, updated_at = excluded.updated_at;
  get diagnostics v_saved = row_count;
  return pg_catalog.jsonb_build_object('saved', v_saved, 'skipped', v_total - v_saved);
end;
$$;
comment on function public.admin_tag_embeddings_save(uuid, text, jsonb) is 'Admin: stores tag-name embeddings [{id, name, embedding}] made with p_model in one transaction; a tag renamed or removed since it was read is skipped (counted in skipped).';
revoke execute on function public.admin_tag_embeddings_save(uuid, text, jsonb) from public, anon, authenticated;
grant execute on function public.admin_tag_embeddings_save(uuid, text, jsonb) to service_role;
