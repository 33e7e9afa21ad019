-- Internal helper: the videos a backfill of this scope, model and statuses embeds, between two video ids, with their text's length when asked.
create or replace function private.embedding_candidates(
  p_scope text, p_model text, p_statuses text[], p_after uuid default null, p_through uuid default null, p_with_chars boolean default false
)
returns table (video_id uuid, chars integer)
language sql
stable
set search_path = ''
as $$
  select v.id, case when p_with_chars then pg_catalog.char_length(private.video_embedding_text(v.title, v.description)) end
    from public.videos v left join public.video_embeddings e on e.video_id = v.id
   where v.moderation_status = any (p_statuses)
     -- A primary-key range whatever is given (a plan made for any bounds still reads just the range).
     and v.id > coalesce(p_after, '00000000-0000-0000-0000-000000000000'::uuid)
     and v.id <= coalesce(p_through, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid)
     and case p_scope
           when 'missing' then e.video_id is null
           when 'stale' then e.video_id is not null and (e.model is distinct from p_model
                             or e.content_hash is distinct from pg_catalog.md5(private.video_embedding_text(v.title, v.description)))
           else true end
$$;
comment on function private.embedding_candidates(text, text, text[], uuid, uuid, boolean) is 'Internal: the videos a backfill of scope p_scope (missing, stale, all) for model p_model embeds among videos in p_statuses, with ids after p_after and up to p_through when given; chars is the length of each text when p_with_chars.';
revoke execute on function private.embedding_candidates(text, text, text[], uuid, uuid, boolean) from public, anon, authenticated;
grant execute on function private.embedding_candidates(text, text, text[], uuid, uuid, boolean) to service_role;
